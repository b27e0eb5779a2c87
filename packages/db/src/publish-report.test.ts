/**
 * The publish report in the private store, on the suite's provider: every suppression is stored (more rows than one
 * INSERT takes on PostgreSQL), Prisma reads the report back, a leftover under the same release id is replaced, and
 * deleting removes the report and its suppressions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPrivateStore, type PrivateDb } from "./private.js";
import { deletePublishReport, writePublishReport, type PublishReportContent, type SuppressionRow } from "./publish-report.js";
import { freshStores, type TestStores } from "./test-stores.js";

let stores: TestStores;
let db: PrivateDb;

beforeAll(async () => {
  stores = await freshStores("minhbach-report-");
  db = openPrivateStore(stores.privateUrl);
});
afterAll(async () => {
  await db?.$disconnect();
  await stores?.drop();
});

function report(releaseId: string, cells: number): PublishReportContent {
  const suppressions: SuppressionRow[] = Array.from({ length: cells }, (_, i) => ({
    kind: "CELL", subject: `01990-${i}`, year: 2023, measure: "poor", reason: i % 2 ? "PRIMARY" : "SECONDARY",
  }));
  suppressions.push({ kind: "PROJECT", subject: "DA-01", year: 0, measure: "households", reason: "SECONDARY" });
  suppressions.push({ kind: "CREDIT", subject: "01990", year: 2023, measure: "loanTurns:Hộ nghèo", reason: "PRIMARY" });
  return { releaseId, createdAt: new Date("2026-01-02T03:04:05.678Z"), gateReport: JSON.stringify({ tables: [] }), suppressions };
}

describe("publish report", () => {
  it("stores the gate report and every suppression, and Prisma reads them back", async () => {
    await writePublishReport(db, stores.privateUrl, report("2026.1", 25_000));
    const stored = await db.publishReport.findUniqueOrThrow({ where: { releaseId: "2026.1" } });
    expect(stored.createdAt).toEqual(new Date("2026-01-02T03:04:05.678Z"));
    expect(JSON.parse(stored.gateReport)).toEqual({ tables: [] });
    expect(await db.suppression.count({ where: { releaseId: "2026.1" } })).toBe(25_002);
    expect(await db.suppression.findFirst({ where: { releaseId: "2026.1", kind: "CREDIT" } })).toMatchObject({ subject: "01990", year: 2023, measure: "loanTurns:Hộ nghèo", reason: "PRIMARY" });
  });

  it("replaces a leftover report under the same release id, and deletes one without touching the others", async () => {
    await writePublishReport(db, stores.privateUrl, report("2026.2", 10));
    await writePublishReport(db, stores.privateUrl, report("2026.2", 3));
    expect(await db.suppression.count({ where: { releaseId: "2026.2" } })).toBe(5);
    await deletePublishReport(db, stores.privateUrl, "2026.2");
    expect(await db.publishReport.count({ where: { releaseId: "2026.2" } })).toBe(0);
    expect(await db.suppression.count({ where: { releaseId: "2026.2" } })).toBe(0);
    expect(await db.suppression.count({ where: { releaseId: "2026.1" } })).toBe(25_002);
  });
});
