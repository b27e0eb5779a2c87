/**
 * One streaming pass over the household records, ordered by household: classifies each record by the standard of
 * its year, counts village-year categories, and tracks who moved between consecutive reviews. Why one pass: the
 * private store may hold tens of millions of rows; memory stays proportional to villages, not households.
 */
import { INDICATORS } from "@minhbach/core/standards/indicators.ts";
import { classifyHousehold, standardForYear } from "@minhbach/core/standards/index.ts";
import { FLOW_CATEGORIES, POVERTY_CATEGORIES, flowIndex } from "./categories.js";
import { SCAN_BATCH, openHouseholdRows, type ScanRow } from "./household-rows.js";

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
  vy: number; // village-year slot (village id × years + year index)
  cls: number; // index in POVERTY_CATEGORIES
  flow: number; // index in FLOW_CATEGORIES
  deprivations: number;
}

type GroupsOf = (village: string, year: number) => readonly string[];

/** A pair under construction: changed categories as a bit mask (poverty 0–2, flows 3–8, indicators 9+). */
interface PairRec {
  unit: number;
  fromYear: number;
  movers: number;
  changed: number;
}

const FLOW_BIT = POVERTY_CATEGORIES.length;
const LACKING_BIT = FLOW_BIT + FLOW_CATEGORIES.length;
const CHANGED_KEYS: string[] = [
  ...POVERTY_CATEGORIES.map((c) => `poverty|${c}`),
  ...FLOW_CATEGORIES.map((c) => `flows|${c}`),
  ...INDICATORS.map((ind) => `lacking.${ind.code}|*`),
];
/** indicator bit → position in the mask */
const LACKING_POS = new Map(INDICATORS.map((ind, i) => [ind.bit, LACKING_BIT + i]));

/**
 * Why per-year cursors merged in key order instead of `ORDER BY householdKey, year`: the primary key
 * (year, householdKey) already yields each year in key order, so no sort of the whole table is needed (at national
 * size a sort of 10^8 rows through a temp B-tree dominated the scan). Strings are interned to small integers and the
 * per-row bookkeeping uses integer-keyed maps and bit masks; results (and their insertion order) are the same.
 * Rows arrive in batches (household-rows.ts); the merge runs synchronously over the buffered batches and only stops
 * to wait when a year's batch is used up (on SQLite the next batch is there at once: no await at all).
 */
