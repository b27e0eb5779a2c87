/**
 * Fresh, migrated stores for tests. Why: every test gets its own real database, not a mock, on the provider the suite
 * runs on — CI runs the whole suite twice, once on SQLite and once with MINHBACH_TEST_STORE=postgresql.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migratePostgres, migrateSqlite, type Provider } from "./migrate.js";
import { freshPostgresDatabase } from "./test-postgres.js";

function testProvider(): Provider {
  const value = process.env.MINHBACH_TEST_STORE ?? "sqlite";
  if (value !== "sqlite" && value !== "postgresql") throw new Error(`MINHBACH_TEST_STORE must be sqlite or postgresql, not ${value}`);
  return value;
}

/** The provider this test run uses for its stores. */
export const TEST_STORE_PROVIDER: Provider = testProvider();

export interface TestStores {
  provider: Provider;
  /** a temp folder of the test's own, for files (and the SQLite stores) */
  dir: string;
  privateUrl: string;
  publicUrl: string;
  /** drops the databases and the folder */
  drop: () => Promise<void>;
}

/** SQLite stores in a temp folder, whatever the suite's provider (for tests about SQLite itself). */
export function freshStoreUrls(prefix = "minhbach-test-"): { dir: string; privateUrl: string; publicUrl: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const privateUrl = "file:" + path.join(dir, "private.db");
  const publicUrl = "file:" + path.join(dir, "public.db");
  migrateSqlite("private", privateUrl);
  migrateSqlite("public", publicUrl);
  return { dir, privateUrl, publicUrl };
}

/** Stores this process created and has not dropped yet. Why: fixture helpers create stores on a test file's behalf;
 *  the test set-up file (tests/drop-stores.setup.ts) drops whatever a file left once it has finished. */
const undropped = new Set<TestStores>();

/** Drops every store this process created with freshStores and not yet dropped. */
export async function dropTestStores(): Promise<void> {
  await Promise.all([...undropped].map((s) => s.drop()));
}

function tracked(stores: TestStores): TestStores {
  const drop = stores.drop;
  const tracked = { ...stores, drop: async () => { undropped.delete(tracked); await drop(); } };
  undropped.add(tracked);
  return tracked;
}

/** Both stores, migrated, on the suite's provider (PostgreSQL: two new databases on the machine's server). */
export async function freshStores(prefix = "minhbach-test-", provider: Provider = TEST_STORE_PROVIDER): Promise<TestStores> {
  if (provider === "sqlite") {
    const urls = freshStoreUrls(prefix);
    return tracked({ provider, ...urls, drop: async () => fs.rmSync(urls.dir, { recursive: true, force: true }) });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const label = prefix.replace(/[^a-z0-9]+/gi, "_").replace(/^_+|_+$/g, "").toLowerCase() || "minhbach_test";
  const priv = await freshPostgresDatabase(`${label}_private`);
  const pub = await freshPostgresDatabase(`${label}_public`);
  try {
    await migratePostgres("private", priv.url);
    await migratePostgres("public", pub.url);
  } catch (err) {
    // Not handed out, so nobody else would drop them.
    await Promise.all([priv.drop(), pub.drop()]).catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return tracked({
    provider, dir, privateUrl: priv.url, publicUrl: pub.url,
    drop: async () => {
      await Promise.all([priv.drop(), pub.drop()]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}
