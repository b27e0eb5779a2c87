/**
 * SQL for tests, on either provider. Why: tests inspect what was really written to a store (not what the API says)
 * and must run unchanged on SQLite and PostgreSQL. Write identifiers double-quoted ("HouseholdRecord") and
 * parameters as `?`. Results are normalised to SQLite's shapes: integers (COUNT, BIGINT) as numbers, booleans as 0/1.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl, sqlitePathFromUrl } from "./sqlite-url.js";

const PG_TYPES = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v); // int8, numeric
    if (oid === 16) return (v: string) => (v === "t" ? 1 : 0); // bool
    return pg.types.getTypeParser(oid, format as "text");
  },
};

/** Runs one statement and returns its rows (an empty list for statements without rows). */
export async function queryStore<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url, types: PG_TYPES });
    await client.connect();
    try {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = new Database(sqlitePathFromUrl(url));
  try {
    const stmt = db.prepare(sql);
    const args = params.map((p) => (typeof p === "boolean" ? (p ? 1 : 0) : p));
    return stmt.reader ? (stmt.all(...args) as T[]) : (stmt.run(...args), []);
  } finally {
    db.close();
  }
}

/** The first column of the first row (e.g. a COUNT). */
export async function queryValue<T = number>(url: string, sql: string, params: unknown[] = []): Promise<T> {
  const rows = await queryStore(url, sql, params);
  const first = rows[0];
  return (first ? Object.values(first)[0] : undefined) as T;
}
