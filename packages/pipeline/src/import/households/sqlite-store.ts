/**
 * The household store on SQLite: better-sqlite3 directly, because per-row statement calls through an ORM dominated the
 * import time. Staging (stage.ts), the key check against the year's batches (key-check.ts) and the set-based diff and
 * swap (replace.ts) run inside SQLite.
 */
import Database from "better-sqlite3";
import type { PovertyStandard } from "@minhbach/core/standards/standards.ts";
import { PRIVATE_PAGE_SIZE } from "@minhbach/db/migrate.ts";
import { sqlitePathFromUrl } from "@minhbach/db/sqlite-url.ts";
import type { DuplicateIds, HouseholdStore, NewHouseholdBatch, ReplaceSteps, StagedCounts } from "./household-store.js";
import { assertNoBatchSince, conflictsOutsideCover, findKeyCandidates, reconcileKeyPrefixes, saveKeyPrefixes, type KeyCheck } from "./key-check.js";
import { batchesCovering, coverOf, householdBatches, measureChanges, swapIn } from "./replace.js";
import type { ImportSummary } from "./summary.js";
import { Stage } from "./stage.js";
import type { VillageSource } from "./villages.js";

export class SqliteHouseholdStore implements HouseholdStore {
  private readonly db: Database.Database;
  private stage: Stage | undefined;
  /** The key check of the staged rows (its filter is stored with the new batch). */
  private keyCheck: KeyCheck | undefined;

  constructor(privateUrl: string) {
    this.db = new Database(sqlitePathFromUrl(privateUrl));
    try {
      this.db.pragma("journal_mode = WAL");
      this.db.pragma("busy_timeout = 10000");
      // WAL + synchronous=NORMAL (this connection only): every commit stays atomic and the file consistent after a
      // crash (a power cut may lose the last commit, never part of one), without an fsync per commit.
      this.db.pragma("synchronous = NORMAL");
      // The swap sorts the staged rows by household key: with helper threads SQLite sorts parts of them on the core
      // the check worker has left idle by then (0.3 s → 0.2 s per 350k rows). The staging table (TEMP) gets the
      // private store's larger pages (migrate.ts). See docs/benchmarks.md.
      this.db.pragma("threads = 2");
      this.db.pragma(`temp.page_size = ${PRIVATE_PAGE_SIZE}`);
    } catch (err) {
      this.db.close();
      throw err;
    }
  }

  /** The check looks villages up in this store's file as rows name them (sqlite-villages.ts). */
  async villageSource(): Promise<VillageSource> {
    return { kind: "sqlite", path: this.db.name };
  }

  async openStage(): Promise<Stage> {
    return (this.stage = new Stage(this.db));
  }

  /** Sorts the staged rows by key (once: the key check and the swap read them in that order) and finds the neighbours
   *  with the same key. */
  async duplicateIds(limit: number): Promise<DuplicateIds> {
    this.stage!.sortByKey();
    return this.stage!.duplicateIds(limit);
  }

  async fillCovered(villages: StagedCounts): Promise<void> {
    this.stage!.fillCovered(villages);
  }

  async conflictsOutsideCover(year: number): Promise<{ rowNumber: number; villageCode: string }[]> {
    this.checkKeys(year);
    return conflictsOutsideCover(this.db);
  }

  /** Finds the staged households already stored for the year (MATCHES), for the conflicts and the changes. */
  private checkKeys(year: number): KeyCheck {
    this.stage!.sortByKey();
    reconcileKeyPrefixes(this.db, year);
    return (this.keyCheck = findKeyCandidates(this.db, year, this.stage!.sortedPrefixes()));
  }

  /** Why BEGIN IMMEDIATE by hand rather than db.transaction(): steps.review may wait (a confirmation), which a
   *  synchronous better-sqlite3 transaction cannot; and the write lock taken up front means no other writer can change
   *  the records between the measured changes and the swap. */
  async replace(year: number, standard: PovertyStandard, after: StagedCounts, b: NewHouseholdBatch, steps: ReplaceSteps): Promise<ImportSummary> {
    const db = this.db;
    const keyCheck = this.keyCheck ?? this.checkKeys(year);
    db.exec("BEGIN IMMEDIATE");
    try {
      assertNoBatchSince(db, year, keyCheck);
      const batches = batchesCovering(householdBatches(db, year), coverOf(after));
      await steps.review(measureChanges(db, year, standard, after, batches));
      const batch = db
        .prepare(`INSERT INTO ImportBatch (kind, fileName, sha256, year, rows, synthetic, sourceId, summary, createdAt) VALUES ('HOUSEHOLDS', ?, ?, ?, ?, ?, ?, '{}', ?)`)
        .run(b.fileName, b.sha256, year, b.rows, b.synthetic ? 1 : 0, b.sourceId, new Date().toISOString());
      const importId = Number(batch.lastInsertRowid);
      swapIn(db, year, importId, batches);
      saveKeyPrefixes(db, importId, year, keyCheck);
      const s = steps.summarise(importId);
      db.prepare(`UPDATE ImportBatch SET summary = ? WHERE id = ?`).run(JSON.stringify(s), importId);
      db.exec("COMMIT");
      return s;
    } catch (err) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw err;
    }
  }

  async dropStage(): Promise<void> {
    this.stage?.drop();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
