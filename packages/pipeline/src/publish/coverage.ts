/**
 * Coverage of every aggregate unit-year: how many of its children reported in that review against how many existed
 * then. Why: a commune "total" summed over 3 of its 11 villages looks like a commune total, and its rates would be
 * read as the commune's; a unit-year that is not complete publishes no figure as if it were (publish.ts).
 * Children are the villages of a commune and the communes of a district or province. A commune counts as reported
 * only when all its villages did, so an aggregate is complete exactly when every village it held then reported; a
 * commune with no village in the store (the national map holds every commune, most without villages) counts as not
 * reported, so a province with one commune's data is not complete.
 */
import { reviewDate, type UnitHierarchy } from "./unit-hierarchy.js";

export interface Coverage {
  reported: number;
  expected: number;
}

export type CoverageMap = Map<string, Coverage>; // "<unit>|<year>" → coverage (aggregates only, not villages)

/** Complete, or not an aggregate (villages report for themselves). */
export function isComplete(coverage: CoverageMap, unit: string, year: number): boolean {
  const c = coverage.get(`${unit}|${year}`);
  return !c || c.reported === c.expected;
}

/**
 * Coverage for each review year, from the unit hierarchy of that review: a village is expected when it existed at
 * the review or has records of it (records count even where the unit's dates say otherwise). A unit rebuilt from
 * today's villages (it did not exist at the review, see unit-hierarchy.ts) counts today's communes, the ones it is
 * rebuilt from.
 * @param reported the village-years with records
 */
export function unitCoverage(hierarchy: UnitHierarchy, years: readonly number[], reported: Iterable<{ village: string; year: number }>): CoverageMap {
  const coverage: CoverageMap = new Map();
  const reportedIn = new Map<number, Set<string>>(); // year → villages (a look-up by code, no key to build per village)
  for (const { village, year } of reported) (reportedIn.get(year) ?? reportedIn.set(year, new Set()).get(year)!).add(village);
  const villages = hierarchy.villages().map((v) => v.code);
  const now = hierarchy.currentDate();
  const communeNow = new Map<string, string>();
  const levelOf = (unit: string) => hierarchy.unit(unit)?.level;
  for (const year of years) {
    const at = reviewDate(year);
    const children = new Map<string, Map<string, boolean>>(); // unit → child → every village of the child reported
    const reportedNow = reportedIn.get(year) ?? new Set<string>();
    for (const village of villages) {
      const did = reportedNow.has(village);
      if (!did && !hierarchy.existedAt(village, at)) continue;
      const groups = hierarchy.groupsOfVillage(village, year);
      // the village's commune at the review: its nearest ancestor then (groups list those first, nearest first)
      const communeThen = groups.find((g) => !g.rebuilt && levelOf(g.unit) === "COMMUNE")?.unit ?? village;
      for (const { unit, rebuilt } of groups) {
        const level = levelOf(unit);
        if (!level || level === "VILLAGE") continue;
        let child = village;
        if (level !== "COMMUNE") child = rebuilt ? communeToday(village) : communeThen;
        let ofUnit = children.get(unit);
        if (!ofUnit) children.set(unit, (ofUnit = new Map()));
        if (ofUnit.get(child) !== false) ofUnit.set(child, did); // one village missing: the child stays unreported
      }
    }
    addCommunesWithoutVillages(hierarchy, year, children);
    for (const [unit, ofUnit] of children) {
      let done = 0;
      for (const complete of ofUnit.values()) if (complete) done++;
      coverage.set(`${unit}|${year}`, { reported: done, expected: ofUnit.size });
    }
  }
  return coverage;

  function communeToday(village: string): string {
    let commune = communeNow.get(village);
    if (commune === undefined) {
      commune = hierarchy.ancestorsAt(village, now).find((u) => levelOf(u) === "COMMUNE") ?? village;
      communeNow.set(village, commune);
    }
    return commune;
  }
}

/**
 * Adds, as not reported, the communes without any village to the districts and provinces that have coverage that year:
 * the communes they held at the review, or today's communes for a unit rebuilt from today's map (as above).
 */
function addCommunesWithoutVillages(hierarchy: UnitHierarchy, year: number, children: Map<string, Map<string, boolean>>): void {
  const at = reviewDate(year);
  const now = hierarchy.currentDate();
  for (const commune of hierarchy.communes()) {
    const add = (unit: string) => {
      const ofUnit = children.get(unit);
      if (ofUnit && !ofUnit.has(commune.code)) ofUnit.set(commune.code, false);
    };
    if (hierarchy.existedAt(commune.code, at)) {
      for (const unit of hierarchy.ancestorsAt(commune.code, at)) if (hierarchy.existedAt(unit, at)) add(unit);
    }
    if (now > at && hierarchy.existedAt(commune.code, now)) {
      for (const unit of hierarchy.ancestorsAt(commune.code, now)) if (!hierarchy.existedAt(unit, at)) add(unit);
    }
  }
}
