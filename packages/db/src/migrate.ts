/**
 * Applies the committed migrations (prisma/<store>/migrations/NNNN_name/migration.sql) in order, each in a transaction,
 * recording them in _minhbach_migrations. Why our own runner: offline, Prisma's wasm engine cannot apply PostgreSQL
 * migrations, and tests need a fast way to create fresh stores.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl, isSqliteUrl, sqlitePathFromUrl } from "./sqlite-url.js";

export type StoreName = "private" | "public";

const repoRoot = path.resolve(import.meta.dirname, "../../..");

export type Provider = "sqlite" | "postgresql";

export function migrationsDir(store: StoreName, provider: Provider = "sqlite"): string {
  return path.join(repoRoot, "prisma", store, provider === "sqlite" ? "migrations" : "migrations-postgresql");
}

export function listMigrations(store: StoreName, provider: Provider = "sqlite"): { name: string; sql: string }[] {
  const dir = migrationsDir(store, provider);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

/** Page size of a new SQLite private store. Why not SQLite's 4 KiB: household records are written in bulk, ~350k per
 *  import, and read in whole-year scans; with 16 KiB pages the key-ordered insert and its commit take ~25 % less
 *  (docs/benchmarks.md). The public store keeps 4 KiB: the API reads it by small lookups. */
export const PRIVATE_PAGE_SIZE = 16384;

/** Apply pending migrations to a SQLite store; returns the names applied. */
export function migrateSqlite(store: StoreName, url: string): string[] {
  const file = sqlitePathFromUrl(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // Only takes effect while the file is still empty (a new store); an existing store keeps its page size.
    if (store === "private") db.pragma(`page_size = ${PRIVATE_PAGE_SIZE}`);
    // The public store is handed out as a file: what a migration drops (e.g. per-cell reasons, public 0002) must be
    // overwritten, not left readable in free pages.
    if (store === "public") db.pragma("secure_delete = ON");
    db.pragma("journal_mode = WAL");
    db.exec(`CREATE TABLE IF NOT EXISTS _minhbach_migrations (name TEXT PRIMARY KEY, appliedAt TEXT NOT NULL)`);
    const done = new Set(db.prepare(`SELECT name FROM _minhbach_migrations`).pluck().all() as string[]);
    const applied: string[] = [];
    for (const m of listMigrations(store)) {
      if (done.has(m.name)) continue;
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare(`INSERT INTO _minhbach_migrations (name, appliedAt) VALUES (?, ?)`).run(m.name, new Date().toISOString());
      })();
      applied.push(m.name);
    }
    return applied;
  } finally {
    db.close();
  }
}

/** Apply pending migrations to a PostgreSQL store, each in its own transaction, under an advisory lock so that two
 *  replicas starting together do not both migrate. Returns the names applied. */
export async function migratePostgres(store: StoreName, url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('minhbach_migrations'))`);
    // Both stores may share one database (separate ones are recommended), so each row names its store.
    await client.query(
      `CREATE TABLE IF NOT EXISTS _minhbach_migrations (store TEXT NOT NULL, name TEXT NOT NULL, "appliedAt" TIMESTAMPTZ NOT NULL, PRIMARY KEY (store, name))`,
    );
    const done = new Set(
      (await client.query<{ name: string }>(`SELECT name FROM _minhbach_migrations WHERE store = $1`, [store])).rows.map((r) => r.name),
    );
    const applied: string[] = [];
    for (const m of listMigrations(store, "postgresql")) {
      if (done.has(m.name)) continue;
      try {
        await client.query("BEGIN");
        await client.query(m.sql);
        await client.query(`INSERT INTO _minhbach_migrations (store, name, "appliedAt") VALUES ($1, $2, now())`, [store, m.name]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`${store} store: migration ${m.name} failed and was rolled back: ${(err as Error).message}`);
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query(`SELECT pg_advisory_unlock(hashtext('minhbach_migrations'))`).catch(() => {});
    await client.end();
  }
}

/** Migrate a store whatever its provider (SQLite "file:" or "postgresql://" URL). */
export async function migrateStore(store: StoreName, url: string): Promise<string[]> {
  if (isSqliteUrl(url)) return migrateSqlite(store, url);
  if (isPostgresUrl(url)) return migratePostgres(store, url);
  throw new Error(`Unsupported ${store} store URL (use file: or postgresql://): ${url}`);
}
