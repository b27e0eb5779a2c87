/**
 * Joins the parts of the publish scan (scan-part.ts) into one ScanResult, as if one pass had read every household.
 * Why it can: each part scanned some of the consecutive ranges of household keys, in ascending order, and a household
 * lies in exactly one range; so taking the entries range by range (range 0's in the order its part created them,
 * then range 1's, …), each key at its first appearance, gives the serial creation order, and counts simply add.
 * This is also where units above the village come in (groupsOf is a closure over the hierarchy: it cannot go to a
 * worker), once per distinct village-year transition.
 */
import { INDICATORS } from "@minhbach/core/standards/indicators.ts";
import { FLOW_CATEGORIES, POVERTY_CATEGORIES } from "./categories.js";
import type { GroupsOf, PairStats, ScanResult } from "./household-scan.js";
import type { PartResult, VillageYearCounts } from "./scan-part.js";

/** Names of the changed-category bits (scan-part.ts changedMask). */
const CHANGED_KEYS: string[] = [
  ...POVERTY_CATEGORIES.map((c) => `poverty|${c}`),
  ...FLOW_CATEGORIES.map((c) => `flows|${c}`),
  ...INDICATORS.map((ind) => `lacking.${ind.code}|*`),
];

/** A pair under construction: changed categories as a bit mask. */
interface PairRec {
  unit: number;
  fromYear: number;
  movers: number;
  changed: number;
}

const NONE: readonly number[] = [];

export function mergeParts(parts: PartResult[], groupsOf: GroupsOf): ScanResult {
  const yearList = parts[0]?.years ?? [];
  for (const p of parts) {
    // Every part read the same snapshot, so the same years; anything else would be a bug worth stopping the publish.
    if (p.years.length !== yearList.length || p.years.some((y, i) => y !== yearList[i])) {
      throw new Error(`scan parts disagree on the review years (${p.years.join(", ")} vs ${yearList.join(", ")})`);
    }
  }
  if (yearList.length === 0) return { villageYears: new Map(), pairs: new Map(), years: [], records: 0, classMismatches: 0 };
  const NY = yearList.length;
  const firstYear = yearList[0]!;
  const span = yearList[NY - 1]! - firstYear + 2; // fromYear ∈ [firstYear − 1, lastYear]

  let records = 0;
  let classMismatches = 0;
  const villageYears = new Map<string, VillageYearCounts>();
  const unitIds = new Map<string, number>();
  const unitCodes: string[] = [];
  const unitId = (code: string) => {
    let id = unitIds.get(code);
    if (id === undefined) {
      unitIds.set(code, (id = unitCodes.length));
      unitCodes.push(code);
    }
    return id;
  };
  const groupsCache = new Map<string, number[]>(); // "<village>|<year>" → unit ids
  const pairList: PairRec[] = []; // in creation order
  const pairSlots = new Map<number, PairRec>();
  const pairFor = (unit: number, fromYear: number): PairRec => {
    const key = unit * span + (fromYear - firstYear + 1);
    let p = pairSlots.get(key);
    if (!p) {
      pairSlots.set(key, (p = { unit, fromYear, movers: 0, changed: 0 }));
      pairList.push(p);
    }
    return p;
  };

  for (const part of parts) {
    records += part.records;
    classMismatches += part.classMismatches;
  }
  for (const { part, from, to } of runsByRange(parts, (p) => p.villageYearRanges)) {
    for (let i = from; i < to; i++) {
      const vy = part.villageYears[i]!;
      const key = `${vy.village}|${vy.year}`;
      const seen = villageYears.get(key);
      if (!seen) villageYears.set(key, vy);
      else addCounts(seen, vy);
    }
  }

  // The parts' slots → unit ids of the village-year (groupsOf itself is called once per village-year).
  const slotGroups = parts.map(() => [] as (number[] | undefined)[]);
  const groupsOfSlot = (p: number, slot: number): readonly number[] => {
    if (slot < 0) return NONE;
    let g = slotGroups[p]![slot];
    if (!g) {
      const village = parts[p]!.villages[Math.floor(slot / NY)]!;
      const year = yearList[slot % NY]!;
      const key = `${village}|${year}`;
      g = groupsCache.get(key);
      if (!g) groupsCache.set(key, (g = groupsOf(village, year).map(unitId)));
      slotGroups[p]![slot] = g;
    }
    return g;
  };
  // Replaying the distinct transitions in first-encounter order calls pairFor in the order the per-record pass did
  // (a transition seen before creates nothing new), with the counts of all its records at once.
  for (const { part, index, from, to } of runsByRange(parts, (p) => p.events.map((e) => e.range))) {
    for (let i = from; i < to; i++) {
      const e = part.events[i]!;
      if (!e.out) {
        // Arrived at `to`: a mover into every unit it was not in the year before; otherwise what changed counts.
        const curGroups = groupsOfSlot(index, e.to);
        const prevGroups = groupsOfSlot(index, e.from);
        const fromYear = yearList[e.to % NY]! - 1;
        for (const u of curGroups) {
          const pair = pairFor(u, fromYear);
          if (prevGroups.includes(u)) pair.changed |= e.mask;
          else pair.movers += e.n;
        }
      } else {
        // Out-movers: in a unit at this review, not in it at the next one (or gone).
        const curGroups = groupsOfSlot(index, e.from);
        const nextGroups = groupsOfSlot(index, e.to);
        const year = yearList[e.from % NY]!;
        for (const u of curGroups) if (!nextGroups.includes(u)) pairFor(u, year).movers += e.n;
      }
    }
  }

  const years = new Set(yearList);
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

/** The parts' entries as runs [from, to) of one key range each, in range order. A range was scanned by one part
 *  only, and each part's entries are in ascending range order (rangeClaimer), so runs never interleave. */
function runsByRange(parts: PartResult[], rangesOf: (p: PartResult) => number[]) {
  const runs: { range: number; part: PartResult; index: number; from: number; to: number }[] = [];
  parts.forEach((part, index) => {
    const ranges = rangesOf(part);
    for (let from = 0; from < ranges.length; ) {
      let to = from + 1;
      while (to < ranges.length && ranges[to] === ranges[from]) to++;
      runs.push({ range: ranges[from]!, part, index, from, to });
      from = to;
    }
  });
  runs.sort((a, b) => a.range - b.range);
  for (let i = 1; i < runs.length; i++) {
    if (runs[i]!.range === runs[i - 1]!.range && runs[i]!.part !== runs[i - 1]!.part) throw new Error(`key range ${runs[i]!.range} was scanned twice`);
  }
  return runs;
}

function addCounts(into: VillageYearCounts, from: VillageYearCounts): void {
  into.households += from.households;
  into.ethnicMinority += from.ethnicMinority;
  for (let i = 0; i < into.poverty.length; i++) into.poverty[i]! += from.poverty[i]!;
  for (let i = 0; i < into.flows.length; i++) into.flows[i]! += from.flows[i]!;
  for (let i = 0; i < into.lacking.length; i++) into.lacking[i]! += from.lacking[i]!;
}
