/**
 * What the household import needs from the private store, on SQLite or PostgreSQL. Why an interface: the import's
 * checks and its all-or-nothing order (stage and check everything, then one transaction) are the same on both; only
 * the SQL and the way rows reach the staging table differ (multi-row INSERTs on SQLite, COPY on PostgreSQL).
 */
import { isPostgresUrl, isSqliteUrl } from "@minhbach/db/sqlite-url.ts";
import type { PovertyStandard } from "@minhbach/core/standards/standards.ts";
import type { HouseholdRow } from "./parse-row.js";
import type { ClassCounts, ImportSummary, VillageChange } from "./summary.js";
import type { VillageSource } from "./villages.js";

/** The staging table of one import (a TEMP table: it disappears with the session if the process dies). */
export interface HouseholdStage {
  /**
   * A row with a household id: `key` holds its 32-byte household key at keyOffset (valid during the call); `r` is the
   * checked row to store, or undefined for a row staged by key only, to find duplicate ids (a bad row, or any row
   * once the file has a problem). The import counts the rows' classes itself (RowIntake.staged).
   */
  add(rowNumber: number, key: Buffer, keyOffset: number, r: HouseholdRow | undefined): void;
  /** Called after each batch of file rows; a store writing asynchronously returns a promise to wait for (back-pressure). */
  drain(): Promise<void> | undefined;
  /** Writes what is still buffered; the staged rows are complete afterwards. */
  finish(): Promise<void>;
}

/** Rows whose household id appeared on an earlier row, with that first row: at most the limit asked for, and the total. */
export interface DuplicateIds {
  rows: { rowNumber: number; firstRow: number }[];
  total: number;
}

/** The ImportBatch row recorded with the swap. */
export interface NewHouseholdBatch {
  fileName: string;
  sha256: string;
  year: number;
  rows: number;
  synthetic: boolean;
  sourceId: string | null;
}

/** Per village named by the file: its commune at the review year and the staged rows by computed class (counted by the
 *  import as it stages them). The villages are the village-years the import replaces. */
export type StagedCounts = ReadonlyMap<string, { commune: string; counts: ClassCounts }>;

/** What the import does inside replace()'s transaction. */
export interface ReplaceSteps {
  /** Once the changes per village are measured, before anything is written: a throw (e.g. a declined confirmation)
   *  rolls the transaction back, leaving the store as it was. It may wait (a question on a terminal): the store's
   *  write lock is held meanwhile. */
  review(changes: ReadonlyMap<string, VillageChange>): Promise<void> | void;
  /** The summary stored with the new batch. */
  summarise(importId: number): ImportSummary;
}

export interface HouseholdStore {
  /** Where the row check finds each village's commune at `year`'s review (villages.ts). */
  villageSource(year: number): Promise<VillageSource>;
  openStage(): Promise<HouseholdStage>;
  /** Duplicate household ids among all staged rows; call once, after the stage's finish(). Why in the store: found by
   *  sorting the staged keys there, memory stays flat whatever the file (a key map cost ~60 bytes per household). */
  duplicateIds(limit: number): Promise<DuplicateIds>;
  /** Records the villages the file names (the keys of `villages`), so that their old records, and only theirs, are
   *  replaced. */
  fillCovered(villages: StagedCounts): Promise<void>;
  /** Staged households already recorded for the year in a village the file does not name (the key is unique per
   *  year). Called once, after fillCovered; on SQLite it also prepares the look-ups replace() makes (key-check.ts). */
  conflictsOutsideCover(year: number): Promise<{ rowNumber: number; villageCode: string }[]>;
  /** The one transaction: measure what changes per village, let `steps.review` see it, record the ImportBatch, delete
   *  the file's village-years, insert the staged rows, store the summary. Nothing of it is visible unless all of it is. */
  replace(year: number, standard: PovertyStandard, after: StagedCounts, batch: NewHouseholdBatch, steps: ReplaceSteps): Promise<ImportSummary>;
  dropStage(): Promise<void>;
  close(): Promise<void>;
}

export async function openHouseholdStore(privateUrl: string): Promise<HouseholdStore> {
  if (isSqliteUrl(privateUrl)) return new (await import("./sqlite-store.js")).SqliteHouseholdStore(privateUrl);
  if (isPostgresUrl(privateUrl)) return (await import("./pg-store.js")).openPgHouseholdStore(privateUrl);
  throw new Error(`Unsupported private store URL (use file: or postgresql://): ${privateUrl}`);
}
