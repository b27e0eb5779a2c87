/**
 * The household records of each review year in household-key order, in batches, from SQLite or PostgreSQL. Why
 * batches: the publish scan merges the years in memory proportional to villages, and a PostgreSQL cursor hands rows
 * over a batch per round trip; on SQLite a batch is filled synchronously, so the scan never waits there.
 */
import Database from "better-sqlite3";
import type pg from "pg";
import { isPostgresUrl, isSqliteUrl, sqlitePathFromUrl } from "@minhbach/db/sqlite-url.ts";
import { importRunsOfYear } from "../store/household-runs.js";
import { byteOrderedKey, connectPg } from "../store/pg.js";
import { KeyRunMerge, runPageSize } from "./key-runs.js";

/** householdKey, villageCode, urban (0/1), incomePerMonth, aScore, deprivations, reviewCategory, ethnicMinority (0/1) */
export type ScanRow = [householdKey: string, villageCode: string, urban: number, incomePerMonth: number | null, aScore: number | null,
  deprivations: number, reviewCategory: string, ethnicMinority: number];

/** Rows per batch (and per FETCH) on PostgreSQL, where a batch is a round trip. */
export const SCAN_BATCH = 10_000;
/** Rows per batch on SQLite, where a batch is one native call: smaller batches keep the buffered rows of all years
 *  (batch × years) inside V8's young generation, so they die young instead of being promoted and collected by full
 *  GCs (measured on the province store: GC time from ~0.9 s to ~0.15 s per 0.9M rows, pages no slower). */
export const SQLITE_BATCH = 2_000;

export interface HouseholdRows {
  /** the review years present, ascending */
  years: number[];
  /** rows per batch: a shorter batch is a year's last */
  batchSize: number;
  /** The next batch of year `years[i]`, keys ascending in byte order (as JS compares strings); a batch shorter than
   *  batchSize is the last. SQLite answers at once, PostgreSQL with a promise. */
  next(i: number): ScanRow[] | Promise<ScanRow[]>;
  close(): Promise<void>;
}

const COLUMNS = `householdKey, villageCode, urban, incomePerMonth, aScore, deprivations, reviewCategory, ethnicMinority`;

/** A range of household keys, `from` inclusive, `to` exclusive (none: to the end), compared in byte order. */
export interface KeyRange {
  from: string;
  to?: string;
}

export interface RowsOptions {
  /** rows per batch, SQLite only (tests make it small so that batches run out mid-household) */
  batchSize?: number;
}

/** One read transaction on a SQLite store, from which the households of any key range can be read (the parallel
 *  scan reads several ranges per thread, all in the thread's one snapshot). */
export interface SqliteSnapshot {
  /** the review years present, ascending */
  years: number[];
  /** the households of a key range (all by default); one range at a time */
  rows(range?: KeyRange): HouseholdRows;
  close(): void;
}

/** One read-only connection in one read transaction (one snapshot for all years, ranges and pages). The primary key
 *  (year, importId, householdKey) holds a year as several runs, one per import, each in key order (BINARY collation =
 *  byte order); a year's batches merge them (key-runs.ts). Each page of a run is read after the last key read with
 *  `all()`, which builds a page in one native call (faster than stepping an iterator row by row). The snapshot is
 *  pinned before this returns: the years query is the transaction's first read (WAL) or takes the shared lock
 *  (rollback journal); the parallel scan relies on that (scan-parallel.ts). */
