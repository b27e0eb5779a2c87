/**
 * One streaming pass over the household records, ordered by household: classifies each record by the standard of
 * its year, counts village-year categories, and tracks who moved between consecutive reviews. Why one pass: the
 * private store may hold tens of millions of rows; memory stays proportional to villages, not households.
 * A large SQLite store is scanned in parts over ranges of household keys on several threads (scan-parallel.ts);
 * the results are the same, down to the order of the maps.
 */
import { isSqliteUrl } from "@minhbach/db/sqlite-url.ts";
import { openHouseholdRows } from "./household-rows.js";
import { scanSqliteParts } from "./scan-parallel.js";
import { mergeParts } from "./scan-merge.js";
import { scanRanges, type PartResult, type VillageYearCounts } from "./scan-part.js";

export type { VillageYearCounts } from "./scan-part.js";

/** Movers between two consecutive reviews for one unit, and which categories any stayer changed. */
export interface PairStats {
  unit: string;
  fromYear: number;
  toYear: number;
  movers: number;
  changed: Set<string>; // "<table>|<category>"
}

export interface ScanResult {
  villageYears: Map<string, VillageYearCounts>; // key "<village>|<year>", in order of first encounter by key
  pairs: Map<string, PairStats>; // key "<unit>|<fromYear>", in order of first encounter by key
  years: number[];
  records: number;
  classMismatches: number;
}

/** The village itself, then every unit above it, in the given year. */
export type GroupsOf = (village: string, year: number) => readonly string[];

export interface ScanOptions {
  /** Parts to scan in (SQLite only; default 1 = serial). The caller decides: publish uses one per core for large
   *  stores, as it does for protection. */
  parts?: number;
  /** For tests: rows per batch; how many key ranges a parallel scan splits the keys into (default PARALLEL_RANGES);
   *  whether the ranges go round-robin to the parts instead of on demand (so that every part gets some). */
  batchSize?: number;
  ranges?: number;
  fixedAssignment?: boolean;
}

/** Scans every household record of the store (see the top of this file); `opts` is for tests and benchmarks. */
export async function scanHouseholds(privateUrl: string, groupsOf: GroupsOf, opts: ScanOptions = {}): Promise<ScanResult> {
  // PostgreSQL stores keep the serial scan: one REPEATABLE READ transaction with a cursor per year.
  const parts = isSqliteUrl(privateUrl) ? (opts.parts ?? 1) : 1;
  let results: PartResult[] | undefined;
  if (parts > 1) results = await scanSqliteParts(privateUrl, parts, { batchSize: opts.batchSize, ranges: opts.ranges, fixed: opts.fixedAssignment });
  if (!results) {
    const source = await openHouseholdRows(privateUrl, { batchSize: opts.batchSize });
    try {
      let done = false;
      results = [await scanRanges(source.years, () => (done ? undefined : ((done = true), { index: 0, rows: source })))];
    } finally {
      await source.close();
    }
  }
  return mergeParts(results, groupsOf);
}
