/**
 * Replaces the file's village-years with the staged rows in one transaction, measuring what changed first. Why SQL
 * set operations: the diff and the swap run inside SQLite over the staged table, so memory does not grow with the file.
 * Why village-years, not commune-years: nothing is deleted that the user did not ask to replace, and a file names its
 * villages, not the rest of their communes (issue #16).
 */
import type Database from "better-sqlite3";
import { classifyHousehold, type HouseholdFacts } from "@minhbach/core/standards/classify.ts";
import type { PovertyStandard } from "@minhbach/core/standards/standards.ts";
import { COVERED, MATCHES, STAGE } from "./stage.js";
import type { StagedCounts } from "./household-store.js";
import { emptyChange, type ClassCounts, type VillageChange } from "./summary.js";

/** The villages a file names (the village-years it replaces) and their communes at the review year. */
export interface Cover {
  villages: ReadonlySet<string>;
  communes: ReadonlySet<string>;
}

export function coverOf(staged: StagedCounts): Cover {
  const communes = new Set<string>();
  for (const s of staged.values()) communes.add(s.commune);
  return { villages: new Set(staged.keys()), communes };
}

/** The codes a batch's summary lists under `list` (objects with a string `field`), or undefined if it has no such list. */
function listed(summary: Record<string, unknown>, list: string, field: string): string[] | undefined {
  const entries = summary[list];
  if (!Array.isArray(entries)) return undefined;
  return entries.map((e) => (e as Record<string, unknown> | null)?.[field]).filter((c): c is string => typeof c === "string");
}

/** Whether a batch may hold records of the cover's villages, from its summary: it lists one of them; or, written before
 *  summaries listed villages (a whole-commune import, a bulk load), it lists one of their communes, any village of
 *  which it may hold; or it lists neither (unknown: it may hold anything). */
function mayHold(summary: string, cover: Cover): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(summary);
  } catch {
    return true; // not JSON: the batch's units are unknown
  }
  if (typeof parsed !== "object" || parsed === null) return true;
  const villages = listed(parsed as Record<string, unknown>, "villages", "village");
  if (villages) return villages.some((v) => cover.villages.has(v));
  const communes = listed(parsed as Record<string, unknown>, "communes", "commune");
  return !communes || communes.some((c) => cover.communes.has(c));
}

/**
 * The household batches of a year that may hold records in the cover's villages (mayHold). Why: the records are
 * indexed by (year, importId), not by village, so old records of a village are found through their batches.
 */
export function batchesCovering(batches: Iterable<{ id: number; summary: string }>, cover: Cover): number[] {
  const ids: number[] = [];
  for (const b of batches) if (mayHold(b.summary, cover)) ids.push(b.id);
  return ids;
}

/** The household batches of the year, for batchesCovering. */
export function householdBatches(db: Database.Database, year: number): { id: number; summary: string }[] {
  return db.prepare(`SELECT id, summary FROM ImportBatch WHERE kind = 'HOUSEHOLDS' AND year = ?`).all(year) as { id: number; summary: string }[];
}

/** A stored record of one of the file's villages, as the before counts need it. */
export interface FactsRow {
  village: string;
  commune: string;
  urban: number;
  incomePerMonth: number | null;
  aScore: number | null;
  deprivations: number;
}

export function countBefore(rows: Iterable<FactsRow>, standard: PovertyStandard, out: Map<string, VillageChange>): void {
  for (const r of rows) {
    const c = change(out, r.village, r.commune);
    c.before.households++;
    const facts: HouseholdFacts = { urban: r.urban === 1, incomePerMonth: r.incomePerMonth, aScore: r.aScore, deprivations: r.deprivations };
    try {
      c.before[classifyHousehold(facts, standard)]++;
    } catch {
      // an old record the standard cannot classify: it counts as a household, in no class
    }
  }
}

export function change(out: Map<string, VillageChange>, village: string, commune: string): VillageChange {
  let c = out.get(village);
  if (!c) out.set(village, (c = { village, commune, ...emptyChange() }));
  return c;
}

const SAME = `h.villageCode = s.villageCode AND h.urban = s.urban AND h.size = s.size AND h.incomePerMonth IS s.incomePerMonth
  AND h.aScore IS s.aScore AND h.deprivations = s.deprivations AND h.reviewCategory = s.reviewCategory
  AND h.ethnicMinority = s.ethnicMinority`;

