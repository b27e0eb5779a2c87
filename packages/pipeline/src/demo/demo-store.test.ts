/**
 * `runDemo` into a real, fresh private store: everything lands through the real importers, and the calibrated
 * figures, the reform and the real projects read back from the store exactly.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyHousehold, standardForYear } from "@minhbach/core/standards/index.ts";
import { openPrivateStore, type PrivateDb } from "@minhbach/db/private";
import { freshStores, type TestStores } from "@minhbach/db/test-stores.ts";
import { INCONSISTENT_PER_YEAR } from "./households/generate.js";
import { runDemo, type DemoSummary } from "./run-demo.js";

let db: PrivateDb;
let summary: DemoSummary;
let outDir: string;
let stores: TestStores;

beforeAll(async () => {
  stores = await freshStores("minhbach-demo-store-");
  outDir = path.join(stores.dir, "demo");
  summary = await runDemo({ privateUrl: stores.privateUrl, outDir });
  db = openPrivateStore(stores.privateUrl);
}, 300_000);

afterAll(async () => {
  await db?.$disconnect();
  await stores?.drop();
});

async function poorRate(year: number, villagePrefix: string, cls: string, decimals: number): Promise<string> {
  const rows = await db.householdRecord.findMany({ where: { year, villageCode: { startsWith: villagePrefix } } });
  const standard = standardForYear(year);
  const n = rows.filter((r) => classifyHousehold(r, standard) === cls).length;
  return ((100 * n) / rows.length).toFixed(decimals);
}

describe("the demo store: households imported through the real importer", () => {
  it("holds five reviews of about 75,000 households each", async () => {
    for (const year of [2021, 2022, 2023, 2024, 2025]) {
      expect(await db.householdRecord.count({ where: { year } })).toBe(summary.households[year]);
    }
    expect(summary.households[2021]).toBe(75_000);
    expect(fs.readdirSync(outDir).sort()).toContain("households-2025.csv");
  });

  it("reproduces Bắc Kạn 2021 (26.93 % poor, 9.74 % near-poor) and Lục Bình 2022/2023 (13.6 %, 8.9 %)", async () => {
    expect(await poorRate(2021, "", "POOR", 2)).toBe("26.93");
    expect(await poorRate(2021, "", "NEAR_POOR", 2)).toBe("9.74");
    expect(await poorRate(2022, "01990-", "POOR", 1)).toBe("13.6");
    expect(await poorRate(2023, "01990-", "POOR", 1)).toBe("8.9");
  });

  it("shows the deliberate category mismatches in the importer's data-quality report", () => {
    const counts = summary.files.filter((f) => f.kind === "households").map((f) => f.mismatches);
    for (const c of counts) expect(c).toBeGreaterThan(0), expect(c).toBeLessThanOrEqual(INCONSISTENT_PER_YEAR);
  });
});

describe("the demo store: units, reform and real records", () => {
  it("has the reform: Lục Bình's villages under xã Phủ Thông from 2025-07-01, with its citation sources", async () => {
    const links = await db.unitParent.findMany({ where: { unitCode: "01990-04" }, orderBy: { validFrom: "asc" } });
    expect(links.map((l) => l.parentCode)).toEqual(["01990", "01969"]);
    expect(await db.unitChange.count({ where: { toCode: "01969", legalBasis: { contains: "1683/NQ-UBTVQH15" } } })).toBe(4);
    const pt = await db.adminUnit.findUniqueOrThrow({ where: { code: "01969" } });
    expect(pt.geometryIllustrative).toBe(true);
    expect(JSON.parse(pt.geometry!).type).toMatch(/Polygon/);
    expect(await db.sourceCitation.count({ where: { unitCode: "01990" } })).toBe(2);
  });

  it("has the goat (20 households, 500,000,000 VND) and buffalo (16, 390,000,000 VND) projects cited to the article", async () => {
    const goat = await db.project.findUniqueOrThrow({ where: { code: "LB-2023-DE" }, include: { funding: true, villages: true } });
    expect(goat.synthetic).toBe(false);
    expect(JSON.parse(goat.sourceIds)).toEqual(["baobackan-2023-luc-binh"]);
    expect(goat.funding.reduce((s, f) => s + f.budgetVnd, 0n)).toBe(500_000_000n);
    expect(await db.projectParticipant.count({ where: { projectCode: "LB-2023-DE" } })).toBe(20);
    expect(await db.projectParticipant.count({ where: { projectCode: "LB-2023-TRAU" } })).toBe(16);
    // Participants are households of the review: their keys are in the 2023 records.
    const keys = (await db.projectParticipant.findMany({ where: { projectCode: "LB-2023-DE" } })).map((p) => p.householdKey);
    expect(await db.householdRecord.count({ where: { year: 2023, householdKey: { in: keys }, villageCode: "01990-01" } })).toBe(20);
  });

  it("has Lục Bình's 2023 credit, jobs, plan and inspections as real rows", async () => {
    const credit = await db.creditRecord.findMany({ where: { unitCode: "01990", year: 2023 } });
    expect(credit.map((c) => [c.loanTurns, c.outstandingVnd, c.synthetic])).toEqual([[330, 19_600_000_000n, false]]);
    expect(await db.jobsRecord.findFirst({ where: { unitCode: "01990", year: 2023 } })).toMatchObject({ domestic: 46, abroad: 3, synthetic: false });
    expect(await db.plan.findFirst({ where: { unitCode: "01990", year: 2023 } })).toMatchObject({ reference: "54/KH-UBND" });
    expect(await db.inspection.count({ where: { unitCode: "01990-04", synthetic: false } })).toBe(1);
  });
});
