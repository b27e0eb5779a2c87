/**
 * A new SQLite private store gets PRIVATE_PAGE_SIZE pages (bulk household writes and whole-year scans); the public
 * store keeps SQLite's default (small lookups); an existing store keeps the page size it was made with.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { PRIVATE_PAGE_SIZE, migrateSqlite } from "./migrate.js";
import { tempDir } from "./test-temp-dir.js";

const pageSize = (file: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma("page_size", { simple: true }) as number;
  } finally {
    db.close();
  }
};

describe("SQLite page sizes", () => {
  it("gives a new private store large pages, in WAL mode, and the public store the default", () => {
    const dir = tempDir("minhbach-pages-");
    const privateFile = path.join(dir, "private.db");
    const publicFile = path.join(dir, "public.db");
    migrateSqlite("private", "file:" + privateFile);
    migrateSqlite("public", "file:" + publicFile);
    expect(PRIVATE_PAGE_SIZE).toBe(16384);
    expect(pageSize(privateFile)).toBe(PRIVATE_PAGE_SIZE);
    expect(pageSize(publicFile)).toBe(4096);
    const db = new Database(privateFile, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("leaves an existing private store's page size and records as they are", () => {
    const dir = tempDir("minhbach-pages-");
    const file = path.join(dir, "private.db");
    const db = new Database(file);
    db.exec(`CREATE TABLE kept (x INTEGER); INSERT INTO kept VALUES (1), (2)`);
    db.close();
    expect(pageSize(file)).toBe(4096);
    migrateSqlite("private", "file:" + file);
    expect(pageSize(file)).toBe(4096);
    const after = new Database(file, { readonly: true });
    expect(after.prepare(`SELECT count(*) FROM kept`).pluck().get()).toBe(2);
    after.close();
  });
});
