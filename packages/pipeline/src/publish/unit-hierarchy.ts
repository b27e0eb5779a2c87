/**
 * Who contains which village in a given review year. Why: units change (2025 reform), so every year has its own
 * hierarchy, and units that exist today get their earlier years rebuilt exactly from their villages. Household
 * figures stop at the province: the country above it (and regions, outside the parent links) get none computed.
 */
import { isUnitLevel, type AnyUnitLevel, type UnitLevel } from "@minhbach/core/units/levels.ts";

export interface UnitInfo {
  code: string;
  level: AnyUnitLevel;
  validFrom: Date | null;
  validTo: Date | null;
}

export interface ParentLink {
  unitCode: string;
  parentCode: string;
  validFrom: Date;
  validTo: Date | null;
}

export interface Grouping {
  unit: string;
  level: UnitLevel;
  year: number;
  villages: string[];
  /** true when the unit did not exist at that review and its figures are rebuilt from its villages */
  rebuilt: boolean;
}

/** The date a review year's figures refer to: reviews are carried out at the end of the year. */
export function reviewDate(year: number): Date {
  return new Date(Date.UTC(year, 11, 31));
}

function validAt(from: Date | null, to: Date | null, at: Date): boolean {
  return (!from || from.getTime() <= at.getTime()) && (!to || to.getTime() >= at.getTime());
}

export class UnitHierarchy {
  private readonly units = new Map<string, UnitInfo>();
  private readonly parents = new Map<string, ParentLink[]>();

  constructor(units: UnitInfo[], links: ParentLink[]) {
    for (const u of units) this.units.set(u.code, u);
    for (const l of links) {
      const list = this.parents.get(l.unitCode) ?? [];
      list.push(l);
      this.parents.set(l.unitCode, list);
    }
  }

  unit(code: string): UnitInfo | undefined {
    return this.units.get(code);
  }

  parentAt(code: string, at: Date): string | undefined {
    return this.parents.get(code)?.find((l) => validAt(l.validFrom, l.validTo, at))?.parentCode;
  }

  /** The chain of ancestors of a unit at a date, nearest first. */
  ancestorsAt(code: string, at: Date): string[] {
    const chain: string[] = [];
    const seen = new Set<string>([code]);
    for (let p = this.parentAt(code, at); p && !seen.has(p); p = this.parentAt(p, at)) {
      chain.push(p);
      seen.add(p);
    }
    return chain;
  }

  /** Whether the unit existed at a date, e.g. a review's (its own validity; a unit without dates always existed). */
  existedAt(code: string, at: Date): boolean {
    const info = this.units.get(code);
    return !!info && validAt(info.validFrom, info.validTo, at);
  }

  villages(): UnitInfo[] {
    return [...this.units.values()].filter((u) => u.level === "VILLAGE");
  }

  /** Every commune (of any date). */
  communes(): UnitInfo[] {
    return [...this.units.values()].filter((u) => u.level === "COMMUNE");
  }

  private current?: Date;

  /** The latest date at which any unit or link starts: the "current" map. */
  currentDate(): Date {
    if (this.current) return this.current;
    let latest = new Date(0);
    for (const u of this.units.values()) if (u.validFrom && u.validFrom > latest) latest = u.validFrom;
    for (const links of this.parents.values()) for (const l of links) if (l.validFrom > latest) latest = l.validFrom;
    return (this.current = latest);
  }

  /**
   * The aggregate units a village counts towards in a review year: its ancestors at that review, plus today's units
   * that did not exist yet (rebuilt from the villages they hold today), flagged as rebuilt.
   */
  groupsOfVillage(village: string, year: number): { unit: string; rebuilt: boolean }[] {
    const at = reviewDate(year);
    const now = this.currentDate();
    const groups = this.ancestorsAt(village, at).filter((unit) => this.aggregates(unit)).map((unit) => ({ unit, rebuilt: false }));
    if (now > at) {
      for (const unit of this.ancestorsAt(village, now)) {
        const info = this.units.get(unit);
        if (info && this.aggregates(unit) && !validAt(info.validFrom, info.validTo, at) && !groups.some((g) => g.unit === unit)) {
          groups.push({ unit, rebuilt: true });
        }
      }
    }
    return groups;
  }

  /** Whether household figures are computed for a unit: not for the country or a region (unknown codes as before). */
  private aggregates(code: string): boolean {
    const level = this.units.get(code)?.level;
    return level === undefined || isUnitLevel(level);
  }

  /** Every aggregate unit for a review year with the villages (that have data) it holds. */
  groupingsForYear(year: number, villagesWithData: Iterable<string>): Grouping[] {
    const byUnit = new Map<string, Grouping>();
    for (const village of villagesWithData) {
      for (const { unit, rebuilt } of this.groupsOfVillage(village, year)) {
        const info = this.units.get(unit);
        if (!info) continue;
        let g = byUnit.get(unit);
        if (!g) byUnit.set(unit, (g = { unit, level: info.level as UnitLevel, year, villages: [], rebuilt }));
        g.villages.push(village);
      }
    }
    return [...byUnit.values()];
  }
}
