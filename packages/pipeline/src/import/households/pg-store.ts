/**
 * The household store on PostgreSQL: one session of our own (`pg`), rows streamed into a TEMP table with COPY, and the
 * same set-based diff and swap as on SQLite (pg-replace.ts). Why a TEMP table: it lives only in this session, so a
 * killed import leaves nothing behind, and nothing outside the final transaction touches the stored records.
 */
import type pg from "pg";
import copyStreams, { type CopyStreamQuery } from "pg-copy-streams";
import type { PovertyStandard } from "@minhbach/core/standards/standards.ts";
import { connectPg, copyText, inTransaction } from "../../store/pg.js";
import type { DuplicateIds, HouseholdStage, HouseholdStore, NewHouseholdBatch, ReplaceSteps, StagedCounts } from "./household-store.js";
import type { HouseholdRow } from "./parse-row.js";
import { COVERED_PG, STAGE_PG, householdBatchesPg, measureChangesPg, swapInPg } from "./pg-replace.js";
import { batchesCovering, coverOf } from "./replace.js";
import type { ImportSummary } from "./summary.js";
import { villagesAtYear, type ParentLinkRow, type VillageSource, type VillageUnitRow } from "./villages.js";

/** Rows per chunk written to the COPY stream: large enough that per-write overhead vanishes, small enough to stay flat. */
const CHUNK_ROWS = 10_000;
/** The nine other columns of a row staged by key only: NULL in COPY's text format. */
const KEY_ONLY = "\t\\N".repeat(9) + "\n";

class PgStage implements HouseholdStage {
  private lines: string[] = [];
  private blocked: Promise<void> | undefined;
  private error: Error | undefined;
  finished = false;

  constructor(private readonly stream: CopyStreamQuery) {
    // Keep the first failure (also one raised while nobody waits) and report it at the next drain or at finish.
    stream.on("error", (err) => (this.error ??= err));
  }

  add(rowNumber: number, key: Buffer, keyOffset: number, r: HouseholdRow | undefined): void {
    const householdKey = key.toString("hex", keyOffset, keyOffset + 32);
    if (!r) {
      this.lines.push(`${rowNumber}\t${householdKey}${KEY_ONLY}`);
      if (this.lines.length >= CHUNK_ROWS) this.write();
      return;
    }
    this.lines.push(
      `${rowNumber}\t${householdKey}\t${copyText(r.villageCode)}\t${copyText(r.communeCode)}\t${r.urban ? "t" : "f"}\t${r.size}\t` +
        `${copyText(r.incomePerMonth)}\t${copyText(r.aScore)}\t${r.deprivations}\t${copyText(r.reviewCategory)}\t${r.ethnicMinority ? "t" : "f"}\n`,
    );
    if (this.lines.length >= CHUNK_ROWS) this.write();
  }

  drain(): Promise<void> | undefined {
    if (this.error) return Promise.reject(this.error);
    const blocked = this.blocked;
    this.blocked = undefined;
    return blocked;
  }

  async finish(): Promise<void> {
    if (this.lines.length) this.write();
    await this.blocked;
    await new Promise<void>((resolve, reject) => {
      if (this.error) return reject(this.error);
      this.stream.once("error", reject);
      this.stream.end(() => resolve());
    });
    this.finished = true;
    if (this.error) throw this.error;
  }

  /** Gives up on the COPY (CopyFail): the server discards what was sent. */
  abort(): void {
    if (!this.finished) this.stream.destroy();
  }

  private write(): void {
    const ok = this.stream.write(this.lines.join(""));
    this.lines = [];
    // Back-pressure: the reader waits (at the next drain) until the socket has taken what was written.
    if (!ok && !this.blocked) {
      this.blocked = new Promise((resolve, reject) => {
        const done = (err?: Error) => {
          this.stream.off("drain", done).off("error", done);
          if (err) reject(err);
          else resolve();
        };
        this.stream.on("drain", done).on("error", done);
      });
    }
  }
}

class PgHouseholdStore implements HouseholdStore {
  private stage: PgStage | undefined;
  constructor(private readonly client: pg.Client) {}

  /** All villages, read once and sent to the check: a look-up per village would be a round trip to the server, and the
   *  worker thread has no session of its own. */
  async villageSource(year: number): Promise<VillageSource> {
    const units = await this.client.query<VillageUnitRow>(
      `SELECT "code", "parentCode", "validFrom", "validTo" FROM "AdminUnit" WHERE "level" = 'VILLAGE'`,
    );
    const links = await this.client.query<ParentLinkRow>(
      `SELECT "unitCode", "parentCode", "validFrom", "validTo" FROM "UnitParent" ORDER BY "unitCode", "validFrom"`,
    );
    return { kind: "resolved", villages: villagesAtYear(units.rows, links.rows, year) };
  }

