/**
 * Migration 0002 re-keys HouseholdRecord by (year, householdKey) (WITHOUT ROWID on SQLite). A store created before it
 * keeps every household record, and afterwards holds them in key order with the key still unique. Migration 0003,
 * applied with it, swaps the (year, villageCode) index for (year, importId).
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
  [2022, "bb", "01990-01"], [2021, "cc", "01990-02"], [2021, "aa", "01990-01"], [2022, "aa", "01990-03"],
] as const;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe("migration 0002 on SQLite", () => {
  it("keeps the records of a store made before it, in key order, without rowids", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-0002-"));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, "private.db");
    const db = new Database(file);
    const [init] = listMigrations("private");
    db.exec(init!.sql);
    db.exec(`CREATE TABLE _minhbach_migrations (name TEXT PRIMARY KEY, appliedAt TEXT NOT NULL)`);
    db.prepare(`INSERT INTO _minhbach_migrations VALUES (?, ?)`).run(init!.name, new Date().toISOString());
    const insert = db.prepare(`INSERT INTO HouseholdRecord (year, householdKey, villageCode, urban, size, deprivations, reviewCategory, ethnicMinority, importId) VALUES (?, ?, ?, 0, 3, 0, 'POOR', 0, 1)`);
    for (const r of RECORDS) insert.run(...r);
    db.close();

    expect(migrateSqlite("private", "file:" + file)).toEqual(["0002_household_key_order", "0003_household_import_index"]);
    const after = new Database(file);
    expect(after.prepare(`SELECT sql FROM sqlite_master WHERE name = 'HouseholdRecord'`).pluck().get()).toMatch(/WITHOUT ROWID$/);
    // the publish scan's query reads the table itself in key order: no sort, no second index
    const plan = after.prepare(`EXPLAIN QUERY PLAN SELECT householdKey, villageCode, deprivations FROM HouseholdRecord WHERE year = 2021 ORDER BY householdKey`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join("; ")).toMatch(/^SEARCH HouseholdRecord USING PRIMARY KEY \(year=\?\)$/);
    expect(after.prepare(`SELECT year, householdKey, villageCode FROM HouseholdRecord ORDER BY year, householdKey`).raw().all()).toEqual(
      [[2021, "aa", "01990-01"], [2021, "cc", "01990-02"], [2022, "aa", "01990-03"], [2022, "bb", "01990-01"]],
    );
    expect(() => after.prepare(`INSERT INTO HouseholdRecord (year, householdKey, villageCode, urban, size, deprivations, reviewCategory, ethnicMinority, importId) VALUES (2021, 'aa', 'x', 0, 1, 0, 'POOR', 0, 1)`).run()).toThrow(/UNIQUE/);
    expect(after.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'HouseholdRecord' AND sql IS NOT NULL`).pluck().all()).toEqual(["HouseholdRecord_year_importId_idx"]);
    after.close();
  });
});

const available = await postgresAvailable();
describe.skipIf(!available)("migration 0002 on PostgreSQL", () => {
  it("keeps the records and makes (year, householdKey) the primary key", async () => {
    const database = await freshPostgresDatabase("minhbach_test_0002");
    cleanups.push(() => database.drop());
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const [init] = listMigrations("private", "postgresql");
      await client.query(init!.sql);
      await client.query(`CREATE TABLE _minhbach_migrations (store TEXT NOT NULL, name TEXT NOT NULL, "appliedAt" TIMESTAMPTZ NOT NULL, PRIMARY KEY (store, name))`);
      await client.query(`INSERT INTO _minhbach_migrations VALUES ('private', $1, now())`, [init!.name]);
      for (const [year, key, village] of RECORDS) {
        await client.query(
          `INSERT INTO "HouseholdRecord" ("year", "householdKey", "villageCode", "urban", "size", "deprivations", "reviewCategory", "ethnicMinority", "importId") VALUES ($1, $2, $3, false, 3, 0, 'POOR', false, 1)`,
          [year, key, village],
        );
      }
      expect(await migratePostgres("private", database.url)).toEqual(["0002_household_key_order", "0003_household_import_index"]);
      const rows = await client.query(`SELECT "year", "householdKey" FROM "HouseholdRecord" ORDER BY 1, 2`);
      expect(rows.rows).toHaveLength(4);
      const pk = await client.query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'HouseholdRecord_pkey'`);
      expect(pk.rows[0].def).toBe(`PRIMARY KEY (year, "householdKey")`);
      const collation = await client.query(`SELECT collation_name FROM information_schema.columns WHERE table_name = 'HouseholdRecord' AND column_name = 'householdKey'`);
      expect(collation.rows[0].collation_name).toBe("C"); // byte order: the scan reads the key index without sorting
      const indexes = await client.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'HouseholdRecord' ORDER BY 1`);
      expect(indexes.rows.map((r) => r.indexname)).toEqual(["HouseholdRecord_pkey", "HouseholdRecord_year_importId_idx"]);
    } finally {
      await client.end();
    }
  });
});
