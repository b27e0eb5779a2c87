/**
 * Replaces the covered commune-years with the staged rows in one transaction, measuring what changed first. Why SQL
 * set operations: the diff and the swap run inside SQLite over the staged table, so memory does not grow with the file.
 */
import type Database from "better-sqlite3";
import { classifyHousehold, type HouseholdFacts } from "@minhbach/core/standards/classify.ts";
import type { PovertyStandard } from "@minhbach/core/standards/standards.ts";
import { COVERED, MATCHES, STAGE } from "./stage.js";
import type { StagedCounts } from "./household-store.js";
import { emptyCounts, type ClassCounts, type CommuneChange } from "./summary.js";

/**
 * The household batches of a year that may hold records in the given communes: those whose summary lists one of them,
 * and any whose summary lists none (a batch written by other means, e.g. the benchmark's bulk load). Why: the records
 * are indexed by (year, importId), not by village, so old records of a commune are found through their batches.
 */
export function batchesCovering(batches: Iterable<{ id: number; summary: string }>, communes: ReadonlySet<string>): number[] {
  const ids: number[] = [];
  for (const b of batches) {
    let listed: { commune?: unknown }[] | undefined;
    try {
      const parsed = JSON.parse(b.summary) as { communes?: unknown };
      if (Array.isArray(parsed.communes)) listed = parsed.communes as { commune?: unknown }[];
    } catch {
      // not JSON: the batch's communes are unknown
    }
    if (!listed || listed.some((c) => typeof c.commune === "string" && communes.has(c.commune))) ids.push(b.id);
  }
  return ids;
}

/** The household batches of the year, for batchesCovering. */
export function householdBatches(db: Database.Database, year: number): { id: number; summary: string }[] {
  return db.prepare(`SELECT id, summary FROM ImportBatch WHERE kind = 'HOUSEHOLDS' AND year = ?`).all(year) as { id: number; summary: string }[];
}

export interface FactsRow {
  commune: string;
  urban: number;
  incomePerMonth: number | null;
  aScore: number | null;
  deprivations: number;
}

export function countBefore(rows: Iterable<FactsRow>, standard: PovertyStandard, out: Map<string, CommuneChange>): void {
  for (const r of rows) {
    const c = change(out, r.commune);
    c.before.households++;
    const facts: HouseholdFacts = { urban: r.urban === 1, incomePerMonth: r.incomePerMonth, aScore: r.aScore, deprivations: r.deprivations };
    try {
      c.before[classifyHousehold(facts, standard)]++;
    } catch {
      // an old record the standard cannot classify: it counts as a household, in no class
    }
  }
}

export function change(out: Map<string, CommuneChange>, commune: string): CommuneChange {
  let c = out.get(commune);
  if (!c) out.set(commune, (c = { commune, before: emptyCounts(), after: emptyCounts(), added: 0, removed: 0, changed: 0 }));
  return c;
}

const SAME = `h.villageCode = s.villageCode AND h.urban = s.urban AND h.size = s.size AND h.incomePerMonth IS s.incomePerMonth
  AND h.aScore IS s.aScore AND h.deprivations = s.deprivations AND h.reviewCategory = s.reviewCategory
  AND h.ethnicMinority = s.ethnicMinority`;

/** Staged rows that match a stored record of the year, per staged commune: whether the match lies in a covered commune
 *  (`keptIn`, null otherwise) and whether any field differs. */
export interface MatchedRows {
  commune: string;
  keptIn: string | null;
  changed: number;
  n: number;
}

/** Adds the staged rows to the per-commune changes (the before counts must be in `out` already): `after` comes from
 *  the import's own count of what it staged, `matched` from one join of the staged rows with the stored ones. */
export function countStaged(after: StagedCounts, matched: Iterable<MatchedRows>, out: Map<string, CommuneChange>): void {
  for (const [commune, counts] of after) {
    const c = change(out, commune);
    for (const k of Object.keys(counts) as (keyof ClassCounts)[]) c.after[k] += counts[k];
    c.added += counts.households;
  }
  const kept = new Map<string, number>();
  for (const m of matched) {
    const c = change(out, m.commune);
    c.added -= m.n;
    if (m.changed) c.changed += m.n;
    if (m.keptIn !== null) kept.set(m.keptIn, (kept.get(m.keptIn) ?? 0) + m.n);
  }
  // removed = stored before − stored before and still in the file
  for (const c of out.values()) c.removed = c.before.households - (kept.get(c.commune) ?? 0);
}

/** Per-commune changes; call inside the transaction, before the swap. Why no GROUP BY over the staged rows: the after
 *  counts are counted as rows are staged, and sorting 350k staged rows to group them cost more (0.4 s) than the
 *  lookups. The stored records the staged rows match were found by the key check (key-check.ts, MATCHES), before
 *  the transaction: valid here, as any import that changed records since would have added a batch of the year, which
 *  assertNoBatchSince refuses. */
export function measureChanges(db: Database.Database, year: number, standard: PovertyStandard, after: StagedCounts, batches: number[]): Map<string, CommuneChange> {
  const out = new Map<string, CommuneChange>();
  if (batches.length) {
    const existing = db
      .prepare(
        `SELECT c.communeCode AS commune, h.urban, h.incomePerMonth, h.aScore, h.deprivations
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
      `SELECT s.communeCode, c.communeCode, CASE WHEN ${SAME} THEN 0 ELSE 1 END
       FROM ${MATCHES} h JOIN ${STAGE} s ON s.position = h.position
       LEFT JOIN ${COVERED} c ON c.villageCode = h.villageCode`,
    )
    .raw()
    .iterate() as Iterable<[string, string | null, number]>;
  for (const [commune, keptIn, changed] of rows) {
    const key = `${commune}|${keptIn}|${changed}`;
    const m = matched.get(key);
    if (m) m.n++;
    else matched.set(key, { commune, keptIn, changed, n: 1 });
  }
  countStaged(after, matched.values(), out);
  return out;
}

/** Delete the covered commune-years (their records are in `batches`, from batchesCovering) and insert the staged rows;
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

export function totals(changes: Iterable<CommuneChange>): Omit<CommuneChange, "commune"> {
  const t = { before: emptyCounts(), after: emptyCounts(), added: 0, removed: 0, changed: 0 };
  const add = (a: ClassCounts, b: ClassCounts) => {
    for (const k of Object.keys(a) as (keyof ClassCounts)[]) a[k] += b[k];
  };
  for (const c of changes) {
    add(t.before, c.before);
    add(t.after, c.after);
    t.added += c.added;
    t.removed += c.removed;
    t.changed += c.changed;
  }
  return t;
}
