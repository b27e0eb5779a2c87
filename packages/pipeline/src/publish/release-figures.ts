/**
 * The cells of a release and, kept apart, why each hidden one is hidden. Why apart: in the public store every hidden
 * figure looks alike (SUPPRESSED, no value, no reason: a reason such as "fewer than k households" pins a range);
 * the reasons go to the private store's publish report (publish-report.ts in the db package).
 */
import { TOTAL_CATEGORY, type GateReport, type ProtectionResult } from "@minhbach/core/disclosure/index.ts";
import type { PublishableCellFate } from "@minhbach/core/disclosure/protect-table.ts";
import type { SuppressionRow } from "@minhbach/db/publish-report.ts";
import type { ReleaseContent } from "@minhbach/db/release-content.ts";
import type { TableSpec } from "./category-tables.js";

/** What the release keeps of a protected table or of the project table. */
export type ProtectionOutcome = Pick<ProtectionResult, "gate" | "historyConflicts">;

export class ReleaseFigures {
  readonly cells: ReleaseContent["cells"] = [];
  readonly suppressions: SuppressionRow[] = [];
  readonly gates: { table: string; report: GateReport }[] = [];
  readonly historyConflicts: string[] = [];
  /** True values of the suppressed cells by "<unit>|<year>|<measure>", for the release gate only (never written). */
  readonly hiddenValues = new Map<string, number>();

  /** One cell: its value only when published; a suppressed cell's reason goes to the suppressions. */
  add(unitCode: string, year: number, measure: string, value: number, status: string, reason: string | null | undefined): void {
    this.cells.push({ unitCode, year, measure, value: status === "PUBLISHED" ? value : null, status });
    if (status !== "SUPPRESSED") return;
    this.suppressions.push({ kind: "CELL", subject: unitCode, year, measure, reason: reason ?? "SECONDARY" });
    this.hiddenValues.set(`${unitCode}|${year}|${measure}`, value);
  }

  /** A figure the release does not give: the unit-year is not complete (coverage.ts). */
  notAvailable(unitCode: string, year: number, measure: string): void {
    this.cells.push({ unitCode, year, measure, value: null, status: "NOT_AVAILABLE" });
  }

  collect(table: string, result: ProtectionOutcome): void {
    this.gates.push({ table, report: result.gate });
    this.historyConflicts.push(...result.historyConflicts);
  }

  /** Appends another set's cells and suppressions (a protected part's, in part order). */
  append(other: ReleaseFigures): void {
    for (const c of other.cells) this.cells.push(c);
    for (const s of other.suppressions) this.suppressions.push(s);
    for (const [key, value] of other.hiddenValues) this.hiddenValues.set(key, value);
  }
}

/** The cells of one protected part (totals are published separately as "households"). */
export function tableFigures(fates: readonly PublishableCellFate[], measure: TableSpec["measure"]): ReleaseFigures {
  const out = new ReleaseFigures();
  for (const cell of fates) {
    const [, unitCode, year, category] = cell.id.split("|") as [string, string, string, string];
    if (category === TOTAL_CATEGORY) continue;
    out.add(unitCode, Number(year), measure(category), cell.value, cell.status, cell.reason);
  }
  return out;
}

/** Every measure of the category tables that a unit-year not complete would have had, written NOT_AVAILABLE. */
export function addNotAvailable(figures: ReleaseFigures, incomplete: readonly string[], specs: readonly TableSpec[], years: number[]): void {
  const measuresOf = new Map<number, string[]>();
  for (const year of years) {
    measuresOf.set(year, specs.filter((s) => s.years(years).includes(year)).flatMap((s) => s.published.map((c) => s.measure(c))));
  }
  for (const key of incomplete) {
    const [unitCode, yearText] = key.split("|") as [string, string];
    const year = Number(yearText);
    figures.notAvailable(unitCode, year, "households");
    for (const measure of measuresOf.get(year) ?? []) figures.notAvailable(unitCode, year, measure);
  }
}
