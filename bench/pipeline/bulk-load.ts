/**
 * Bench-only: loads the generated household files straight into the private store's HouseholdRecord table, indexes
 * dropped and rebuilt once. Why: it lets `pnpm bench:pipeline --stages …,bulk,publish` measure publishing at 10
 * provinces or national size without first paying for 26 million households × 5 reviews through the real importer
 * (which `--stages import` measures on its own). Not a product path: no checks, no staging, a fast non-secret
 * hash instead of the HMAC (the publish step only needs keys that are the same for a household in every year).
 */
import fs from "node:fs";
import { StringDecoder } from "node:string_decoder";
import Database from "better-sqlite3";
import { REVIEW_CATEGORIES } from "../../packages/core/src/households/columns.ts";
import { INDICATORS } from "../../packages/core/src/standards/indicators.ts";
import { sqlitePathFromUrl } from "../../packages/db/src/sqlite-url.ts";
import { reconcileKeyPrefixes } from "../../packages/pipeline/src/import/households/key-check.ts";
import { YEARS, householdFile } from "./national-households.ts";
import type { NationalProvince } from "./national-units.ts";

const CATEGORY = new Map<string, string>(REVIEW_CATEGORIES.map((c) => [c.vi, c.code]));
const ROWS_PER_STATEMENT = 100;

/** 128-bit non-cryptographic hash as 32 hex digits (four independent 32-bit FNV-style lanes; real keys are 64-digit
 *  HMACs): the key prefixes (key-prefixes.ts) read a key's leading 32 bits, here the first lane. */
function fastKey(id: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ id.length;
  let d = 0x9e3779b9;
  let e = 0x85ebca6b ^ id.length;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 2246822519) ^ (b >>> 15);
    d = Math.imul(d ^ c, 3266489917) ^ (d >>> 13);
    e = Math.imul(e ^ c, 668265263) ^ (e >>> 17);
  }
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, "0");
  return hex(a) + hex(b) + hex(d) + hex(e);
}

/** The file's lines, read 8 MB at a time (a big province's file must not be held whole). */
function* linesOf(file: string): Generator<string> {
  const fd = fs.openSync(file, "r");
  const chunk = Buffer.alloc(8 << 20);
  const decoder = new StringDecoder("utf8");
  let rest = "";
  try {
    for (let n: number; (n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0; ) {
      const lines = (rest + decoder.write(chunk.subarray(0, n))).split("\n"); // the decoder keeps a split UTF-8 character
      rest = lines.pop()!;
      yield* lines;
    }
    if (rest) yield rest;
  } finally {
    fs.closeSync(fd);
  }
}

export function bulkLoad(privateUrl: string, dir: string, provinces: NationalProvince[], log: (s: string) => void): { rows: number } {
  const db = new Database(sqlitePathFromUrl(privateUrl));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144"); // 256 MB for the index builds
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'HouseholdRecord' AND sql IS NOT NULL`)
    .all() as { name: string; sql: string }[];
  for (const ix of indexes) db.exec(`DROP INDEX "${ix.name}"`);
  // HouseholdRecord is clustered on (year, importId, householdKey) (WITHOUT ROWID): rows go to a plain table first and
  // are moved over in key order at the end, so the clustered tree is filled sequentially.
  db.exec(`DROP TABLE IF EXISTS temp.bulk; CREATE TEMP TABLE bulk AS SELECT * FROM HouseholdRecord WHERE 0`);
  const tuple = "(?,?,?,?,?,?,?,?,?,?,?)";
  const many = db.prepare(
    `INSERT INTO temp.bulk (year, householdKey, villageCode, urban, size, incomePerMonth, aScore, deprivations, reviewCategory, ethnicMinority, importId)
     VALUES ${Array(ROWS_PER_STATEMENT).fill(tuple).join(",")}`,
  );
  const one = db.prepare(
    `INSERT INTO temp.bulk (year, householdKey, villageCode, urban, size, incomePerMonth, aScore, deprivations, reviewCategory, ethnicMinority, importId) VALUES ${tuple}`,
  );
  const batch = db.prepare(`INSERT INTO ImportBatch (kind, fileName, sha256, year, rows, synthetic, summary, createdAt) VALUES ('HOUSEHOLDS', ?, 'bulk', ?, ?, 1, ?, ?)`);
  const setRows = db.prepare(`UPDATE ImportBatch SET rows = ? WHERE id = ?`);
  let rows = 0;
  for (const p of provinces) {
    // The communes a batch covers, as an import's summary lists them: a later import finds the batches it replaces by
    // them (replace.ts batchesCovering), and would read every batch that lists none.
    const summary = JSON.stringify({ bulk: true, communes: p.communes.map((c) => ({ commune: c.code })) });
    for (const year of YEARS) {
      const file = householdFile(dir, p.code, year);
      db.transaction(() => {
        const importId = Number(batch.run(file, year, 0, summary, new Date().toISOString()).lastInsertRowid);
        let values: unknown[] = [];
        let header = true;
        const before = rows;
        for (const line of linesOf(file)) {
          if (header || !line) {
            header = false;
            continue;
          }
          const f = line.split(",");
          let bits = 0;
          for (let j = 0; j < INDICATORS.length; j++) if (f[8 + j] === "1") bits |= 1 << INDICATORS[j]!.bit;
          values.push(year, fastKey(f[0]!), f[1], f[2] === "thành thị" ? 1 : 0, Number(f[3]), f[4] ? Number(f[4]) : null, f[5] ? Number(f[5]) : null,
            bits, CATEGORY.get(f[6]!) ?? "NOT_POOR", f[7] === "1" ? 1 : 0, importId);
          if (values.length === 11 * ROWS_PER_STATEMENT) {
            many.run(values);
            values = [];
          }
          rows++;
        }
        for (let i = 0; i < values.length; i += 11) one.run(values.slice(i, i + 11));
        setRows.run(rows - before, importId);
      })();
    }
    log(`loaded ${p.code}: ${rows} rows so far`);
  }
  let t = performance.now();
  db.exec(`INSERT INTO HouseholdRecord SELECT * FROM temp.bulk ORDER BY year, importId, householdKey; DROP TABLE temp.bulk`);
  log(`moved ${rows} rows into HouseholdRecord in key order in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  for (const ix of indexes) {
    t = performance.now();
    db.exec(ix.sql);
    log(`rebuilt ${ix.name} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  t = performance.now();
  for (const year of YEARS) reconcileKeyPrefixes(db, year);
  log(`built the batches' key prefixes in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  db.close();
  return { rows };
}
