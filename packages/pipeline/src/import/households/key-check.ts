/**
 * The import's look-up of its household keys among the year's stored records, on SQLite. Why through prefixes: the
 * records are stored in one run per import batch (primary key year, importId, householdKey), so a key could be in any
 * batch of the year; merging the file's sorted key prefixes with each batch's (key-prefixes.ts) rules nearly all of
 * them out, and only the candidates are looked up exactly in their batch's run. The households found there go to
 * MATCHES with their stored fields, once, for both the conflicts and the changes. The file's prefixes are collected
 * while it is staged (Stage) and stored with its batch.
 */
import type Database from "better-sqlite3";
import { importRunsOfYear } from "../../store/household-runs.js";
import { decodePrefixes, encodePrefixes, matchingRanges, prefixesOfSortedKeys } from "./key-prefixes.js";
import { COVERED, MATCHES, SORTED } from "./stage.js";

/** Builds the missing prefixes of a year's batches (stores made before migration 0005, bulk loads) and drops those of
 *  batches left without records; in its own transaction, as the prefixes only describe what is stored. */
export function reconcileKeyPrefixes(db: Database.Database, year: number): void {
  // In primary-key order: a run's keys come out sorted, so its prefixes do too.
  const keysOf = db.prepare(`SELECT householdKey FROM HouseholdRecord WHERE year = ? AND importId = ? ORDER BY householdKey`).pluck();
  const save = db.prepare(`INSERT OR REPLACE INTO HouseholdKeyPrefixes (importId, year, keys, prefixes) VALUES (?, ?, ?, ?)`);
  const drop = db.prepare(`DELETE FROM HouseholdKeyPrefixes WHERE importId = ?`);
  db.transaction(() => {
    const runs = importRunsOfYear(db, year);
    const listed = new Set(db.prepare(`SELECT importId FROM HouseholdKeyPrefixes WHERE year = ?`).pluck().all(year) as number[]);
    for (const id of runs) {
      if (listed.delete(id)) continue;
      const prefixes = prefixesOfSortedKeys(keysOf.iterate(year, id) as Iterable<string>);
      save.run(id, year, prefixes.length, encodePrefixes(prefixes));
    }
    for (const id of listed) drop.run(id);
  })();
}

/** What findKeyCandidates did: the staged keys' own sorted prefixes, and the batches they were compared with. */
export interface KeyCheck {
  own: Uint32Array;
  tested: number[];
}

/**
 * Compares the staged keys' sorted prefixes (one per row of SORTED, in the same order) with each batch of the year,
 * looks the candidates up in the batch's run and records those found in MATCHES: one INSERT per range of candidate
 * rows, which go forward through the run as both are in key order. Call after reconcileKeyPrefixes and
 * Stage.sortByKey. Batches are read one at a time, so memory holds the file's prefixes and one batch's.
 */
export function findKeyCandidates(db: Database.Database, year: number, own: Uint32Array): KeyCheck {
  // SORTED's rowids are 1…n (CREATE TABLE AS): its last rowid is its row count, without reading the table.
  const staged = (db.prepare(`SELECT MAX(rowid) FROM ${SORTED}`).pluck().get() as number | null) ?? 0;
  if (staged !== own.length) throw new Error(`the key check got ${own.length} prefixes for ${staged} staged rows`);
  const ids = db.prepare(`SELECT importId FROM HouseholdKeyPrefixes WHERE year = ? ORDER BY importId`).pluck().all(year) as number[];
  const prefixesOf = db.prepare(`SELECT prefixes FROM HouseholdKeyPrefixes WHERE importId = ?`).pluck();
  // Positions are SORTED's rowids (1, 2, …), the order of `own`.
  const hits = db.prepare(
    `INSERT INTO ${MATCHES}
     SELECT s.rowid, s.rowNumber, h.importId, h.villageCode, h.urban, h.size, h.incomePerMonth, h.aScore, h.deprivations,
       h.reviewCategory, h.ethnicMinority
     FROM ${SORTED} s JOIN HouseholdRecord h ON h.year = ? AND h.importId = ? AND h.householdKey = s.householdKey
     WHERE s.rowid > ? AND s.rowid <= ?`,
  );
  db.transaction(() => {
    for (const id of ids) {
      const stored = decodePrefixes(prefixesOf.get(id) as Buffer);
      matchingRanges(own, stored, (start, end) => hits.run(year, id, start, end));
    }
  })();
  return { own, tested: ids };
}

/** Inside the import's transaction: refuses the import if a batch of the year was stored after its keys were checked
 *  (another import finished meanwhile), as its keys were not compared. */
export function assertNoBatchSince(db: Database.Database, year: number, check: KeyCheck): void {
  const tested = new Set(check.tested);
  const now = db.prepare(`SELECT importId FROM HouseholdKeyPrefixes WHERE year = ?`).pluck().all(year) as number[];
  if (now.some((id) => !tested.has(id))) {
    throw new Error(`another household import for ${year} was stored while this file was being checked; import the file again`);
  }
}

/** Staged households already recorded for the year in a village the file does not name (the key is unique per year):
 *  the matches in a village outside COVERED. Call after findKeyCandidates. */
export function conflictsOutsideCover(db: Database.Database): { rowNumber: number; villageCode: string }[] {
  return db
    .prepare(
      `SELECT rowNumber, villageCode FROM ${MATCHES}
       WHERE villageCode NOT IN (SELECT villageCode FROM ${COVERED}) ORDER BY rowNumber LIMIT 1000`,
    )
    .all() as { rowNumber: number; villageCode: string }[];
}

/** Stores the new batch's prefixes; call inside the import's transaction, with its rows. */
export function saveKeyPrefixes(db: Database.Database, importId: number, year: number, check: KeyCheck): void {
  db.prepare(`INSERT INTO HouseholdKeyPrefixes (importId, year, keys, prefixes) VALUES (?, ?, ?, ?)`).run(importId, year, check.own.length, encodePrefixes(check.own));
}
