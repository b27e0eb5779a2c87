/**
 * The per-row half of the publish scan, for one range of household keys (or all of them): merges the review years by
 * household, classifies each record and counts village-years. Why apart from household-scan.ts: it runs on the main
 * thread or in a worker (scan-worker.ts), so it takes no closures and returns plain data. Units above the village are
 * not known here: how households moved is returned as village-year transitions, which scan-merge.ts expands into
 * units once per distinct transition instead of once per record.
 */
import { INDICATORS } from "@minhbach/core/standards/indicators.ts";
import { classifyHousehold, standardForYear, type HouseholdFacts } from "@minhbach/core/standards/index.ts";
import { FLOW_CATEGORIES, POVERTY_CATEGORIES, flowIndex } from "./categories.js";
import type { HouseholdRows, KeyRange, ScanRow } from "./household-rows.js";

export interface VillageYearCounts {
  village: string;
  year: number;
  households: number;
  poverty: number[]; // by POVERTY_CATEGORIES
  flows: number[]; // by FLOW_CATEGORIES
  lacking: number[]; // by indicator bit
  ethnicMinority: number;
}

/**
 * A distinct village-year transition of this part, with how many records made it. A slot is village index × number
 * of years + year index (into PartResult.villages and .years); −1 is "no review in the adjacent year".
 * in (out = false): a record at slot `to` whose previous-year review was at `from`; `mask` ORs what changed between
 *   the two reviews (changedMask), for the units the household stayed in.
 * out (out = true): a record at slot `from` whose next-year review is at `to`.
 */
export interface ScanEvent {
  /** the key range in which this part first met it */
  range: number;
  out: boolean;
  from: number;
  to: number;
  n: number;
  mask: number;
}

/** What one thread counted over the key ranges it scanned (in ascending order, so creation order is key order). */
export interface PartResult {
  years: number[];
  records: number;
  classMismatches: number;
  villages: string[];
  villageYears: VillageYearCounts[]; // in creation order
  villageYearRanges: number[]; // for each of villageYears, the key range in which this part created it
  events: ScanEvent[]; // in order of first encounter: replaying them creates the pairs in the serial order
}

/** A key range to scan: its index (ranges are numbered in key order) and its rows. */
export interface RangeRows {
  index: number;
  rows: HouseholdRows;
}

/** `n` consecutive ranges covering every key, split on the first two hex digits ("00"–"ff"): any string falls in
 *  exactly one range, hex or not; for hex digests (HMACs: uniform) the ranges hold about equal shares. */
export function keyRanges(n: number): KeyRange[] {
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`key ranges must be 1–256 (got ${n})`);
  const bounds = Array.from({ length: n - 1 }, (_, i) => Math.floor((256 * (i + 1)) / n).toString(16).padStart(2, "0"));
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? { from: bounds[i - 1] ?? "" } : { from: bounds[i - 1] ?? "", to: bounds[i]! }));
}

/**
 * Which range a part scans next: with a shared counter, whichever range nobody has taken (threads that start late or
 * run slow take fewer); without, part p of n takes p, p + n, p + 2n, … (tests: every part gets work however fast the
 * threads start). Either way a part's ranges ascend, which the merge relies on.
 */
export function rangeClaimer(counter: Int32Array | undefined, part: number, parts: number, ranges: number): () => number | undefined {
  let k = 0;
  return () => {
    const r = counter ? Atomics.add(counter, 0, 1) : part + parts * k++;
    return r < ranges ? r : undefined;
  };
}

/** Changed-category bits: poverty 0–2, flows 3–8, indicators 9+ (household-scan.ts names them). */
export const FLOW_BIT = POVERTY_CATEGORIES.length;
export const LACKING_BIT = FLOW_BIT + FLOW_CATEGORIES.length;
/** indicator bit → position in the mask */
const LACKING_POS = new Map(INDICATORS.map((ind, i) => [ind.bit, LACKING_BIT + i]));

