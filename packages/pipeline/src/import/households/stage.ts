/**
 * A TEMP staging table for the rows of one import. Why stage: every row must be checked before anything is replaced,
 * without holding the file in memory; SQLite's temp store (on disk by default) holds the rows instead. Rows go in
 * with multi-row INSERTs, in batches, because per-row statement calls dominated the import time. Why numbers for the
 * village and the review category: binding a string costs several times a number (350k rows: 0.49 s with the three
 * text columns, 0.25 s with numbers). Once all rows are in, sortByKey puts them in household-key order (SORTED), and
 * the view STAGE gives them back from there with their codes. Rows the import will not store (a bad row, or any row
 * once the file has a problem) are staged by key only: duplicate ids are found among all rows, in SQL (duplicateIds),
 * so that memory does not grow with the file.
 */
import type Database from "better-sqlite3";
import { REVIEW_CATEGORIES } from "@minhbach/core/households/columns.ts";
import type { DuplicateIds, HouseholdStage, StagedCounts } from "./household-store.js";
import { PrefixList } from "./key-prefixes.js";
import type { HouseholdRow } from "./parse-row.js";

/** The staged rows as the swap reads them, after sortByKey: position (the rowid in SORTED, so key order), rowNumber,
 *  householdKey, villageCode, communeCode and the stored fields. */
export const STAGE = "temp.minhbach_staged_households";
export const COVERED = "temp.minhbach_covered_villages";
/** The staged rows as they arrive, in file order: rowNumber, householdKey, numbers for the village and the category, …
 *  (NULL but for the first two in a row staged by key only). */
const STAGED_ROWS = "temp.minhbach_stage_households";
/** The same rows in household-key order, rows of one key in file order (sortByKey): rowid 1, 2, … is that order. */
export const SORTED = "temp.minhbach_sorted_households";
/** Staged rows whose household is already stored for the year (key-check.ts): the row's rowid in SORTED (position),
 *  its rowNumber, the batch, and the stored record's fields, which the conflicts and the changes compare. */
export const MATCHES = "temp.minhbach_stored_matches";
const VILLAGES = "temp.minhbach_stage_villages";
const CATEGORIES = "temp.minhbach_stage_categories";
const CATEGORY_ID = new Map(REVIEW_CATEGORIES.map((c, i) => [c.code as string, i]));

/** Values per staged row. */
const WIDTH = 10;
const ROWS_PER_STATEMENT = 200;
const BATCH = 10_000;

export class Stage implements HouseholdStage {
  /** The parameters of the next multi-row INSERT, filled in place and reused: a batch-wide array sliced per statement
   *  cost 0.83–1.06 s per 350k rows against 0.68–0.80 s this way (docs/benchmarks.md). */
  private readonly params: unknown[] = new Array(WIDTH * ROWS_PER_STATEMENT);
  private filled = 0;
  /** Whether sortByKey has run. */
  private sorted = false;
  /** Whether this stage's write transaction is open, and how many rows it wrote. */
  private open = false;
  private rowsInTransaction = 0;
  private readonly insertMany: Database.Statement;
  private readonly insertOne: Database.Statement;
  private readonly insertVillage: Database.Statement;
  /** Village code → its number in VILLAGES. */
  private readonly villageIds = new Map<string, number>();
  /** The first 32 bits of every staged key, in staging order (the key check, key-check.ts). */
  private readonly prefixes = new PrefixList();

  constructor(private readonly db: Database.Database) {
    this.dropTables();
    db.exec(`
      CREATE TABLE ${STAGED_ROWS} (
        rowNumber INTEGER NOT NULL, householdKey TEXT NOT NULL, village INTEGER, urban INTEGER, size INTEGER,
        incomePerMonth INTEGER, aScore INTEGER, deprivations INTEGER, category INTEGER, ethnicMinority INTEGER
      );
      CREATE TABLE ${VILLAGES} (id INTEGER PRIMARY KEY, villageCode TEXT NOT NULL, communeCode TEXT NOT NULL);
      CREATE TABLE ${CATEGORIES} (id INTEGER PRIMARY KEY, code TEXT NOT NULL);
      CREATE TABLE ${COVERED} (villageCode TEXT PRIMARY KEY, communeCode TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE ${MATCHES} (
        position INTEGER NOT NULL, rowNumber INTEGER NOT NULL, importId INTEGER NOT NULL, villageCode TEXT NOT NULL,
        urban INTEGER NOT NULL, size INTEGER NOT NULL, incomePerMonth INTEGER, aScore INTEGER, deprivations INTEGER NOT NULL,
        reviewCategory TEXT NOT NULL, ethnicMinority INTEGER NOT NULL
      );`);
    const category = db.prepare(`INSERT INTO ${CATEGORIES} VALUES (?, ?)`);
    for (const [code, id] of CATEGORY_ID) category.run(id, code);
    const tuple = `(${Array(WIDTH).fill("?").join(",")})`;
    this.insertMany = db.prepare(`INSERT INTO ${STAGED_ROWS} VALUES ${Array(ROWS_PER_STATEMENT).fill(tuple).join(",")}`);
    this.insertOne = db.prepare(`INSERT INTO ${STAGED_ROWS} VALUES ${tuple}`);
    this.insertVillage = db.prepare(`INSERT INTO ${VILLAGES} VALUES (?, ?, ?)`);
  }

