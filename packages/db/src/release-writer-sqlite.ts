/**
 * The release writer's SQLite path: the same rows as `writeRelease`, written with prepared statements in one
 * IMMEDIATE transaction. Why: through Prisma's driver adapter a province's release (~35,000 cells) took ~5 s, over a
 * third of a one-province publish; prepared statements take a few hundred milliseconds. The values are stored exactly
 * as Prisma stores them (DateTime as "…T…+00:00" text, Boolean as 0/1), so Prisma and the API read them unchanged
 * (release-writer-sqlite.test.ts compares every table with a Prisma-written copy).
 */
import Database from "better-sqlite3";
import { CONTENT_TABLES, contentRows, type ReleaseContent } from "./release-content.js";
import { releaseChecksum } from "./release-checksum.js";
import { sqlitePathFromUrl } from "./sqlite-url.js";

/** Prisma's SQLite adapter writes DateTime as ISO 8601 with an explicit offset. */
function sqliteValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}

function tableName(delegate: string): string {
  return delegate[0]!.toUpperCase() + delegate.slice(1);
}

function insertRows(db: Database.Database, table: string, releaseId: string, rows: readonly object[]): void {
  if (!rows.length) return;
  const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
  if (!columns.length) throw new Error(`the public store has no table ${table}; run \`minhbach db migrate\``);
  const known = new Set(columns);
  for (const key of Object.keys(rows[0]!)) {
    if (!known.has(key)) throw new Error(`release rows for ${table} have a field the store lacks: ${key}`);
  }
  const insert = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
  const values: unknown[] = new Array(columns.length);
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    for (let i = 0; i < columns.length; i++) values[i] = columns[i] === "releaseId" ? releaseId : sqliteValue(r[columns[i]!]);
    insert.run(values);
  }
}

export function writeReleaseSqlite(url: string, content: ReleaseContent): { id: string; seq: number; checksum: string } {
  const id = content.release.id;
  const checksum = releaseChecksum(content);
  const db = new Database(sqlitePathFromUrl(url));
  try {
    db.pragma("busy_timeout = 60000");
    db.pragma("journal_mode = WAL");
    return db.transaction(() => {
      if (db.prepare(`SELECT 1 FROM "Release" WHERE id = ?`).get(id)) throw new Error(`Release ${id} already exists; releases are immutable`);
      const seq = ((db.prepare(`SELECT MAX(seq) FROM "Release"`).pluck().get() as number | null) ?? 0) + 1;
      insertRows(db, "Release", id, [{ ...content.release, id, seq, checksum, complete: false }]);
      for (const [key, delegate] of Object.entries(CONTENT_TABLES) as [keyof typeof CONTENT_TABLES, string][]) {
        insertRows(db, tableName(delegate), id, contentRows(content, key));
      }
      db.prepare(`UPDATE "Release" SET complete = 1 WHERE id = ?`).run(id);
      return { id, seq, checksum };
    }).immediate();
  } finally {
    db.close();
  }
}
