/**
 * What the household import needs from the private store, on SQLite or PostgreSQL. Why an interface: the import's
 * checks and its all-or-nothing order (stage and check everything, then one transaction) are the same on both; only
 * the SQL and the way rows reach the staging table differ (multi-row INSERTs on SQLite, COPY on PostgreSQL).
 */
import { isPostgresUrl, isSqliteUrl } from "@minhbach/db/sqlite-url.ts";
import type { PovertyStandard } from "@minhbach/core/standards/standards.ts";
import type { HouseholdRow } from "./parse-row.js";
import type { ClassCounts, CommuneChange, ImportSummary } from "./summary.js";
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

/** Per commune: the staged rows by computed class (counted by the import as it stages them). */
export type StagedCounts = ReadonlyMap<string, ClassCounts>;

export type Summarise = (importId: number, changes: Map<string, CommuneChange>) => ImportSummary;

export interface HouseholdStore {
  /** Where the row check finds each village's commune at `year`'s review (villages.ts). */
  villageSource(year: number): Promise<VillageSource>;
  openStage(): Promise<HouseholdStage>;
  /** Duplicate household ids among all staged rows; call once, after the stage's finish(). Why in the store: found by
   *  sorting the staged keys there, memory stays flat whatever the file (a key map cost ~60 bytes per household). */
  duplicateIds(limit: number): Promise<DuplicateIds>;
  /** Every village of the communes the staged rows cover (at `year`'s review), so their old records can be replaced. */
  fillCovered(year: number): Promise<void>;
  /** Staged households already recorded for the year in a commune the file does not cover (the key is unique per year).
   *  Called once, after fillCovered; on SQLite it also prepares the look-ups replace() makes (key-check.ts). */
  conflictsOutsideCover(year: number): Promise<{ rowNumber: number; villageCode: string }[]>;
  /** The one transaction: measure what changes per commune, record the ImportBatch, delete the covered commune-years,
   *  insert the staged rows, store the summary. Nothing of it is visible unless all of it is. */
  replace(year: number, standard: PovertyStandard, after: StagedCounts, batch: NewHouseholdBatch, summarise: Summarise): Promise<ImportSummary>;
  dropStage(): Promise<void>;
  close(): Promise<void>;
}

export async function openHouseholdStore(privateUrl: string): Promise<HouseholdStore> {
  if (isSqliteUrl(privateUrl)) return new (await import("./sqlite-store.js")).SqliteHouseholdStore(privateUrl);
  if (isPostgresUrl(privateUrl)) return (await import("./pg-store.js")).openPgHouseholdStore(privateUrl);
  throw new Error(`Unsupported private store URL (use file: or postgresql://): ${privateUrl}`);
}
