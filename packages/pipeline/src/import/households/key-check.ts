/**
 * The import's look-up of its household keys among the year's stored records, on SQLite. Why through filters: the
 * records are stored in one run per import batch (primary key year, importId, householdKey), so a key could be in any
 * batch of the year; each batch's KeyFilter rules nearly all of them out in memory, and only the candidates that pass
 * (KEY_HITS) are looked up in their batch's run. The filter of the file being imported is built in the same pass.
 */
import type Database from "better-sqlite3";
import { importRunsOfYear } from "../../store/household-runs.js";
import { KeyFilter, keyWords } from "./key-filter.js";
import { COVERED, KEY_HITS, SORTED } from "./stage.js";

/** Staged rows read per query by findKeyCandidates. */
const PAGE_ROWS = 10_000;

/** Builds the missing filters of a year's batches (stores made before migration 0004, bulk loads) and drops those of
 *  batches left without records; in its own transaction, as the filters only describe what is stored. */
export function reconcileKeyFilters(db: Database.Database, year: number): void {
  const keysOf = db.prepare(`SELECT householdKey FROM HouseholdRecord WHERE year = ? AND importId = ?`).pluck();
  const countOf = db.prepare(`SELECT COUNT(*) FROM HouseholdRecord WHERE year = ? AND importId = ?`).pluck();
  const save = db.prepare(`INSERT OR REPLACE INTO HouseholdKeyFilter (importId, year, keys, bits) VALUES (?, ?, ?, ?)`);
  const drop = db.prepare(`DELETE FROM HouseholdKeyFilter WHERE importId = ?`);
  db.transaction(() => {
    const runs = importRunsOfYear(db, year);
    const filtered = new Set(db.prepare(`SELECT importId FROM HouseholdKeyFilter WHERE year = ?`).pluck().all(year) as number[]);
    for (const id of runs) {
      if (filtered.delete(id)) continue;
      const n = countOf.get(year, id) as number;
      const filter = KeyFilter.forKeys(n);
      for (const key of keysOf.iterate(year, id) as Iterable<string>) filter.add(keyWords(key));
      save.run(id, year, n, filter.bits);
    }
    for (const id of filtered) drop.run(id);
  })();
}

/** What findKeyCandidates did: the staged keys' own filter, and the batches it tested them against. */
export interface KeyCheck {
  own: KeyFilter;
  tested: number[];
}

/**
 * Tests every staged key against the year's batch filters, records the candidates in KEY_HITS and returns the filter of
 * the staged keys themselves (stored with the new batch by saveKeyFilter). Call after reconcileKeyFilters and
 * Stage.sortByKey.
 */
export function findKeyCandidates(db: Database.Database, year: number, stagedRows: number): KeyCheck {
  const filters = (db.prepare(`SELECT importId, bits FROM HouseholdKeyFilter WHERE year = ?`).all(year) as { importId: number; bits: Buffer }[])
    .map((f) => ({ importId: f.importId, filter: new KeyFilter(f.bits) }));
  const own = KeyFilter.forKeys(stagedRows);
  const hit = db.prepare(`INSERT INTO ${KEY_HITS} VALUES (?, ?, ?, ?)`);
  // In key order (SORTED), so that the hits, and the look-ups made from them, follow the runs' order; a page at a time,
  // because SQLite cannot write the hits while a query over the rows is still open, and memory stays flat.
  const page = db.prepare(`SELECT rowid, rowNumber, householdKey FROM ${SORTED} WHERE rowid > ? ORDER BY rowid LIMIT ${PAGE_ROWS}`).raw();
  db.transaction(() => {
    for (let after = 0, rows: [number, number, string][]; (rows = page.all(after) as [number, number, string][]).length; after = rows[rows.length - 1]![0]) {
      for (const [position, rowNumber, key] of rows) {
        const w = keyWords(key);
        own.add(w);
        for (const f of filters) if (f.filter.mayHave(w)) hit.run(position, rowNumber, f.importId, key);
      }
    }
  })();
  return { own, tested: filters.map((f) => f.importId) };
}

/** Inside the import's transaction: refuses the import if a batch of the year was stored after its keys were checked
 *  (another import finished meanwhile), as its keys were not compared. */
export function assertNoBatchSince(db: Database.Database, year: number, check: KeyCheck): void {
  const tested = new Set(check.tested);
  const now = db.prepare(`SELECT importId FROM HouseholdKeyFilter WHERE year = ?`).pluck().all(year) as number[];
  if (now.some((id) => !tested.has(id))) {
    throw new Error(`another household import for ${year} was stored while this file was being checked; import the file again`);
  }
}

/** Staged households already recorded for the year in a commune the file does not cover (the key is unique per year):
 *  the candidates found in their batch's run, in a village outside the file's communes. */
export function conflictsOutsideCover(db: Database.Database, year: number): { rowNumber: number; villageCode: string }[] {
  return db
    .prepare(
      `SELECT x.rowNumber, h.villageCode FROM ${KEY_HITS} x
       JOIN HouseholdRecord h ON h.year = ? AND h.importId = x.importId AND h.householdKey = x.householdKey
       WHERE h.villageCode NOT IN (SELECT villageCode FROM ${COVERED}) ORDER BY x.rowNumber LIMIT 1000`,
    )
    .all(year) as { rowNumber: number; villageCode: string }[];
}

/** Stores the new batch's filter; call inside the import's transaction, with its rows. */
export function saveKeyFilter(db: Database.Database, importId: number, year: number, keys: number, check: KeyCheck): void {
  db.prepare(`INSERT INTO HouseholdKeyFilter (importId, year, keys, bits) VALUES (?, ?, ?, ?)`).run(importId, year, keys, check.own.bits);
}
