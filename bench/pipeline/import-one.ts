/**
 * Bench-only: how an import's speed depends on what the store already holds. One province-year of the scale is taken
 * out of the store as the earlier stages left it (its records, its batches and their key prefixes), imported into it
 * again with the real importer, then imported once more over itself (a re-import: every household found and replaced).
 * At --scale all the store holds the whole country, so this is a province file into a national store.
 */
import Database from "better-sqlite3";
import { sqlitePathFromUrl } from "../../packages/db/src/sqlite-url.ts";
import { importHouseholds } from "../../packages/pipeline/src/import/households/index.ts";
import { batchesCovering } from "../../packages/pipeline/src/import/households/replace.ts";
import { YEARS, householdFile } from "./national-households.ts";
import type { NationalProvince } from "./national-units.ts";

export interface ImportOneResult {
  province: string;
  year: number;
  rows: number;
  /** household records in the store before the province-year was taken out */
  storeRecords: number;
  removeSeconds: number;
  seconds: number;
  reimportSeconds: number;
}

/** Deletes a province-year's records, batches and key prefixes: the store as if that file had never been imported. */
function takeOut(privateUrl: string, p: NationalProvince, year: number): number {
  const db = new Database(sqlitePathFromUrl(privateUrl));
  try {
    const stored = db.prepare(`SELECT COALESCE(SUM(rows), 0) FROM ImportBatch WHERE kind = 'HOUSEHOLDS'`).pluck().get() as number;
    const batches = db.prepare(`SELECT id, summary FROM ImportBatch WHERE kind = 'HOUSEHOLDS' AND year = ?`).all(year) as { id: number; summary: string }[];
    const ids = batchesCovering(batches, { villages: new Set(p.communes.flatMap((c) => c.villages)), communes: new Set(p.communes.map((c) => c.code)) });
    const records = db.prepare(`DELETE FROM HouseholdRecord WHERE year = ? AND importId = ?`);
    const prefixes = db.prepare(`DELETE FROM HouseholdKeyPrefixes WHERE importId = ?`);
    const batch = db.prepare(`DELETE FROM ImportBatch WHERE id = ?`);
    db.transaction(() => {
      for (const id of ids) {
        records.run(year, id);
        prefixes.run(id);
        batch.run(id);
      }
    })();
    db.pragma("wal_checkpoint(TRUNCATE)");
    return stored;
  } finally {
    db.close();
  }
}

export async function importOne(privateUrl: string, dir: string, provinces: NationalProvince[], secret: string, log: (s: string) => void): Promise<ImportOneResult> {
  const p = provinces[0]!;
  const year = YEARS[YEARS.length - 1]!;
  const file = householdFile(dir, p.code, year);
  let t = performance.now();
  const storeRecords = takeOut(privateUrl, p, year);
  const removeSeconds = (performance.now() - t) / 1000;
  log(`took ${p.code}/${year} out of a store of ${storeRecords} records in ${removeSeconds.toFixed(1)} s`);
  t = performance.now();
  const first = await importHouseholds({ privateUrl, file, year, secret, synthetic: true });
  const seconds = (performance.now() - t) / 1000;
  log(`imported ${p.code}/${year}: ${first.rows} rows in ${seconds.toFixed(2)} s (${Math.round(first.rows / seconds)} rows/s)`);
  t = performance.now();
  const again = await importHouseholds({ privateUrl, file, year, secret, synthetic: true });
  const reimportSeconds = (performance.now() - t) / 1000;
  log(`re-imported it: ${again.rows} rows in ${reimportSeconds.toFixed(2)} s (${Math.round(again.rows / reimportSeconds)} rows/s; ${again.totals.changed} changed, ${again.totals.added} added)`);
  return { province: p.code, year, rows: first.rows, storeRecords, removeSeconds, seconds, reimportSeconds };
}
