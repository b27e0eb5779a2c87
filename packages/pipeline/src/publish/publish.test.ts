/**
 * Publish, scenario by scenario: a small commune is published with protected cells, every hidden cell alike in the
 * public store and its reason in the private one; a gate that finds anything stops the release and leaves the public
 * store as it was; a public write that fails leaves no publish report behind; k below 3 is refused.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { queryStore, queryValue } from "@minhbach/db/test-query.ts";
import { dropPublishFixtures, publishFixture, village } from "./test-fixture.js";

const reviews = {
  2022: [...village("01990-01", 40, 12), ...village("01990-02", 30, 2), ...village("01990-03", 25, 9)],
  2023: [...village("01990-01", 40, 10), ...village("01990-02", 30, 1), ...village("01990-03", 25, 8)],
};

afterEach(dropPublishFixtures);

function cells(publicUrl: string) {
  return queryStore<{ unitCode: string; year: number; value: number | null; status: string }>(
    publicUrl,
    `SELECT "unitCode", "year", "measure", "value", "status" FROM "PubCell" WHERE "measure" = 'poor'`,
  );
}

/** Why each hidden figure is hidden, from the private store's publish report. */
function suppressions(privateUrl: string) {
  return queryStore<{ releaseId: string; kind: string; subject: string; year: number; measure: string; reason: string }>(
    privateUrl,
    `SELECT "releaseId", "kind", "subject", "year", "measure", "reason" FROM "Suppression"`,
  );
}

describe("publishing a small commune", () => {
  it("suppresses the village with 2 poor households and enough other cells that it cannot be recovered", async () => {
    const { publishRelease } = await import("./publish.js");
    const { privateUrl, publicUrl } = await publishFixture(reviews);
    const summary = await publishRelease({ privateUrl, publicUrl, k: 5, now: new Date("2026-01-02T00:00:00Z") });
    expect(summary.releaseId).toBe("2026.1");
    const poor = await cells(publicUrl);
    const small = poor.find((c) => c.unitCode === "01990-02" && c.year === 2022)!;
    expect(small).toMatchObject({ status: "SUPPRESSED", value: null });
    // the reason is the operators' to know: in the private store, one row per hidden cell
    const reasons = await suppressions(privateUrl);
    expect(reasons).toContainEqual({ releaseId: "2026.1", kind: "CELL", subject: "01990-02", year: 2022, measure: "poor", reason: "PRIMARY" });
    const hidden = await queryValue(publicUrl, `SELECT COUNT(*) FROM "PubCell" WHERE "status" = 'SUPPRESSED'`);
    expect(reasons.filter((r) => r.kind === "CELL")).toHaveLength(hidden);
    const report = await queryStore<{ gateReport: string }>(privateUrl, `SELECT "gateReport" FROM "PublishReport" WHERE "releaseId" = '2026.1'`);
    expect(JSON.parse(report[0]!.gateReport).tables.length).toBeGreaterThan(2);
    // commune minus the other villages would give it away: at least one more cell of 2022 is suppressed
    const suppressed2022 = poor.filter((c) => c.year === 2022 && c.status === "SUPPRESSED");
    expect(suppressed2022.length).toBeGreaterThanOrEqual(2);
    expect(poor.filter((c) => c.status === "PUBLISHED" && c.value! >= 1 && c.value! < 5)).toEqual([]);
  });

  it("refuses k below 3", async () => {
    const { publishRelease } = await import("./publish.js");
    const { privateUrl, publicUrl } = await publishFixture(reviews);
    await expect(publishRelease({ privateUrl, publicUrl, k: 2 })).rejects.toThrow(/at least 3/);
  });
});

