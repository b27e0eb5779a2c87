/**
 * PostgreSQL connections for the pipeline's set-based paths (household import, publish scan). Why raw `pg` and not
 * Prisma: COPY, TEMP tables and server-side cursors need one session of our own, and Prisma offers none of them.
 */
import pg from "pg";

/** Values in the shapes the SQLite driver gives: BIGINT (COUNT) as numbers; timestamps as UTC epoch milliseconds
 *  (Prisma writes TIMESTAMP(3) columns in UTC, and pg would otherwise read them as local time). */
const TYPES = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20) return (v: string) => Number(v); // int8: counts and ids, far below 2^53 here
    if (oid === 1114) return (v: string) => Date.parse(v.replace(" ", "T") + "Z"); // timestamp without time zone
    return pg.types.getTypeParser(oid, format as "text");
  },
};

/** One session (TEMP tables and cursors live in it); closing it, or the process dying, rolls back what is open. */
export async function connectPg(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, types: TYPES, connectionTimeoutMillis: 10_000 });
  await client.connect();
  // A refused connection later (server restart) must surface as an error, not as an unhandled 'error' event.
  client.on("error", () => {});
  return client;
}

/** Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. */
export async function inTransaction<T>(client: pg.Client, fn: () => Promise<T>, begin = "BEGIN"): Promise<T> {
  await client.query(begin);
  try {
    const result = await fn();
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
}

/**
 * `ORDER BY` for household keys in byte order, the order JS string comparison gives for the (ASCII, hex) keys and
 * SQLite's BINARY collation gives too. Why ask the database: when the column's collation is "C"/"POSIX" (declared on
 * the column, or the database default) the key index already yields byte order and needs no sort; under any other
 * collation (en_US.UTF-8, or C.UTF-8, which PostgreSQL does not treat as byte order) the order is forced with
 * COLLATE "C", which costs a sort per year.
 */
export async function byteOrderedKey(client: pg.Client, table = "HouseholdRecord", column = "householdKey"): Promise<string> {
  const { rows } = await client.query<{ c: string | null }>(
    `SELECT COALESCE((SELECT collation_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1
       AND column_name = $2), (SELECT datcollate FROM pg_database WHERE datname = current_database())) AS c`,
    [table, column],
  );
  const collate = rows[0]?.c;
  return collate === "C" || collate === "POSIX" ? `"${column}"` : `"${column}" COLLATE "C"`;
}

/** A value for COPY … FROM STDIN (text format): tabs, newlines and backslashes escaped, null as \N. */
export function copyText(value: string | number | null): string {
  if (value === null) return "\\N";
  if (typeof value === "number") return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : value;
}