/**
 * Why per-year cursors merged in key order instead of `ORDER BY householdKey, year`: the primary key
 * (year, householdKey) already yields each year in key order, so no sort of the whole table is needed (at national
 * size a sort of 10^8 rows through a temp B-tree dominated the scan). Rows arrive in batches (household-rows.ts); the
 * merge runs synchronously over the buffered batches and only stops to wait when a year's batch is used up (on SQLite
 * the next batch is there at once). `pause`, called at each refill, lets the caller yield to the event loop.
 * `nextRange` hands over the key ranges to scan, in ascending order, all from one snapshot with these years.
 */
export async function scanRanges(years: number[], nextRange: () => RangeRows | undefined, pause?: () => Promise<void> | undefined): Promise<PartResult> {
  const NY = years.length;
  const result: PartResult = { years, records: 0, classMismatches: 0, villages: [], villageYears: [], villageYearRanges: [], events: [] };
  if (NY === 0) return result;
  let range = 0;
  const standards = years.map((y) => standardForYear(y));
  const villageIds = new Map<string, number>();
  const { villages, villageYears, villageYearRanges, events } = result;
  const vySlots: (VillageYearCounts | undefined)[] = [];
  // Events by their first slot, then by the other slot + 1 (small integer keys).
  const inEvents: (Map<number, ScanEvent> | undefined)[] = [];
  const outEvents: (Map<number, ScanEvent> | undefined)[] = [];
  const event = (index: (Map<number, ScanEvent> | undefined)[], out: boolean, slot: number, other: number): ScanEvent => {
    const bySlot = (index[slot] ??= new Map());
    let e = bySlot.get(other + 1);
    if (!e) {
      bySlot.set(other + 1, (e = { range, out, from: out ? slot : other, to: out ? other : slot, n: 0, mask: 0 }));
      events.push(e);
    }
    return e;
  };
  // The current household's reviews (at most one per year), reused: no allocation per row.
  const hYear = new Int32Array(NY);
  const hSlot = new Int32Array(NY);
  const hCls = new Int32Array(NY);
  const hFlow = new Int32Array(NY);
  const hDep = new Int32Array(NY);
  const facts: HouseholdFacts = { urban: false, incomePerMonth: null, aScore: null, deprivations: 0 };
  let records = 0;
  let classMismatches = 0;

  // Per year: the buffered batch, the position in it, and whether the store has more (reset for each range).
  let source: HouseholdRows;
  const batches: ScanRow[][] = years.map(() => []);
  const pos: number[] = years.map(() => 0);
  const more: boolean[] = years.map(() => true);
  const heads: (ScanRow | undefined)[] = years.map(() => undefined);
  /** Merges households in key order until a year's buffered batch runs out while the store has more (true: refill
   *  and call again) or every year is done (false). */
  const mergeBuffered = (): boolean => {
    for (;;) {
      let key: string | undefined;
      for (let yi = 0; yi < NY; yi++) {
        const h = heads[yi];
        if (h && (key === undefined || h[0] < key)) key = h[0];
      }
      if (key === undefined) return false;
      let refill = false;
      let hn = 0;
      for (let yi = 0; yi < NY; yi++) {
        const r = heads[yi];
        if (!r || r[0] !== key) continue;
        const batch = batches[yi]!;
        const next = pos[yi]! < batch.length ? batch[pos[yi]!++] : undefined;
        heads[yi] = next;
        if (!next && more[yi]) refill = true;
        records++;
        facts.urban = r[2] === 1;
        facts.incomePerMonth = r[3];
        facts.aScore = r[4];
        facts.deprivations = r[5];
        const cls = classifyHousehold(facts, standards[yi]!);
        const clsIndex = cls === "POOR" ? 0 : cls === "NEAR_POOR" ? 1 : 2;
        const flow = flowIndex(r[6]);
        if (!recordedClasses(r[6]).includes(clsIndex)) classMismatches++;
        let village = villageIds.get(r[1]);
        if (village === undefined) {
          villageIds.set(r[1], (village = villages.length));
          villages.push(r[1]);
        }
        const slot = village * NY + yi;
        let vy = vySlots[slot];
        if (!vy) {
          vy = { village: r[1], year: years[yi]!, households: 0, poverty: [0, 0, 0],
            flows: FLOW_CATEGORIES.map(() => 0), lacking: INDICATORS.map(() => 0), ethnicMinority: 0 };
          vySlots[slot] = vy;
          villageYears.push(vy);
          villageYearRanges.push(range);
        }
        vy.households++;
        vy.poverty[clsIndex]!++;
        vy.flows[flow]!++;
        if (r[7]) vy.ethnicMinority++;
        const d = r[5];
        if (d) for (const ind of INDICATORS) if (d & (1 << ind.bit)) vy.lacking[ind.bit]!++;
        hYear[hn] = years[yi]!;
        hSlot[hn] = slot;
        hCls[hn] = clsIndex;
        hFlow[hn] = flow;
        hDep[hn] = d;
        hn++;
      }
      // A household's previous review (if the year before) and next review decide whether it moved in or out.
      for (let i = 0; i < hn; i++) {
        const consecutive = i > 0 && hYear[i - 1] === hYear[i]! - 1;
        const prev = consecutive ? hSlot[i - 1]! : -1;
        const e = event(inEvents, false, hSlot[i]!, prev);
        e.n++;
        if (consecutive) e.mask |= changedMask(hCls[i - 1]!, hFlow[i - 1]!, hDep[i - 1]!, hCls[i]!, hFlow[i]!, hDep[i]!);
        const next = i + 1 < hn && hYear[i + 1] === hYear[i]! + 1 ? hSlot[i + 1]! : -1;
        event(outEvents, true, hSlot[i]!, next).n++;
      }
      if (refill) return true;
    }
  };
  for (let r = nextRange(); r; r = nextRange()) {
    if (r.index < range) throw new Error(`key ranges must come in ascending order (${r.index} after ${range})`);
    ({ index: range, rows: source } = r);
    more.fill(true);
    heads.fill(undefined);
    for (;;) {
      // Refill every year whose batch is used up, so that the merge compares real heads only.
      for (let yi = 0; yi < NY; yi++) {
        if (heads[yi] || !more[yi]) continue;
        const next = source.next(yi);
        const batch = Array.isArray(next) ? next : await next;
        more[yi] = batch.length === source.batchSize;
        batches[yi] = batch;
        pos[yi] = 1;
        heads[yi] = batch[0];
      }
      if (!mergeBuffered()) break;
      const paused = pause?.();
      if (paused) await paused;
    }
  }
  result.records = records;
  result.classMismatches = classMismatches;
  return result;
}