  async openStage(): Promise<HouseholdStage> {
    await this.dropStage();
    await this.client.query(`CREATE TEMP TABLE ${STAGE_PG.slice("pg_temp.".length)} (
        "rowNumber" integer NOT NULL, "householdKey" text NOT NULL, "villageCode" text, "communeCode" text,
        "urban" boolean, "size" integer, "incomePerMonth" integer, "aScore" integer, "deprivations" integer,
        "reviewCategory" text, "ethnicMinority" boolean
      );
      CREATE TEMP TABLE ${COVERED_PG.slice("pg_temp.".length)} ("villageCode" text PRIMARY KEY, "communeCode" text NOT NULL);`);
    const stream = this.client.query(copyStreams.from(`COPY ${STAGE_PG} FROM STDIN`));
    return (this.stage = new PgStage(stream));
  }

  /** Duplicate keys among the staged rows (rows staged by key only included), with the first row of each. */
  async duplicateIds(limit: number): Promise<DuplicateIds> {
    const { rows } = await this.client.query<{ rowNumber: number; firstRow: number; total: string }>(
      `SELECT "rowNumber", "firstRow", COUNT(*) OVER () AS total FROM (
         SELECT "rowNumber", MIN("rowNumber") OVER (PARTITION BY "householdKey") AS "firstRow" FROM ${STAGE_PG}) d
       WHERE "rowNumber" <> "firstRow" ORDER BY "rowNumber" LIMIT $1`,
      [limit],
    );
    return { rows: rows.map((r) => ({ rowNumber: r.rowNumber, firstRow: r.firstRow })), total: rows.length ? Number(rows[0]!.total) : 0 };
  }

  async fillCovered(staged: StagedCounts): Promise<void> {
    const villages = [...staged.keys()];
    await this.client.query(
      `INSERT INTO ${COVERED_PG} SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [villages, villages.map((v) => staged.get(v)!.commune)],
    );
    // Autovacuum never analyses TEMP tables: without statistics the planner would guess the joins below blind.
    await this.client.query(`ANALYZE ${STAGE_PG}; ANALYZE ${COVERED_PG}`);
  }

  async conflictsOutsideCover(year: number): Promise<{ rowNumber: number; villageCode: string }[]> {
    const { rows } = await this.client.query<{ rowNumber: number; villageCode: string }>(
      `SELECT s."rowNumber", h."villageCode" FROM ${STAGE_PG} s
       JOIN "HouseholdRecord" h ON h."year" = $1 AND h."householdKey" = s."householdKey"
       WHERE h."villageCode" NOT IN (SELECT "villageCode" FROM ${COVERED_PG}) ORDER BY s."rowNumber" LIMIT 1000`,
      [year],
    );
    return rows;
  }

  async replace(year: number, standard: PovertyStandard, after: StagedCounts, b: NewHouseholdBatch, steps: ReplaceSteps): Promise<ImportSummary> {
    const client = this.client;
    return inTransaction(client, async () => {
      // One household import writes at a time, as SQLite's single writer guarantees: the changes measured here are
      // then exactly what the swap replaces. Readers (a publish scan) are not blocked.
      await client.query(`LOCK TABLE "HouseholdRecord" IN SHARE ROW EXCLUSIVE MODE`);
      const batches = batchesCovering(await householdBatchesPg(client, year), coverOf(after));
      await steps.review(await measureChangesPg(client, year, standard, after, batches));
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO "ImportBatch" ("kind", "fileName", "sha256", "year", "rows", "synthetic", "sourceId", "summary", "createdAt")
         VALUES ('HOUSEHOLDS', $1, $2, $3, $4, $5, $6, '{}', $7::timestamp) RETURNING "id"`,
        // ISO text, read as a timestamp without time zone: the UTC wall time, as Prisma writes it
        [b.fileName, b.sha256, year, b.rows, b.synthetic, b.sourceId, new Date().toISOString().replace("Z", "")],
      );
      const importId = rows[0]!.id;
      await swapInPg(client, year, importId, batches);
      const s = steps.summarise(importId);
      await client.query(`UPDATE "ImportBatch" SET "summary" = $1 WHERE "id" = $2`, [JSON.stringify(s), importId]);
      return s;
    });
  }

  async dropStage(): Promise<void> {
    await this.client.query(`DROP TABLE IF EXISTS ${STAGE_PG}; DROP TABLE IF EXISTS ${COVERED_PG}`);
  }

  async close(): Promise<void> {
    this.stage?.abort();
    await this.client.end().catch(() => {});
  }
}

export async function openPgHouseholdStore(privateUrl: string): Promise<HouseholdStore> {
  const client = await connectPg(privateUrl);
  try {
    // Before the first TEMP table of the session: keep the staged rows of a province file in memory, not on disk.
    await client.query(`SET temp_buffers = '64MB'`);
  } catch (err) {
    await client.end();
    throw err;
  }
  return new PgHouseholdStore(client);
}