describe("year-to-year differences", () => {
  it("never publishes both years of a village where one household moved in and nobody else changed", async () => {
    const { publishRelease } = await import("./publish.js");
    const stayers = village("01990-01", 40, 10);
    const newcomer = { key: "01990-01-new", village: "01990-01", income: 900_000, lacking: 4, category: "NEWLY_POOR" };
    const { privateUrl, publicUrl } = await publishFixture({
      2022: [...stayers, ...village("01990-02", 30, 8), ...village("01990-03", 25, 9)],
      2023: [...stayers, newcomer, ...village("01990-02", 30, 8), ...village("01990-03", 25, 9)],
    });
    await publishRelease({ privateUrl, publicUrl, k: 5 });
    const poor = (await cells(publicUrl)).filter((c) => c.unitCode === "01990-01");
    // 10 and 11 poor households: each count alone is publishable, but their difference is the newcomer's status
    expect(poor.map((c) => c.status)).toContain("SUPPRESSED");
    const all = await cells(publicUrl);
    const commune = all.filter((c) => c.unitCode === "01990");
    const published = (unit: typeof poor, year: number) => unit.find((c) => c.year === year)?.status === "PUBLISHED";
    // nor through the commune: if the village is hidden in one year, the commune and its other villages cannot all be shown
    for (const year of [2022, 2023]) {
      if (!published(poor, year)) {
        const others = all.filter((c) => c.year === year && (c.unitCode === "01990-02" || c.unitCode === "01990-03"));
        expect(published(commune, year) && others.every((c) => c.status === "PUBLISHED")).toBe(false);
      }
    }
  });
});

describe("a gate that finds a disclosure stops the release", () => {
  it("writes nothing to the public store", async () => {
    vi.resetModules();
    vi.doMock("@minhbach/core/disclosure/index.ts", async (importOriginal) => {
      const real = await importOriginal<typeof import("@minhbach/core/disclosure/index.ts")>();
      return {
        ...real,
        // the real protection, then pretend the attacker recovered a cell
        protect: async (problem: Parameters<typeof real.protect>[0]) => {
          const result = await real.protect(problem);
          const finding = { cellId: problem.cells[0]?.id ?? "empty-table", kind: "LINEAR" as const, value: 1, detail: "recovered by the test attacker" };
          return { ...result, gate: { ...result.gate, ok: false, linearDisclosures: [finding] } };
        },
      };
    });
    const { publishRelease, GateFailure } = await import("./publish.js");
    const { privateUrl, publicUrl } = await publishFixture(reviews);
    const error = await publishRelease({ privateUrl, publicUrl, k: 5 }).catch((e: unknown) => e);
    if (!(error instanceof GateFailure)) console.error(error);
    expect(error).toBeInstanceOf(GateFailure);
    expect(await queryValue(publicUrl, `SELECT COUNT(*) FROM "Release"`)).toBe(0);
    expect(await queryValue(publicUrl, `SELECT COUNT(*) FROM "PubCell"`)).toBe(0);
    expect(await queryValue(privateUrl, `SELECT COUNT(*) FROM "PublishReport"`)).toBe(0);
    vi.doUnmock("@minhbach/core/disclosure/index.ts");
  });
});

describe("a public write that fails", () => {
  it("leaves neither a release nor its private report", async () => {
    vi.resetModules();
    vi.doMock("@minhbach/db/release-writer.ts", () => ({
      writeReleaseToStore: async () => {
        throw new Error("the public store went away (test)");
      },
    }));
    const { publishRelease } = await import("./publish.js");
    const { privateUrl, publicUrl } = await publishFixture(reviews);
    await expect(publishRelease({ privateUrl, publicUrl, k: 5 })).rejects.toThrow(/went away/);
    expect(await queryValue(privateUrl, `SELECT COUNT(*) FROM "PublishReport"`)).toBe(0);
    expect(await queryValue(privateUrl, `SELECT COUNT(*) FROM "Suppression"`)).toBe(0);
    expect(await queryValue(publicUrl, `SELECT COUNT(*) FROM "Release"`)).toBe(0);
    vi.doUnmock("@minhbach/db/release-writer.ts");
    vi.resetModules();
  });
});