function changedMask(prevCls: number, prevFlow: number, prevDep: number, cls: number, flow: number, dep: number): number {
  let m = 0;
  if (prevCls !== cls) m |= (1 << prevCls) | (1 << cls);
  if (prevFlow !== flow) m |= (1 << (FLOW_BIT + prevFlow)) | (1 << (FLOW_BIT + flow));
  const diff = prevDep ^ dep;
  if (diff) for (const ind of INDICATORS) if (diff & (1 << ind.bit)) m |= 1 << LACKING_POS.get(ind.bit)!;
  return m;
}

/** The poverty classes a review category is consistent with (to count disagreements with the computed class):
 *  a household that escaped poverty may be near-poor or not poor. */
function recordedClasses(category: string): readonly number[] {
  if (category === "POOR" || category === "NEWLY_POOR" || category === "RE_POOR") return CLASS_POOR;
  if (category === "NEAR_POOR" || category === "NEWLY_NEAR_POOR" || category === "RE_NEAR_POOR") return CLASS_NEAR_POOR;
  if (category === "ESCAPED_POOR") return CLASS_ESCAPED;
  return CLASS_OTHER;
}
const CLASS_POOR = [0];
const CLASS_NEAR_POOR = [1];
const CLASS_ESCAPED = [1, 2];
const CLASS_OTHER = [2];