export async function scanHouseholds(privateUrl: string, groupsOf: GroupsOf): Promise<ScanResult> {
  const source = await openHouseholdRows(privateUrl);
  let records = 0;
  let classMismatches = 0;
  const yearList: number[] = [];
  const villageIds = new Map<string, number>();
  const villageCodes: string[] = [];
  const unitIds = new Map<string, number>();
  const unitCodes: string[] = [];
  const vyList: VillageYearCounts[] = []; // in creation order
  const vySlots = new Map<number, VillageYearCounts>();
  const groupsCache = new Map<number, number[]>();
  const pairList: PairRec[] = []; // in creation order
  const pairSlots = new Map<number, PairRec>();
  try {
    yearList.push(...source.years);
    if (yearList.length === 0) return { villageYears: new Map(), pairs: new Map(), years: [], records: 0, classMismatches: 0 };
    const NY = yearList.length;
    const firstYear = yearList[0]!;
    const standards = yearList.map((y) => standardForYear(y));
    const span = yearList[NY - 1]! - firstYear + 2; // fromYear ∈ [firstYear − 1, lastYear]

    const unitId = (code: string) => {
      let id = unitIds.get(code);
      if (id === undefined) {
        unitIds.set(code, (id = unitCodes.length));
        unitCodes.push(code);
      }
      return id;
    };
    const groupsOfSlot = (vy: number): number[] => {
      let g = groupsCache.get(vy);
      if (!g) groupsCache.set(vy, (g = groupsOf(villageCodes[Math.floor(vy / NY)]!, yearList[vy % NY]!).map(unitId)));
      return g;
    };
    const pairFor = (unit: number, fromYear: number): PairRec => {
      const key = unit * span + (fromYear - firstYear + 1);
      let p = pairSlots.get(key);
      if (!p) {
        pairSlots.set(key, (p = { unit, fromYear, movers: 0, changed: 0 }));
        pairList.push(p);
      }
      return p;
    };
    // A household's previous review (if the year before) and next review decide whether it moved in or out.
    const trackPair = (prev: HouseholdYear | undefined, cur: HouseholdYear, next: HouseholdYear | undefined) => {
      const curGroups = groupsOfSlot(cur.vy);
      const prevGroups = prev && prev.year === cur.year - 1 ? groupsOfSlot(prev.vy) : NONE;
      for (const u of curGroups) {
        const pair = pairFor(u, cur.year - 1);
        if (prevGroups.includes(u)) pair.changed |= changedMask(prev!, cur);
        else pair.movers++;
      }
      // Out-movers: in a unit at this review, not in it at the next one (or gone).
      const nextGroups = next && next.year === cur.year + 1 ? groupsOfSlot(next.vy) : NONE;
      for (const u of curGroups) if (!nextGroups.includes(u)) pairFor(u, cur.year).movers++;
    };
    let history: HouseholdYear[] = [];
    const flush = () => {
      for (let i = 0; i < history.length; i++) trackPair(history[i - 1], history[i]!, history[i + 1]);
      history = [];
    };

    // Per year: the buffered batch, the position in it, and whether the store has more.
    const batches: ScanRow[][] = yearList.map(() => []);
    const pos: number[] = yearList.map(() => 0);
    const more: boolean[] = yearList.map(() => true);
    const heads: (ScanRow | undefined)[] = yearList.map(() => undefined);
    /** Merges households in key order until a year's buffered batch runs out while the store has more (true: refill
     *  and call again) or every year is done (false). */
    const mergeBuffered = (): boolean => {
      for (;;) {
        let key: string | undefined;
        for (const h of heads) if (h && (key === undefined || h[0] < key)) key = h[0];
        if (key === undefined) return false;
        let refill = false;
        for (let yi = 0; yi < NY; yi++) {
          const r = heads[yi];
          if (!r || r[0] !== key) continue;
          const batch = batches[yi]!;
          heads[yi] = pos[yi]! < batch.length ? batch[pos[yi]!++] : undefined;
          if (!heads[yi] && more[yi]) refill = true;
          const year = yearList[yi]!;
          records++;
          const cls = classifyHousehold({ urban: r[2] === 1, incomePerMonth: r[3], aScore: r[4], deprivations: r[5] }, standards[yi]!);
          const clsIndex = cls === "POOR" ? 0 : cls === "NEAR_POOR" ? 1 : 2;
          const flow = flowIndex(r[6]);
          if (!recordedClasses(r[6]).includes(clsIndex)) classMismatches++;
          let village = villageIds.get(r[1]);
          if (village === undefined) {
            villageIds.set(r[1], (village = villageCodes.length));
            villageCodes.push(r[1]);
          }
          const slot = village * NY + yi;
          let vy = vySlots.get(slot);
          if (!vy) {
            vy = { village: r[1], year, households: 0, poverty: [0, 0, 0],
              flows: FLOW_CATEGORIES.map(() => 0), lacking: INDICATORS.map(() => 0), ethnicMinority: 0 };
            vySlots.set(slot, vy);
            vyList.push(vy);
          }
          vy.households++;
          vy.poverty[clsIndex]!++;
          vy.flows[flow]!++;
          if (r[7]) vy.ethnicMinority++;
          const d = r[5];
          if (d) for (const ind of INDICATORS) if (d & (1 << ind.bit)) vy.lacking[ind.bit]!++;
          history.push({ year, vy: slot, cls: clsIndex, flow, deprivations: d });
        }
        flush();
        if (refill) return true;
      }
    };
    for (;;) {
      // Refill every year whose batch is used up, so that the merge compares real heads only.
      for (let yi = 0; yi < NY; yi++) {
        if (heads[yi] || !more[yi]) continue;
        const next = source.next(yi);
        const batch = Array.isArray(next) ? next : await next;
        more[yi] = batch.length === SCAN_BATCH;
        batches[yi] = batch;
        pos[yi] = 1;
        heads[yi] = batch[0];
      }
      if (!mergeBuffered()) break;
    }
  } finally {
    await source.close();
  }
  const years = new Set(yearList);
  const villageYears = new Map<string, VillageYearCounts>();
  for (const vy of vyList) villageYears.set(`${vy.village}|${vy.year}`, vy);
  // Pairs only make sense where both reviews exist.
  const pairs = new Map<string, PairStats>();
  for (const p of pairList) {
    if (!years.has(p.fromYear) || !years.has(p.fromYear + 1)) continue;
    const changed = new Set<string>();
    for (let b = 0; b < CHANGED_KEYS.length; b++) if (p.changed & (1 << b)) changed.add(CHANGED_KEYS[b]!);
    const unit = unitCodes[p.unit]!;
    pairs.set(`${unit}|${p.fromYear}`, { unit, fromYear: p.fromYear, toYear: p.fromYear + 1, movers: p.movers, changed });
  }
  return { villageYears, pairs, years: yearList, records, classMismatches };
}

const NONE: readonly number[] = [];

function changedMask(prev: HouseholdYear, cur: HouseholdYear): number {
  let m = 0;
  if (prev.cls !== cur.cls) m |= (1 << prev.cls) | (1 << cur.cls);
  if (prev.flow !== cur.flow) m |= (1 << (FLOW_BIT + prev.flow)) | (1 << (FLOW_BIT + cur.flow));
  const diff = prev.deprivations ^ cur.deprivations;
  if (diff) for (const ind of INDICATORS) if (diff & (1 << ind.bit)) m |= 1 << LACKING_POS.get(ind.bit)!;
  return m;
}

/** The poverty classes a review category is consistent with (to count disagreements with the computed class):
 *  a household that escaped poverty may be near-poor or not poor. */
function recordedClasses(category: string): readonly number[] {
  if (category === "POOR" || category === "NEWLY_POOR" || category === "RE_POOR") return [0];
  if (category === "NEAR_POOR" || category === "NEWLY_NEAR_POOR" || category === "RE_NEAR_POOR") return [1];
  if (category === "ESCAPED_POOR") return [1, 2];
  return [2];
}