  add(rowNumber: number, key: Buffer, keyOffset: number, r: HouseholdRow | undefined): void {
    const p = this.params;
    let i = this.filled;
    p[i++] = rowNumber;
    p[i++] = key.toString("hex", keyOffset, keyOffset + 32);
    if (r) {
      p[i++] = this.villageIds.get(r.villageCode) ?? this.newVillage(r);
      p[i++] = r.urban ? 1 : 0;
      p[i++] = r.size;
      p[i++] = r.incomePerMonth;
      p[i++] = r.aScore;
      p[i++] = r.deprivations;
      p[i++] = CATEGORY_ID.get(r.reviewCategory);
      p[i++] = r.ethnicMinority ? 1 : 0;
    } else {
      for (const end = i + WIDTH - 2; i < end; ) p[i++] = null;
    }
    this.filled = i;
    this.prefixes.push(key.readUInt32BE(keyOffset)); // the key's first 32 bits, as prefixOfHex reads them from its hex
    if (i === p.length) this.writeParams();
  }

  /** A village's first row: numbers it and records its code and commune (a village has one commune per review year). */
  private newVillage(r: HouseholdRow): number {
    const id = this.villageIds.size + 1;
    this.villageIds.set(r.villageCode, id);
    this.begin();
    this.insertVillage.run(id, r.villageCode, r.communeCode);
    return id;
  }

  /** Rows are written synchronously in add(): nothing to wait for. */
  drain(): undefined {
    return undefined;
  }

  async finish(): Promise<void> {
    this.flush();
  }

  /** Writes the rows still in `params` and commits. */
  flush(): void {
    if (this.filled > 0) this.begin(); // add() writes a full array at once: what is left is less than a statement
    for (let i = 0; i < this.filled; i += WIDTH) this.insertOne.run(this.params.slice(i, i + WIDTH));
    this.filled = 0;
    this.commit();
  }

  /** Rows go in transactions of about BATCH rows: one per statement would journal every statement. */
  private writeParams(): void {
    this.begin();
    this.insertMany.run(this.params);
    this.filled = 0;
    this.rowsInTransaction += ROWS_PER_STATEMENT;
    if (this.rowsInTransaction >= BATCH) this.commit();
  }

  private begin(): void {
    if (this.open) return;
    this.db.exec("BEGIN");
    this.open = true;
    this.rowsInTransaction = 0;
  }

  private commit(): void {
    if (!this.open) return;
    this.db.exec("COMMIT");
    this.open = false;
  }

  /** The villages the file names, so that their old records, and only theirs, are replaced (COVERED). */
  fillCovered(villages: StagedCounts): void {
    const ins = this.db.prepare(`INSERT OR IGNORE INTO ${COVERED} VALUES (?, ?)`);
    this.db.transaction(() => {
      for (const [village, s] of villages) ins.run(village, s.commune);
    })();
  }

  /** The staged keys' first 32 bits in ascending order: one per row of SORTED, in its order. Call once, after sortByKey. */
  sortedPrefixes(): Uint32Array {
    return this.prefixes.sorted();
  }

  /**
   * Rows whose household id was on an earlier row, with that first row: neighbours in SORTED with the same key (a
   * self-join on rowid, ~0.1 s per million rows). At most `limit` listed, in key order, and the total. Call after sortByKey.
   */
  duplicateIds(limit: number): DuplicateIds {
    const pairs = this.db
      .prepare(`SELECT b.rowid, b.rowNumber, a.rowNumber FROM ${SORTED} b JOIN ${SORTED} a ON a.rowid = b.rowid - 1 WHERE a.householdKey = b.householdKey ORDER BY b.rowid`)
      .raw()
      .iterate() as Iterable<[number, number, number]>;
    const out: DuplicateIds = { rows: [], total: 0 };
    let lastRowid = -1;
    let first = 0;
    for (const [rowid, rowNumber, previous] of pairs) {
      if (rowid !== lastRowid + 1) first = previous; // a new key: its first row is the one before
      lastRowid = rowid;
      if (out.total++ < limit) out.rows.push({ rowNumber, firstRow: first });
    }
    return out;
  }

  /**
   * Copies the staged rows into SORTED in household-key order, once all are staged. Why: the key check, the changes
   * and the swap then read them in the order of the stored runs, so their look-ups in a batch's run go forward through
   * it page by page instead of jumping around it; and the swap, inside the write transaction, no longer sorts.
   */
  sortByKey(): void {
    if (this.sorted) return; // once: duplicateIds and the key check both need it
    this.sorted = true;
    this.db.exec(`
      DROP VIEW IF EXISTS ${STAGE}; DROP TABLE IF EXISTS ${SORTED};
      CREATE TABLE ${SORTED} AS SELECT * FROM ${STAGED_ROWS} ORDER BY householdKey, rowNumber;
      DROP TABLE ${STAGED_ROWS};
      CREATE VIEW ${STAGE} AS
        SELECT s.rowid AS position, s.rowNumber, s.householdKey, v.villageCode, v.communeCode, s.urban, s.size,
          s.incomePerMonth, s.aScore, s.deprivations, c.code AS reviewCategory, s.ethnicMinority
        FROM ${SORTED} s JOIN ${VILLAGES} v ON v.id = s.village JOIN ${CATEGORIES} c ON c.id = s.category;`);
  }

  drop(): void {
    if (this.open && this.db.inTransaction) this.db.exec("ROLLBACK");
    this.open = false;
    this.dropTables();
  }

  private dropTables(): void {
    this.db.exec(`DROP VIEW IF EXISTS ${STAGE}; DROP TABLE IF EXISTS ${STAGED_ROWS}; DROP TABLE IF EXISTS ${VILLAGES};
      DROP TABLE IF EXISTS ${CATEGORIES}; DROP TABLE IF EXISTS ${COVERED}; DROP TABLE IF EXISTS ${MATCHES};
      DROP TABLE IF EXISTS ${SORTED};`);
  }
}