export function openSqliteSnapshot(privateUrl: string, batchSize = SQLITE_BATCH): SqliteSnapshot {
  const db = new Database(sqlitePathFromUrl(privateUrl), { readonly: true });
  try {
    db.exec("BEGIN");
    const years: number[] = [];
    // Distinct years, then each year's imports, by skipping through the primary key: no scan of the table.
    const nextYear = db.prepare(`SELECT MIN(year) FROM HouseholdRecord WHERE year > ?`).pluck();
    for (let y = nextYear.get(-1e9) as number | null; y !== null && y !== undefined; y = nextYear.get(y) as number | null) years.push(y);
    const runs = years.map((y) => importRunsOfYear(db, y));
    const sql = (op: string, upTo: boolean, limit: number) =>
      `SELECT ${COLUMNS} FROM HouseholdRecord WHERE year = ? AND importId = ? AND householdKey ${op} ?${upTo ? " AND householdKey < ?" : ""} ORDER BY householdKey LIMIT ${limit}`;
    // Statements by page size, the limit in their text: bound as a parameter, it made every page ~7 µs slower (SQLite
    // 3.49, as if the statement were prepared again at each binding; 10 % of the scan's reading with pages of 200).
    // The first page of a run starts at the range's first key (inclusive), later pages after the last key read.
    type Pages = [first: Database.Statement, page: Database.Statement, firstUpTo: Database.Statement, pageUpTo: Database.Statement];
    const statements = new Map<number, Pages>();
    const pages = (limit: number): Pages => {
      let s = statements.get(limit);
      if (!s) statements.set(limit, (s = [sql(">=", false, limit), sql(">", false, limit), sql(">=", true, limit), sql(">", true, limit)].map((q) => db.prepare(q).raw()) as Pages));
      return s;
    };
    return {
      years,
      rows(range = { from: "" }) {
        const to = range.to;
        /** A reader of run `importId` of year `y`: its next page of `limit` rows after `after` (none: from the start). */
        const reader = (y: number, importId: number, limit: number) => {
          const [first, page, firstUpTo, pageUpTo] = pages(limit);
          return (after: string | undefined) =>
            (to === undefined
              ? after === undefined ? first.all(y, importId, range.from) : page.all(y, importId, after)
              : after === undefined ? firstUpTo.all(y, importId, range.from, to) : pageUpTo.all(y, importId, after, to)) as ScanRow[];
        };
        const sources = years.map((y, i): (() => ScanRow[]) => {
          const ids = runs[i]!;
          if (ids.length === 1) {
            // One run (a province store): its pages are the batches, no merge.
            const read = reader(y, ids[0]!, batchSize);
            let after: string | undefined;
            return () => {
              const batch = read(after);
              if (batch.length) after = batch[batch.length - 1]![0];
              return batch;
            };
          }
          const p = runPageSize(batchSize, ids.length);
          const read = ids.map((id) => reader(y, id, p));
          const merge = new KeyRunMerge(ids.length, p, batchSize, (r, after) => read[r]!(after));
          return () => merge.next();
        });
        return { years, batchSize, next: (i) => sources[i]!(), close: async () => {} };
      },
      close() {
        db.exec("COMMIT");
        db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}

function sqliteRows(privateUrl: string, opts: RowsOptions): HouseholdRows {
  const snapshot = openSqliteSnapshot(privateUrl, opts.batchSize);
  return { ...snapshot.rows(), close: async () => snapshot.close() };
}

/** Server-side cursors, one per year, in one REPEATABLE READ transaction (one snapshot for all years). The next batch
 *  of a year is requested as soon as the current one is handed over, so the server works while the scan counts. */
async function postgresRows(privateUrl: string): Promise<HouseholdRows> {
  const client = await connectPg(privateUrl);
  try {
    await client.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`);
    const { rows } = await client.query<{ year: number }>(
      // Distinct years by skipping through the primary key, as on SQLite (a plain DISTINCT would read every row).
      `WITH RECURSIVE y(year) AS (
         SELECT MIN("year") FROM "HouseholdRecord"
         UNION ALL SELECT (SELECT MIN("year") FROM "HouseholdRecord" WHERE "year" > y.year) FROM y WHERE y.year IS NOT NULL
       ) SELECT year FROM y WHERE year IS NOT NULL ORDER BY year`,
    );
    const years = rows.map((r) => r.year);
    const orderBy = await byteOrderedKey(client);
    for (const [i, y] of years.entries()) {
      await client.query(
        `DECLARE minhbach_scan_${i} NO SCROLL CURSOR FOR SELECT "householdKey", "villageCode", "urban"::int, "incomePerMonth", "aScore",
           "deprivations", "reviewCategory", "ethnicMinority"::int FROM "HouseholdRecord" WHERE "year" = ${Number(y)} ORDER BY ${orderBy}`,
      );
    }
    // FETCHes are queued here, one on the wire at a time (pg no longer wants overlapping queries on one client).
    let queue: Promise<unknown> = Promise.resolve();
    const fetch = (i: number): Promise<ScanRow[]> => {
      const rows = queue.then(() => client.query<ScanRow>({ text: `FETCH ${SCAN_BATCH} FROM minhbach_scan_${i}`, rowMode: "array" })).then((r) => r.rows);
      queue = rows.catch(() => {});
      return rows;
    };
    const ahead: (Promise<ScanRow[]> | undefined)[] = years.map((_, i) => fetch(i));
    // A fetch that fails while nobody awaits it must not crash the process; the error surfaces when it is awaited.
    for (const p of ahead) p?.catch(() => {});
    return {
      years,
      batchSize: SCAN_BATCH,
      async next(i) {
        const batch = await ahead[i]!;
        if (batch.length === SCAN_BATCH) (ahead[i] = fetch(i)).catch(() => {});
        return batch;
      },
      close: () => closePg(client),
    };
  } catch (err) {
    await closePg(client);
    throw err;
  }
}

async function closePg(client: pg.Client): Promise<void> {
  await client.query("ROLLBACK").catch(() => {});
  await client.end().catch(() => {});
}

export async function openHouseholdRows(privateUrl: string, opts: RowsOptions = {}): Promise<HouseholdRows> {
  if (isSqliteUrl(privateUrl)) return sqliteRows(privateUrl, opts);
  if (isPostgresUrl(privateUrl)) {
    // PostgreSQL keeps one cursor per year in one transaction (one snapshot), fetching SCAN_BATCH rows at a time.
    if (opts.batchSize) throw new Error("Batch sizes are for SQLite stores only");
    return postgresRows(privateUrl);
  }
  throw new Error(`Unsupported private store URL (use file: or postgresql://): ${privateUrl}`);
}

/** Village-years ("<village>|<year>") holding records from the given imports (those marked synthetic). */
export async function villageYearsOfImports(privateUrl: string, importIds: number[]): Promise<Set<string>> {
  if (!importIds.length) return new Set();
  if (isPostgresUrl(privateUrl)) {
    const client = await connectPg(privateUrl);
    try {
      const { rows } = await client.query<[string]>({
        text: `SELECT DISTINCT "villageCode" || '|' || "year" FROM "HouseholdRecord" WHERE "importId" = ANY($1::int[])`,
        values: [importIds],
        rowMode: "array",
      });
      return new Set(rows.map((r) => r[0]));
    } finally {
      await client.end().catch(() => {});
    }
  }
  const db = new Database(sqlitePathFromUrl(privateUrl), { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT DISTINCT villageCode || '|' || year FROM HouseholdRecord WHERE importId IN (${importIds.map(() => "?").join(",")})`)
      .pluck()
      .all(...importIds) as string[];
    return new Set(rows);
  } finally {
    db.close();
  }
}
