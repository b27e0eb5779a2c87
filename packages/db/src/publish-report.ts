/**
 * The operators' record of one publish, in the PRIVATE store: the gate's full report and why each hidden figure is
 * hidden. Why not in the release: a per-cell reason ("fewer than k households") is a constraint an outside attacker
 * can use, so the public store shows every hidden figure alike and the reasons stay here.
 */
import Database from "better-sqlite3";
import type { PrivateDb } from "./private.js";
import { isSqliteUrl, sqlitePathFromUrl } from "./sqlite-url.js";

/** kind CELL: subject = unit code, measure as in PubCell; PROJECT: project code, year 0, "households"; CREDIT: unit
 *  code, "loanTurns:<programme>"; JOBS: unit code, "domestic" | "abroad". */
export type SuppressionKind = "CELL" | "PROJECT" | "CREDIT" | "JOBS";

export interface SuppressionRow {
  kind: SuppressionKind;
  subject: string;
  year: number;
  measure: string;
  /** as protection gives it: PRIMARY | SMALL_UNIT | SECONDARY | HISTORY | DIFFERENCING */
  reason: string;
}

export interface PublishReportContent {
  releaseId: string;
  createdAt: Date;
  /** JSON */
  gateReport: string;
  suppressions: SuppressionRow[];
}

/** Rows per INSERT on PostgreSQL (one statement of column arrays; a national publish has ~220,000). */
const PG_CHUNK = 20_000;

/**
 * Writes the report in one transaction, first removing any report already stored under the same release id. Why
 * replace: release ids come from the public store, so a report under an id the public store does not hold is the
 * leftover of a publish that died between the two stores (publish.ts writes this report first), never a real one.
 */
export async function writePublishReport(db: PrivateDb, url: string, report: PublishReportContent): Promise<void> {
  if (isSqliteUrl(url)) return writeSqlite(url, report);
  await db.$transaction(
    async (itx) => {
      const tx = itx as unknown as PrivateDb; // Prisma 6.19's interactive-transaction type loses the delegates
      await tx.suppression.deleteMany({ where: { releaseId: report.releaseId } });
      await tx.publishReport.deleteMany({ where: { releaseId: report.releaseId } });
      await tx.publishReport.create({ data: { releaseId: report.releaseId, createdAt: report.createdAt, gateReport: report.gateReport } });
      for (let i = 0; i < report.suppressions.length; i += PG_CHUNK) {
        const rows = report.suppressions.slice(i, i + PG_CHUNK);
        // One statement per chunk from column arrays: Prisma's createMany costs ~10 × as much per row.
        await tx.$executeRawUnsafe(
          `INSERT INTO "Suppression" ("releaseId", "kind", "subject", "year", "measure", "reason")
           SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::text[])`,
          report.releaseId, rows.map((r) => r.kind), rows.map((r) => r.subject), rows.map((r) => r.year), rows.map((r) => r.measure), rows.map((r) => r.reason),
        );
      }
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

/** Removes a release's report (publish.ts calls it when the public write fails, so no report outlives its release). */
export async function deletePublishReport(db: PrivateDb, url: string, releaseId: string): Promise<void> {
  if (isSqliteUrl(url)) {
    withSqlite(url, (sqlite) => sqlite.transaction(() => deleteSqlite(sqlite, releaseId)).immediate());
    return;
  }
  await db.$transaction([
    db.suppression.deleteMany({ where: { releaseId } }),
    db.publishReport.deleteMany({ where: { releaseId } }),
  ]);
}

function withSqlite<T>(url: string, fn: (db: Database.Database) => T): T {
  const db = new Database(sqlitePathFromUrl(url));
  try {
    db.pragma("busy_timeout = 60000");
    return fn(db);
  } finally {
    db.close();
  }
}

function deleteSqlite(db: Database.Database, releaseId: string): void {
  db.prepare(`DELETE FROM "Suppression" WHERE "releaseId" = ?`).run(releaseId);
  db.prepare(`DELETE FROM "PublishReport" WHERE "releaseId" = ?`).run(releaseId);
}

/** Prepared statements in one IMMEDIATE transaction (as the SQLite release writer): Prisma's driver adapter would
 *  take seconds for a national publish's suppressions. DateTime is stored as Prisma stores it ("…T…+00:00"). */
function writeSqlite(url: string, report: PublishReportContent): void {
  withSqlite(url, (db) =>
    db.transaction(() => {
      deleteSqlite(db, report.releaseId);
      db.prepare(`INSERT INTO "PublishReport" ("releaseId", "createdAt", "gateReport") VALUES (?, ?, ?)`)
        .run(report.releaseId, report.createdAt.toISOString().replace("Z", "+00:00"), report.gateReport);
      const insert = db.prepare(`INSERT INTO "Suppression" ("releaseId", "kind", "subject", "year", "measure", "reason") VALUES (?, ?, ?, ?, ?, ?)`);
      for (const s of report.suppressions) insert.run(report.releaseId, s.kind, s.subject, s.year, s.measure, s.reason);
    }).immediate(),
  );
}
