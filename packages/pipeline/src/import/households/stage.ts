/**
 * A TEMP staging table for the rows of one import. Why stage: every row must be checked (including duplicates across
 * the whole file) before anything is replaced, without holding the file in memory; SQLite's temp store holds it, and
 * its primary key finds duplicate household ids.
 */
import type Database from "better-sqlite3";
import type { HouseholdClass } from "@minhbach/core/standards/standards.ts";
import type { HouseholdRow } from "./parse-row.js";

export const STAGE = "temp.minhbach_stage_households";
export const COVERED = "temp.minhbach_covered_villages";

export interface StagedRow extends Partial<HouseholdRow> {
  rowNumber: number;
  householdKey: string;
  cls?: HouseholdClass;
}

const BATCH = 5000;

export class Stage {
  private pending: StagedRow[] = [];
  private readonly insert: Database.Statement;
  private readonly firstRow: Database.Statement;
  private readonly flushBatch: () => void;

  constructor(
    private readonly db: Database.Database,
    private readonly onDuplicate: (row: number, firstRow: number) => void,
  ) {
    db.exec(`DROP TABLE IF EXISTS ${STAGE}; DROP TABLE IF EXISTS ${COVERED};
      CREATE TABLE ${STAGE} (
        householdKey TEXT PRIMARY KEY, rowNumber INTEGER NOT NULL, valid INTEGER NOT NULL,
        villageCode TEXT, communeCode TEXT, urban INTEGER, size INTEGER, incomePerMonth INTEGER, aScore INTEGER,
        deprivations INTEGER, reviewCategory TEXT, ethnicMinority INTEGER, cls TEXT
      ) WITHOUT ROWID;
      CREATE TABLE ${COVERED} (villageCode TEXT PRIMARY KEY, communeCode TEXT NOT NULL) WITHOUT ROWID;`);
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO ${STAGE} VALUES (@householdKey, @rowNumber, @valid, @villageCode, @communeCode, @urban, @size,
        @incomePerMonth, @aScore, @deprivations, @reviewCategory, @ethnicMinority, @cls)`,
    );
    this.firstRow = db.prepare(`SELECT rowNumber FROM ${STAGE} WHERE householdKey = ?`).pluck();
    this.flushBatch = db.transaction(() => {
      for (const r of this.pending) {
        const info = this.insert.run({
          householdKey: r.householdKey,
          rowNumber: r.rowNumber,
          valid: r.villageCode === undefined ? 0 : 1,
          villageCode: r.villageCode ?? null,
          communeCode: r.communeCode ?? null,
          urban: r.urban === undefined ? null : r.urban ? 1 : 0,
          size: r.size ?? null,
          incomePerMonth: r.incomePerMonth ?? null,
          aScore: r.aScore ?? null,
          deprivations: r.deprivations ?? null,
          reviewCategory: r.reviewCategory ?? null,
          ethnicMinority: r.ethnicMinority === undefined ? null : r.ethnicMinority ? 1 : 0,
          cls: r.cls ?? null,
        });
        if (info.changes === 0) this.onDuplicate(r.rowNumber, this.firstRow.get(r.householdKey) as number);
      }
    });
  }

  add(row: StagedRow): void {
    this.pending.push(row);
    if (this.pending.length >= BATCH) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.flushBatch();
    this.pending = [];
  }

  /** Every village of the communes the file covers (at the review year), so their old records can be replaced. */
  fillCovered(villagesByCommune: Map<string, string[]>): void {
    const communes = this.db.prepare(`SELECT DISTINCT communeCode FROM ${STAGE} WHERE valid = 1`).pluck().all() as string[];
    const ins = this.db.prepare(`INSERT OR IGNORE INTO ${COVERED} VALUES (?, ?)`);
    this.db.transaction(() => {
      for (const c of communes) for (const v of villagesByCommune.get(c) ?? []) ins.run(v, c);
    })();
  }

  drop(): void {
    this.db.exec(`DROP TABLE IF EXISTS ${STAGE}; DROP TABLE IF EXISTS ${COVERED};`);
  }
}