/** Staged rows that match a stored record of the year, per staged village: whether the record is in that same village
 *  (`kept` 1; else 0: it is in another of the file's villages, any other being a conflict refused earlier) and whether
 *  any field differs. */
export interface MatchedRows {
  village: string;
  commune: string;
  kept: number;
  changed: number;
  n: number;
}

/** Adds the staged rows to the per-village changes (the before counts must be in `out` already): `after` comes from
 *  the import's own count of what it staged, `matched` from one join of the staged rows with the stored ones. A
 *  household moved between two of the file's villages is removed from the one and added to the other, so that every
 *  village's before − removed + added is its after. */
export function countStaged(after: StagedCounts, matched: Iterable<MatchedRows>, out: Map<string, VillageChange>): void {
  for (const [village, s] of after) {
    const c = change(out, village, s.commune);
    for (const k of Object.keys(s.counts) as (keyof ClassCounts)[]) c.after[k] += s.counts[k];
    c.added += s.counts.households;
  }
  const kept = new Map<string, number>();
  for (const m of matched) {
    if (!m.kept) continue;
    const c = change(out, m.village, m.commune);
    c.added -= m.n;
    if (m.changed) c.changed += m.n;
    kept.set(m.village, (kept.get(m.village) ?? 0) + m.n);
  }
  // removed = stored before − stored before and still in the file, in the same village
  for (const c of out.values()) c.removed = c.before.households - (kept.get(c.village) ?? 0);
}

/** Per-village changes; call inside the transaction, before the swap. Why no GROUP BY over the staged rows: the after
 *  counts are counted as rows are staged, and sorting 350k staged rows to group them cost more (0.4 s) than the
 *  lookups. The stored records the staged rows match were found by the key check (key-check.ts, MATCHES), before
 *  the transaction: valid here, as any import that changed records since would have added a batch of the year, which
 *  assertNoBatchSince refuses. */
export function measureChanges(db: Database.Database, year: number, standard: PovertyStandard, after: StagedCounts, batches: number[]): Map<string, VillageChange> {
  const out = new Map<string, VillageChange>();
  if (batches.length) {
    const existing = db
      .prepare(
        `SELECT h.villageCode AS village, c.communeCode AS commune, h.urban, h.incomePerMonth, h.aScore, h.deprivations
         FROM HouseholdRecord h JOIN ${COVERED} c ON c.villageCode = h.villageCode
         WHERE h.year = ? AND h.importId IN (SELECT value FROM json_each(?))`,
      )
      .iterate(year, JSON.stringify(batches)) as Iterable<FactsRow>;
    countBefore(existing, standard, out);
  }
  // Grouped here rather than by GROUP BY: on a re-import every staged row matches, and SQLite's sort to group 350k
  // rows cost ~0.4 s, counting them in a Map a tenth of that.
  const matched = new Map<string, MatchedRows>();
  const rows = db
    .prepare(
      `SELECT s.villageCode, s.communeCode, h.villageCode = s.villageCode, CASE WHEN ${SAME} THEN 0 ELSE 1 END
       FROM ${MATCHES} h JOIN ${STAGE} s ON s.position = h.position`,
    )
    .raw()
    .iterate() as Iterable<[string, string, number, number]>;
  for (const [village, commune, kept, changed] of rows) {
    const key = `${village}|${kept}|${changed}`;
    const m = matched.get(key);
    if (m) m.n++;
    else matched.set(key, { village, commune, kept, changed, n: 1 });
  }
  countStaged(after, matched.values(), out);
  return out;
}

/** Delete the file's village-years (their records are in `batches`, from batchesCovering) and insert the staged rows;
 *  call inside the transaction. */
export function swapIn(db: Database.Database, year: number, importId: number, batches: number[]): number {
  if (batches.length) {
    db.prepare(
      `DELETE FROM HouseholdRecord WHERE year = ? AND importId IN (SELECT value FROM json_each(?))
       AND villageCode IN (SELECT villageCode FROM ${COVERED})`,
    ).run(year, JSON.stringify(batches));
  }
  return db
    .prepare(
      `INSERT INTO HouseholdRecord (year, householdKey, villageCode, urban, size, incomePerMonth, aScore, deprivations,
         reviewCategory, ethnicMinority, importId)
       SELECT ?, householdKey, villageCode, urban, size, incomePerMonth, aScore, deprivations, reviewCategory, ethnicMinority, ?
       FROM ${STAGE} ORDER BY position`, // key order (Stage.sortByKey): the new run goes at the end of the table, in sequence
    )
    .run(year, importId).changes;
}
