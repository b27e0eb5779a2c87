/**
 * The runs of a review year in a SQLite store's HouseholdRecord: one per import batch with records that year (primary
 * key year, importId, householdKey). Why read from the records and not from ImportBatch: a batch written by other
 * means (the benchmark's bulk load) is found too, and a batch whose records were all replaced is not. Shared by the
 * import's key check and the publish scan, which both need every run of a year.
 */
import type Database from "better-sqlite3";

/** The import ids with records in `year`, ascending, by skipping through the primary key: no scan of the table. */
export function importRunsOfYear(db: Database.Database, year: number): number[] {
  const next = db.prepare(`SELECT MIN(importId) FROM HouseholdRecord WHERE year = ? AND importId > ?`).pluck();
  const ids: number[] = [];
  for (let id = next.get(year, Number.MIN_SAFE_INTEGER) as number | null; id !== null && id !== undefined; id = next.get(year, id) as number | null) ids.push(id);
  return ids;
}
