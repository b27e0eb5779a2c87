/**
 * A TEMP staging table for the rows of one import. Why stage: every row must be checked before anything is replaced,
 * without holding the file in memory; SQLite's temp store (on disk by default) holds the rows instead. Rows go in
 * with multi-row INSERTs, in batches, because per-row statement calls dominated the import time.
 */
import type Database from "better-sqlite3";
import type { HouseholdClass } from "@minhbach/core/standards/standards.ts";
import type { HouseholdStage } from "./household-store.js";
import type { HouseholdRow } from "./parse-row.js";

export const STAGE = "temp.minhbach_stage_households";
export const COVERED = "temp.minhbach_covered_villages";

const COLUMNS = 11;
const ROWS_PER_STATEMENT = 200;
const BATCH = 10_000;

export class Stage implements HouseholdStage {
  private pending: unknown[] = [];
  private readonly insertMany: Database.Statement;
  private readonly insertOne: Database.Statement;
  private readonly flushBatch: (values: unknown[]) => void;

  constructor(private readonly db: Database.Database) {
    db.exec(`DROP TABLE IF EXISTS ${STAGE}; DROP TABLE IF EXISTS ${COVERED};
      CREATE TABLE ${STAGE} (
        rowNumber INTEGER NOT NULL, householdKey TEXT NOT NULL, villageCode TEXT NOT NULL, communeCode TEXT NOT NULL,
        urban INTEGER NOT NULL, size INTEGER NOT NULL, incomePerMonth INTEGER, aScore INTEGER, deprivations INTEGER NOT NULL,
        reviewCategory TEXT NOT NULL, ethnicMinority INTEGER NOT NULL, cls TEXT NOT NULL
      );
      CREATE TABLE ${COVERED} (villageCode TEXT PRIMARY KEY, communeCode TEXT NOT NULL) WITHOUT ROWID;`);
    const tuple = `(${Array(COLUMNS + 1).fill("?").join(",")})`;
    this.insertMany = db.prepare(`INSERT INTO ${STAGE} VALUES ${Array(ROWS_PER_STATEMENT).fill(tuple).join(",")}`);
    this.insertOne = db.prepare(`INSERT INTO ${STAGE} VALUES ${tuple}`);
    const width = COLUMNS + 1;
    this.flushBatch = db.transaction((values: unknown[]) => {
      const full = Math.floor(values.length / (width * ROWS_PER_STATEMENT)) * width * ROWS_PER_STATEMENT;
      for (let i = 0; i < full; i += width * ROWS_PER_STATEMENT) this.insertMany.run(values.slice(i, i + width * ROWS_PER_STATEMENT));
      for (let i = full; i < values.length; i += width) this.insertOne.run(values.slice(i, i + width));
    });
  }

  add(r: HouseholdRow, householdKey: string, cls: HouseholdClass): void {
    this.pending.push(
      r.rowNumber, householdKey, r.villageCode, r.communeCode, r.urban ? 1 : 0, r.size, r.incomePerMonth, r.aScore,
      r.deprivations, r.reviewCategory, r.ethnicMinority ? 1 : 0, cls,
    );
    if (this.pending.length >= BATCH * (COLUMNS + 1)) this.flush();
  }

  /** Rows are written synchronously in add(): nothing to wait for. */
  drain(): undefined {
    return undefined;
  }

  async finish(): Promise<void> {
    this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.flushBatch(this.pending);
    this.pending = [];
  }

  /** Every village of the communes the file covers (at the review year), so their old records can be replaced. */
  fillCovered(villagesByCommune: Map<string, string[]>): void {
    const communes = this.db.prepare(`SELECT DISTINCT communeCode FROM ${STAGE}`).pluck().all() as string[];
    const ins = this.db.prepare(`INSERT OR IGNORE INTO ${COVERED} VALUES (?, ?)`);
    this.db.transaction(() => {
      for (const c of communes) for (const v of villagesByCommune.get(c) ?? []) ins.run(v, c);
    })();
  }

  drop(): void {
    this.db.exec(`DROP TABLE IF EXISTS ${STAGE}; DROP TABLE IF EXISTS ${COVERED};`);
  }
}
