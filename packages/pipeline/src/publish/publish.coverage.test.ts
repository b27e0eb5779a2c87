/**
 * Coverage, scenario by scenario (real stores, the suite's provider): when only 3 of a commune's 11 villages report
 * a review, the commune, its district and its province publish nothing for that year as if complete (every cell
 * NOT_AVAILABLE, coverage 3 of 11 and 0 of 1), the 3 villages keep their figures, and the complete year is untouched.
 * Synthetic follows the import batches, not the units.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryStore, queryValue } from "@minhbach/db/test-query.ts";
import { dropPublishFixtures, publishFixture, village, type FixtureHousehold } from "./test-fixture.js";

const villages = Array.from({ length: 11 }, (_, i) => `01990-${String(i + 1).padStart(2, "0")}`);
const all: FixtureHousehold[] = villages.flatMap((v, i) => village(v, 30 + i, 8 + (i % 4)));
// 2023: only the first three villages reported; 2022 (synthetic import) complete, 2023 (real import) not.
const reviews = { 2022: all, 2023: all.filter((h) => villages.slice(0, 3).includes(h.village)) };

let publicUrl: string;
let privateUrl: string;

beforeAll(async () => {
  const { publishRelease } = await import("./publish.js");
  ({ privateUrl, publicUrl } = await publishFixture(reviews, { villages: 11, syntheticYears: [2022] }));
  const summary = await publishRelease({ privateUrl, publicUrl, k: 5, now: new Date("2026-01-02T00:00:00Z") });
  expect(summary.incomplete).toBe(3);
}, 120_000);
afterAll(dropPublishFixtures);

type Cell = { unitCode: string; measure: string; value: number | null; status: string };
const cellsOf = (unit: string, year: number) =>
  queryStore<Cell>(publicUrl, `SELECT "unitCode", "measure", "value", "status" FROM "PubCell" WHERE "unitCode" = ? AND "year" = ?`, [unit, year]);
const unitYear = (unit: string, year: number) =>
  queryStore<{ coverageReported: number | null; coverageExpected: number | null; synthetic: number }>(
    publicUrl, `SELECT "coverageReported", "coverageExpected", "synthetic" FROM "PubUnitYear" WHERE "unitCode" = ? AND "year" = ?`, [unit, year],
  ).then((rows) => rows[0]);

describe("a commune where 3 of 11 villages reported", () => {
  it("gives the commune, district and province their coverage", async () => {
    expect(await unitYear("01990", 2023)).toMatchObject({ coverageReported: 3, coverageExpected: 11 });
    expect(await unitYear("063", 2023)).toMatchObject({ coverageReported: 0, coverageExpected: 1 });
    expect(await unitYear("06", 2023)).toMatchObject({ coverageReported: 0, coverageExpected: 1 });
    expect(await unitYear("01990-01", 2023)).toMatchObject({ coverageReported: null, coverageExpected: null });
    expect(await unitYear("01990", 2022)).toMatchObject({ coverageReported: 11, coverageExpected: 11 });
  });

  it("publishes no total, count or rate for them: every cell NOT_AVAILABLE", async () => {
    for (const unit of ["01990", "063", "06"]) {
      const cells = await cellsOf(unit, 2023);
      const measures = cells.map((c) => c.measure);
      for (const m of ["households", "poor", "nearPoor", "newlyPoor", "escapedPoor"]) expect(measures).toContain(m);
      expect(measures.some((m) => m.startsWith("lacking."))).toBe(true);
      expect(cells.filter((c) => c.status !== "NOT_AVAILABLE" || c.value !== null)).toEqual([]);
    }
  });

  it("keeps the reporting villages' own figures, and the complete year as it was", async () => {
    for (const v of villages.slice(0, 3)) {
      const cells = await cellsOf(v, 2023);
      expect(cells.find((c) => c.measure === "households")).toMatchObject({ status: "PUBLISHED" });
      expect(cells.find((c) => c.measure === "poor")?.status).toMatch(/PUBLISHED|SUPPRESSED/);
    }
    expect(await cellsOf("01990-04", 2023)).toEqual([]);
    const commune2022 = await cellsOf("01990", 2022);
    expect(commune2022.find((c) => c.measure === "households")).toMatchObject({ status: "PUBLISHED", value: all.length });
    expect(commune2022.filter((c) => c.status === "NOT_AVAILABLE")).toEqual([]);
  });

  it("neither protects nor reports as hidden what it does not publish", async () => {
    const hiddenReasons = await queryValue(privateUrl, `SELECT COUNT(*) FROM "Suppression" WHERE "year" = 2023 AND "subject" IN ('01990', '063', '06')`);
    expect(hiddenReasons).toBe(0);
    const [release] = await queryStore<{ gateReport: string }>(publicUrl, `SELECT "gateReport" FROM "Release"`);
    expect((JSON.parse(release!.gateReport) as { ok: boolean }[]).every((t) => t.ok)).toBe(true);
  });
});

describe("synthetic follows the data", () => {
  it("labels a unit-year synthetic only when its records come from a synthetic import", async () => {
    expect((await unitYear("01990-01", 2022))!.synthetic).toBe(1);
    expect((await unitYear("01990", 2022))!.synthetic).toBe(1);
    expect((await unitYear("01990-01", 2023))!.synthetic).toBe(0);
    expect((await unitYear("01990", 2023))!.synthetic).toBe(0); // NOT_AVAILABLE, and not synthetic either
    expect(await queryValue(publicUrl, `SELECT "synthetic" FROM "Release"`)).toBe(1); // 2022's figures are
  });

  it("does not label a release synthetic for its made-up units alone", async () => {
    const { publishRelease } = await import("./publish.js");
    const real = await publishFixture({ 2023: all }, { villages: 11, syntheticYears: [] });
    await publishRelease({ privateUrl: real.privateUrl, publicUrl: real.publicUrl, k: 5 });
    expect(await queryValue(real.publicUrl, `SELECT COUNT(*) FROM "PubUnit" WHERE "synthetic"`)).toBeGreaterThan(0);
    expect(await queryValue(real.publicUrl, `SELECT "synthetic" FROM "Release"`)).toBe(0);
    expect(await queryValue(real.publicUrl, `SELECT COUNT(*) FROM "PubUnitYear" WHERE "synthetic"`)).toBe(0);
  }, 120_000);
});
