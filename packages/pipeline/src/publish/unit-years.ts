/**
 * What the release says about each unit-year as a whole: its households, whether any of its figures is synthetic,
 * and how complete it is. Why together: all three are sums over the same villages (the village and every unit it
 * counts towards that year, unit-hierarchy.ts), and the rows of PubUnitYear are built from them.
 */
import { standardForYear } from "@minhbach/core/standards/index.ts";
import type { ReleaseContent } from "@minhbach/db/release-content.ts";
import type { IsComplete } from "./category-tables.js";
import { isComplete, unitCoverage, type CoverageMap } from "./coverage.js";
import type { GroupsOf, ScanResult } from "./household-scan.js";
import { syntheticVillageYears, type PrivateSnapshot } from "./load-private.js";

export interface UnitYearFacts {
  /** "<unit>|<year>" → households, for every unit-year with at least one reporting village */
  households: Map<string, number>;
  /** unit-years with a village whose records come from a synthetic import batch */
  synthetic: Set<string>;
  coverage: CoverageMap;
  complete: IsComplete;
  /** aggregate unit-years with records that are not complete, as "<unit>|<year>" */
  incomplete: string[];
}

export async function unitYearFacts(privateUrl: string, snap: PrivateSnapshot, scan: ScanResult, groupsOf: GroupsOf): Promise<UnitYearFacts> {
  // Every record comes from a household import batch: when all of them are synthetic (the demo, benchmarks), so is
  // every village-year, and the store need not be read again (that query reads every record of a national store).
  // Synthetic follows the records, never the units: a real review of made-up villages is still real figures.
  const syntheticBatches = snap.batches.filter((b) => b.synthetic).map((b) => b.id);
  const syntheticVillages = syntheticBatches.length > 0 && syntheticBatches.length === snap.batches.length
    ? new Set(scan.villageYears.keys())
    : await syntheticVillageYears(privateUrl, syntheticBatches);
  const households = new Map<string, number>();
  const synthetic = new Set<string>();
  for (const vy of scan.villageYears.values()) {
    for (const u of groupsOf(vy.village, vy.year)) {
      households.set(`${u}|${vy.year}`, (households.get(`${u}|${vy.year}`) ?? 0) + vy.households);
      if (syntheticVillages.has(`${vy.village}|${vy.year}`)) synthetic.add(`${u}|${vy.year}`);
    }
  }
  const coverage = unitCoverage(snap.hierarchy, scan.years, scan.villageYears.values());
  const complete: IsComplete = (unit, year) => isComplete(coverage, unit, year);
  const incomplete = [...households.keys()].filter((key) => {
    const [unit, year] = key.split("|") as [string, string];
    return !complete(unit, Number(year));
  });
  return { households, synthetic, coverage, complete, incomplete };
}

/** The PubUnitYear rows: standard, synthetic flag, sources and coverage (null for villages, which report themselves). */
export function unitYearRows(facts: UnitYearFacts, snap: PrivateSnapshot): ReleaseContent["unitYears"] {
  const batchSources = new Map<number, string[]>();
  for (const b of snap.batches) if (b.sourceId && b.year !== null) (batchSources.get(b.year) ?? batchSources.set(b.year, []).get(b.year)!).push(b.sourceId);
  const citedBy = new Map<string, string[]>(); // "<unit>|<year>" → source ids of figures that corroborate it
  for (const c of snap.citations) {
    const key = `${c.unitCode}|${c.year}`;
    (citedBy.get(key) ?? citedBy.set(key, []).get(key)!).push(c.sourceId);
  }
  return [...facts.households.keys()].map((key) => {
    const [unitCode, yearText] = key.split("|") as [string, string];
    const year = Number(yearText);
    const cited = citedBy.get(key) ?? [];
    const coverage = facts.coverage.get(key);
    return {
      unitCode, year, standardId: standardForYear(year).id, synthetic: facts.synthetic.has(key),
      sourceIds: JSON.stringify([...new Set([...cited, ...(batchSources.get(year) ?? [])])]),
      coverageReported: coverage?.reported ?? null, coverageExpected: coverage?.expected ?? null,
    };
  });
}
