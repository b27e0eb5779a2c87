/**
 * Migrations 0002–0004 re-key HouseholdRecord: 0002 by (year, householdKey) (WITHOUT ROWID on SQLite), 0003 swaps the
 * (year, villageCode) index for (year, importId), 0004 keys it by (year, importId, householdKey), one run per import
 * batch, with a unique index on (year, householdKey) on PostgreSQL. 0005 replaces the batches' key filters
 * (HouseholdKeyFilter) by their key prefixes (HouseholdKeyPrefixes). A store created before them keeps every record.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { listMigrations, migratePostgres, migrateSqlite } from "./migrate.js";
import { freshPostgresDatabase, postgresAvailable } from "./test-postgres.js";

const RECORDS = [
  [2022, "bb", "01990-01", 2], [2021, "cc", "01990-02", 1], [2021, "aa", "01990-01", 3], [2022, "aa", "01990-03", 2],
] as const;
const APPLIED = ["0002_household_key_order", "0003_household_import_index", "0004_household_import_runs", "0005_household_key_prefixes"];
/** Every migration from `first` on, in order: later migrations (0006 publish reports, …) run after the ones tested here. */
const from = (first: string, provider: "sqlite" | "postgresql" = "sqlite") => listMigrations("private", provider).map((m) => m.name).filter((n) => n >= first);
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe("migrations 0002–0005 on SQLite", () => {
  it("keep the records of a store made before them, in runs of key order per batch, without rowids", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-0002-"));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, "private.db");
    const db = new Database(file);
    const [init] = listMigrations("private");
    db.exec(init!.sql);
    db.exec(`CREATE TABLE _minhbach_migrations (name TEXT PRIMARY KEY, appliedAt TEXT NOT NULL)`);
    db.prepare(`INSERT INTO _minhbach_migrations VALUES (?, ?)`).run(init!.name, new Date().toISOString());
    const insert = db.prepare(`INSERT INTO HouseholdRecord (year, householdKey, villageCode, urban, size, deprivations, reviewCategory, ethnicMinority, importId) VALUES (?, ?, ?, 0, 3, 0, 'POOR', 0, ?)`);
    for (const r of RECORDS) insert.run(...r);
    db.close();

    expect(migrateSqlite("private", "file:" + file)).toEqual(from(APPLIED[0]!));
    const after = new Database(file);
    expect(after.prepare(`SELECT sql FROM sqlite_master WHERE name = 'HouseholdRecord'`).pluck().get()).toMatch(/WITHOUT ROWID$/);
    // the publish scan reads each batch's run from the table itself in key order: no sort, no second index
    const plan = after.prepare(`EXPLAIN QUERY PLAN SELECT householdKey, villageCode FROM HouseholdRecord WHERE year = 2021 AND importId = 1 ORDER BY householdKey`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join("; ")).toMatch(/^SEARCH HouseholdRecord USING PRIMARY KEY \(year=\? AND importId=\?\)$/);
    expect(after.prepare(`SELECT year, importId, householdKey, villageCode FROM HouseholdRecord`).raw().all()).toEqual(
      [[2021, 1, "cc", "01990-02"], [2021, 3, "aa", "01990-01"], [2022, 2, "aa", "01990-03"], [2022, 2, "bb", "01990-01"]],
    );
    expect(after.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'HouseholdRecord' AND sql IS NOT NULL`).pluck().all()).toEqual([]);
    // 0005: the key filters are gone; the batches' prefixes are built by the first import of their year (key-check.ts
    // reconcileKeyPrefixes), read by year
    expect(after.prepare(`SELECT name FROM sqlite_master WHERE name = 'HouseholdKeyFilter'`).all()).toEqual([]);
    expect(after.prepare(`SELECT name, type, "notnull", pk FROM pragma_table_info('HouseholdKeyPrefixes') ORDER BY cid`).raw().all()).toEqual([
      ["importId", "INTEGER", 1, 1], ["year", "INTEGER", 1, 0], ["keys", "INTEGER", 1, 0], ["prefixes", "BLOB", 1, 0],
    ]);
    expect(after.prepare(`SELECT COUNT(*) FROM HouseholdKeyPrefixes`).pluck().get()).toBe(0);
    const prefixPlan = after.prepare(`EXPLAIN QUERY PLAN SELECT importId FROM HouseholdKeyPrefixes WHERE year = 2021`).all() as { detail: string }[];
    expect(prefixPlan.map((p) => p.detail).join("; ")).toMatch(/USING COVERING INDEX HouseholdKeyPrefixes_year_idx \(year=\?\)/);
    after.close();
  });

  it("0005 drops the key filters of a store at 0004 and leaves its records as they were", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-0005-"));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, "private.db");
    const db = new Database(file);
    db.exec(`CREATE TABLE _minhbach_migrations (name TEXT PRIMARY KEY, appliedAt TEXT NOT NULL)`);
    for (const m of listMigrations("private").filter((m) => m.name < "0005")) {
      db.exec(m.sql);
      db.prepare(`INSERT INTO _minhbach_migrations VALUES (?, ?)`).run(m.name, new Date().toISOString());
    }
    const insert = db.prepare(`INSERT INTO HouseholdRecord (year, householdKey, villageCode, urban, size, deprivations, reviewCategory, ethnicMinority, importId) VALUES (?, ?, ?, 0, 3, 0, 'POOR', 0, ?)`);
    for (const r of RECORDS) insert.run(...r);
    db.prepare(`INSERT INTO HouseholdKeyFilter (importId, year, keys, bits) VALUES (?, ?, ?, ?)`).run(2, 2022, 2, Buffer.alloc(64, 0xff));
    const before = db.prepare(`SELECT * FROM HouseholdRecord`).raw().all();
    db.close();

    expect(migrateSqlite("private", "file:" + file)).toEqual(from("0005_household_key_prefixes"));
    const after = new Database(file);
    expect(after.prepare(`SELECT * FROM HouseholdRecord`).raw().all()).toEqual(before);
    expect(after.prepare(`SELECT name FROM sqlite_master WHERE tbl_name LIKE 'HouseholdKey%' AND tbl_name NOT LIKE '%Fingerprint' ORDER BY name`).pluck().all()).toEqual(
      ["HouseholdKeyPrefixes", "HouseholdKeyPrefixes_year_idx"],
    );
    expect(after.prepare(`SELECT COUNT(*) FROM HouseholdKeyPrefixes`).pluck().get()).toBe(0);
    after.close();
  });
});

const available = await postgresAvailable();
describe.skipIf(!available)("migrations 0002–0005 on PostgreSQL", () => {
  it("keep the records, key them by (year, importId, householdKey) and keep the household key unique per year", async () => {
    const database = await freshPostgresDatabase("minhbach_test_0002");
    cleanups.push(() => database.drop());
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const [init] = listMigrations("private", "postgresql");
      await client.query(init!.sql);
      await client.query(`CREATE TABLE _minhbach_migrations (store TEXT NOT NULL, name TEXT NOT NULL, "appliedAt" TIMESTAMPTZ NOT NULL, PRIMARY KEY (store, name))`);
      await client.query(`INSERT INTO _minhbach_migrations VALUES ('private', $1, now())`, [init!.name]);
      for (const [year, key, village, importId] of RECORDS) {
        await client.query(
          `INSERT INTO "HouseholdRecord" ("year", "householdKey", "villageCode", "urban", "size", "deprivations", "reviewCategory", "ethnicMinority", "importId") VALUES ($1, $2, $3, false, 3, 0, 'POOR', false, $4)`,
          [year, key, village, importId],
        );
      }
      expect(await migratePostgres("private", database.url)).toEqual(from(APPLIED[0]!, "postgresql"));
      const rows = await client.query(`SELECT "year", "householdKey", "villageCode", "importId" FROM "HouseholdRecord" ORDER BY 1, 2`);
      expect(rows.rows.map((r) => [r.year, r.householdKey, r.villageCode, r.importId])).toEqual(
        [[2021, "aa", "01990-01", 3], [2021, "cc", "01990-02", 1], [2022, "aa", "01990-03", 2], [2022, "bb", "01990-01", 2]],
      );
      const pk = await client.query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'HouseholdRecord_pkey'`);
      expect(pk.rows[0].def).toBe(`PRIMARY KEY (year, "importId", "householdKey")`);
      const collation = await client.query(`SELECT collation_name FROM information_schema.columns WHERE table_name = 'HouseholdRecord' AND column_name = 'householdKey'`);
      expect(collation.rows[0].collation_name).toBe("C"); // byte order: the scan reads the key index without sorting
      const indexes = await client.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'HouseholdRecord' ORDER BY 1`);
      expect(indexes.rows.map((r) => r.indexname)).toEqual(["HouseholdRecord_pkey", "HouseholdRecord_year_householdKey_key"]);
      await expect(client.query(
        `INSERT INTO "HouseholdRecord" ("year", "householdKey", "villageCode", "urban", "size", "deprivations", "reviewCategory", "ethnicMinority", "importId") VALUES (2021, 'aa', 'x', false, 1, 0, 'POOR', false, 9)`,
      )).rejects.toThrow(/HouseholdRecord_year_householdKey_key/);
      // 0005: HouseholdKeyFilter is replaced by HouseholdKeyPrefixes (empty on PostgreSQL: one data model)
      const tables = await client.query(`SELECT tablename FROM pg_tables WHERE tablename LIKE 'HouseholdKey%' AND tablename NOT LIKE '%Fingerprint' ORDER BY 1`);
      expect(tables.rows.map((r) => r.tablename)).toEqual(["HouseholdKeyPrefixes"]);
      const columns = await client.query(
        `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = 'HouseholdKeyPrefixes' ORDER BY ordinal_position`,
      );
      expect(columns.rows.map((r) => [r.column_name, r.data_type, r.is_nullable])).toEqual(
        [["importId", "integer", "NO"], ["year", "integer", "NO"], ["keys", "integer", "NO"], ["prefixes", "bytea", "NO"]],
      );
      const prefixIndexes = await client.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'HouseholdKeyPrefixes' ORDER BY 1`);
      expect(prefixIndexes.rows.map((r) => r.indexname)).toEqual(["HouseholdKeyPrefixes_pkey", "HouseholdKeyPrefixes_year_idx"]);
    } finally {
      await client.end();
    }
  });
});
