/**
 * The diff and the swap of replace.ts in PostgreSQL's dialect: quoted identifiers (the schema's tables and columns are
 * case-sensitive), booleans, IS NOT DISTINCT FROM. Why the same set-based SQL: memory must not grow with the file.
 */
import type pg from "pg";
import type { PovertyStandard } from "@minhbach/core/standards/standards.ts";
import type { StagedCounts } from "./household-store.js";
import { countBefore, countStaged, type FactsRow, type MatchedRows } from "./replace.js";
import type { VillageChange } from "./summary.js";

export const STAGE_PG = "pg_temp.minhbach_stage_households";
export const COVERED_PG = "pg_temp.minhbach_covered_villages";

/** Rows per FETCH from the cursor over the records being replaced. */
const FETCH_ROWS = 10_000;

const SAME = `h."villageCode" = s."villageCode" AND h."urban" = s."urban" AND h."size" = s."size"
  AND h."incomePerMonth" IS NOT DISTINCT FROM s."incomePerMonth" AND h."aScore" IS NOT DISTINCT FROM s."aScore"
  AND h."deprivations" = s."deprivations" AND h."reviewCategory" = s."reviewCategory" AND h."ethnicMinority" = s."ethnicMinority"`;

/** A cursor's query takes no bind parameters: its numbers are written into the SQL, checked to be integers first. */
function integerLiteral(value: number, what: string): string {
  if (!Number.isInteger(value)) throw new Error(`Not ${what}: ${value}`);
  return String(value);
}

/** Per-village changes; call inside the transaction, before the swap (same results as replace.ts measureChanges). */
export async function measureChangesPg(client: pg.Client, year: number, standard: PovertyStandard, after: StagedCounts, batches: number[]): Promise<Map<string, VillageChange>> {
  const out = new Map<string, VillageChange>();
  if (batches.length) {
    // The records being replaced are read through a cursor: a whole province's worth must not sit in memory at once.
    await client.query(
      `DECLARE minhbach_before NO SCROLL CURSOR FOR
       SELECT h."villageCode" AS village, c."communeCode" AS commune, h."urban"::int AS urban, h."incomePerMonth", h."aScore", h."deprivations"
       FROM "HouseholdRecord" h JOIN ${COVERED_PG} c ON c."villageCode" = h."villageCode"
       WHERE h."year" = ${integerLiteral(year, "a review year")} AND h."importId" IN (${batches.map((id) => integerLiteral(id, "an import batch id")).join(", ")})`,
    );
    for (;;) {
      const { rows } = await client.query<FactsRow>(`FETCH ${FETCH_ROWS} FROM minhbach_before`);
      countBefore(rows, standard, out);
      if (rows.length < FETCH_ROWS) break;
    }
    await client.query(`CLOSE minhbach_before`);
  }
  const matched = await client.query<MatchedRows>(
    `SELECT s."villageCode" AS village, s."communeCode" AS commune, (h."villageCode" = s."villageCode")::int AS kept,
       CASE WHEN ${SAME} THEN 0 ELSE 1 END AS changed, COUNT(*)::int AS n
     FROM ${STAGE_PG} s JOIN "HouseholdRecord" h ON h."year" = $1 AND h."householdKey" = s."householdKey"
     GROUP BY 1, 2, 3, 4`,
    [year],
  );
  countStaged(after, matched.rows, out);
  return out;
}

/** The household batches of the year, for batchesCovering (replace.ts). */
export async function householdBatchesPg(client: pg.Client, year: number): Promise<{ id: number; summary: string }[]> {
  const { rows } = await client.query<{ id: number; summary: string }>(
    `SELECT "id", "summary" FROM "ImportBatch" WHERE "kind" = 'HOUSEHOLDS' AND "year" = $1`,
    [year],
  );
  return rows;
}

/** Delete the file's village-years (their records are in `batches`) and insert the staged rows; call inside the
 *  transaction. */
export async function swapInPg(client: pg.Client, year: number, importId: number, batches: number[]): Promise<number> {
  if (batches.length) {
    await client.query(
      `DELETE FROM "HouseholdRecord" WHERE "year" = $1 AND "importId" = ANY($2::int[])
       AND "villageCode" IN (SELECT "villageCode" FROM ${COVERED_PG})`,
      [year, batches],
    );
  }
  const inserted = await client.query(
    `INSERT INTO "HouseholdRecord" ("year", "householdKey", "villageCode", "urban", "size", "incomePerMonth", "aScore", "deprivations",
       "reviewCategory", "ethnicMinority", "importId")
     SELECT $1::int, "householdKey", "villageCode", "urban", "size", "incomePerMonth", "aScore", "deprivations", "reviewCategory",
       "ethnicMinority", $2::int
     FROM ${STAGE_PG} ORDER BY "householdKey"`, // key order: the primary key index (year, importId, householdKey) is then filled at its end, in sequence
    [year, importId],
  );
  return inserted.rowCount ?? 0;
}
