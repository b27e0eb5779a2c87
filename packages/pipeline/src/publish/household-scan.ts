/**
 * One streaming pass over the household records, ordered by household: classifies each record by the standard of
 * its year, counts village-year categories, and tracks who moved between consecutive reviews. Why one pass: the
 * private store may hold tens of millions of rows; memory stays proportional to villages, not households.
 */
import Database from "better-sqlite3";
import { sqlitePathFromUrl } from "@minhbach/db/sqlite-url.ts";
import { INDICATORS } from "@minhbach/core/standards/indicators.ts";
import { classifyHousehold, standardForYear } from "@minhbach/core/standards/index.ts";
import { FLOW_CATEGORIES, POVERTY_CATEGORIES, flowIndex } from "./categories.js";

export interface VillageYearCounts {
  village: string;
  year: number;
  households: number;
  poverty: number[]; // by POVERTY_CATEGORIES
  flows: number[]; // by FLOW_CATEGORIES
  lacking: number[]; // by indicator bit
  ethnicMinority: number;
}

/** Movers between two consecutive reviews for one unit, and which categories any stayer changed. */
export interface PairStats {
  unit: string;
  fromYear: number;
  toYear: number;
  movers: number;
  changed: Set<string>; // "<table>|<category>"
}

export interface ScanResult {
  villageYears: Map<string, VillageYearCounts>; // key "<village>|<year>"
  pairs: Map<string, PairStats>; // key "<unit>|<fromYear>"
  years: number[];
  records: number;
  classMismatches: number;
}

interface HouseholdYear {
  year: number;
  village: string;
  cls: number; // index in POVERTY_CATEGORIES
  flow: number; // index in FLOW_CATEGORIES
  deprivations: number;
}

type GroupsOf = (village: string, year: number) => readonly string[];

export function scanHouseholds(privateUrl: string, groupsOf: GroupsOf): ScanResult {
  const db = new Database(sqlitePathFromUrl(privateUrl), { readonly: true });
  const villageYears = new Map<string, VillageYearCounts>();
  const pairs = new Map<string, PairStats>();
  const years = new Set<number>();
  let records = 0;
  let classMismatches = 0;
  try {
    const rows = db
      .prepare(
        `SELECT householdKey, year, villageCode, urban, incomePerMonth, aScore, deprivations, reviewCategory, ethnicMinority
         FROM HouseholdRecord ORDER BY householdKey, year`,
      )
      .iterate() as Iterable<{
      householdKey: string; year: number; villageCode: string; urban: number; incomePerMonth: number | null;
      aScore: number | null; deprivations: number; reviewCategory: string; ethnicMinority: number;
    }>;
    let currentKey: string | undefined;
    let history: HouseholdYear[] = [];
    const flush = () => {
      for (let i = 0; i < history.length; i++) trackPair(history[i - 1], history[i]!, history[i + 1]);
      history = [];
    };
    // A household's previous review (if the year before) and next review decide whether it moved in or out.
    const trackPair = (prev: HouseholdYear | undefined, cur: HouseholdYear, next: HouseholdYear | undefined) => {
      const curGroups = groupsOf(cur.village, cur.year);
      const prevGroups = prev && prev.year === cur.year - 1 ? groupsOf(prev.village, prev.year) : [];
      for (const u of curGroups) {
        const pair = pairFor(u, cur.year - 1);
        if (prevGroups.includes(u)) markChanges(pair, prev!, cur);
        else pair.movers++;
      }
      // Out-movers: in a unit at this review, not in it at the next one (or gone).
      const nextGroups = next && next.year === cur.year + 1 ? groupsOf(next.village, next.year) : [];
      for (const u of curGroups) if (!nextGroups.includes(u)) pairFor(u, cur.year).movers++;
    };
    const pairFor = (unit: string, fromYear: number): PairStats => {
      const key = `${unit}|${fromYear}`;
      let p = pairs.get(key);
      if (!p) pairs.set(key, (p = { unit, fromYear, toYear: fromYear + 1, movers: 0, changed: new Set() }));
      return p;
    };
    for (const r of rows) {
      if (r.householdKey !== currentKey) {
        flush();
        currentKey = r.householdKey;
      }
      records++;
      years.add(r.year);
      const standard = standardForYear(r.year);
      const cls = classifyHousehold(
        { urban: r.urban === 1, incomePerMonth: r.incomePerMonth, aScore: r.aScore, deprivations: r.deprivations },
        standard,
      );
      const clsIndex = cls === "POOR" ? 0 : cls === "NEAR_POOR" ? 1 : 2;
      const flow = flowIndex(r.reviewCategory);
      if (!recordedClasses(r.reviewCategory).includes(clsIndex)) classMismatches++;
      const vyKey = `${r.villageCode}|${r.year}`;
      let vy = villageYears.get(vyKey);
      if (!vy) {
        vy = { village: r.villageCode, year: r.year, households: 0, poverty: [0, 0, 0],
          flows: FLOW_CATEGORIES.map(() => 0), lacking: INDICATORS.map(() => 0), ethnicMinority: 0 };
        villageYears.set(vyKey, vy);
      }
      vy.households++;
      vy.poverty[clsIndex]!++;
      vy.flows[flow]!++;
      if (r.ethnicMinority) vy.ethnicMinority++;
      for (const ind of INDICATORS) if (r.deprivations & (1 << ind.bit)) vy.lacking[ind.bit]!++;
      history.push({ year: r.year, village: r.villageCode, cls: clsIndex, flow, deprivations: r.deprivations });
    }
    flush();
  } finally {
    db.close();
  }
  // Pairs only make sense where both reviews exist.
  for (const [key, p] of pairs) if (!years.has(p.fromYear) || !years.has(p.toYear)) pairs.delete(key);
  return { villageYears, pairs, years: [...years].sort(), records, classMismatches };
}

function markChanges(pair: PairStats, prev: HouseholdYear, cur: HouseholdYear): void {
  if (prev.cls !== cur.cls) {
    pair.changed.add(`poverty|${POVERTY_CATEGORIES[prev.cls]}`);
    pair.changed.add(`poverty|${POVERTY_CATEGORIES[cur.cls]}`);
  }
  if (prev.flow !== cur.flow) {
    pair.changed.add(`flows|${FLOW_CATEGORIES[prev.flow]}`);
    pair.changed.add(`flows|${FLOW_CATEGORIES[cur.flow]}`);
  }
  const diff = prev.deprivations ^ cur.deprivations;
  if (diff) for (const ind of INDICATORS) if (diff & (1 << ind.bit)) pair.changed.add(`lacking.${ind.code}|*`);
}

/** The poverty classes a review category is consistent with (to count disagreements with the computed class):
 *  a household that escaped poverty may be near-poor or not poor. */
function recordedClasses(category: string): readonly number[] {
  if (category === "POOR" || category === "NEWLY_POOR" || category === "RE_POOR") return [0];
  if (category === "NEAR_POOR" || category === "NEWLY_NEAR_POOR" || category === "RE_NEAR_POOR") return [1];
  if (category === "ESCAPED_POOR") return [1, 2];
  return [2];
}
