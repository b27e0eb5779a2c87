/** The cells of one release by unit-year and measure, for building relations and targets without string scans. */
import type { ReleaseCell } from "./types.ts";

export class ReleaseIndex {
  private readonly byUnitYear = new Map<string, Map<string, ReleaseCell>>();

  constructor(cells: Iterable<ReleaseCell>) {
    for (const cell of cells) {
      const key = `${cell.unit}|${cell.year}`;
      let measures = this.byUnitYear.get(key);
      if (!measures) this.byUnitYear.set(key, (measures = new Map()));
      measures.set(cell.measure, cell);
    }
  }

  /** A cell the public can see as a figure or as hidden; NOT_AVAILABLE and absent cells are nothing to reason on. */
  usable(unit: string, year: number, measure: string): ReleaseCell | undefined {
    const cell = this.byUnitYear.get(`${unit}|${year}`)?.get(measure);
    return cell && cell.status !== "NOT_AVAILABLE" ? cell : undefined;
  }

  /** The unit-year's published household count (every rate's denominator), if published. */
  households(unit: string, year: number): number | undefined {
    const cell = this.usable(unit, year, "households");
    return cell?.status === "PUBLISHED" ? cell.value ?? undefined : undefined;
  }

  measures(unit: string, year: number): Iterable<ReleaseCell> {
    return this.byUnitYear.get(`${unit}|${year}`)?.values() ?? [];
  }

  *unitYears(): Iterable<{ unit: string; year: number }> {
    for (const measures of this.byUnitYear.values()) {
      const first = measures.values().next().value as ReleaseCell;
      yield { unit: first.unit, year: first.year };
    }
  }
}
