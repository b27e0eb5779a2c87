/**
 * Applies the committed migrations (prisma/<store>/migrations/NNNN_name/migration.sql) in order, each in a transaction,
 * recording them in _minhbach_migrations. Why our own runner: offline, Prisma's wasm engine cannot apply PostgreSQL
 * migrations, and tests need a fast way to create fresh stores.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sqlitePathFromUrl } from "./sqlite-url.js";

export type StoreName = "private" | "public";

const repoRoot = path.resolve(import.meta.dirname, "../../..");

export function migrationsDir(store: StoreName): string {
  return path.join(repoRoot, "prisma", store, "migrations");
}

export function listMigrations(store: StoreName): { name: string; sql: string }[] {
  const dir = migrationsDir(store);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

/** Apply pending migrations to a SQLite store; returns the names applied. */
export function migrateSqlite(store: StoreName, url: string): string[] {
  const file = sqlitePathFromUrl(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
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
