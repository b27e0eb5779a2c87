/**
 * The release gate as publish runs it. Scenarios: the hierarchy the public can rebuild (each review year's own, with
 * today's units rebuilt for earlier years after the 2025 reform); a release that relations between tables break is
 * refused with units, years and tables named and no protected value; an earlier release still served counts.
 */
import { afterAll, describe, expect, it } from "vitest";
import { openPublicStore } from "@minhbach/db/public.ts";
import { freshStores, type TestStores } from "@minhbach/db/test-stores.ts";
import type { ReleaseContent } from "@minhbach/db/release-content.ts";
import { gateRelease, hierarchyEdges, ReleaseGateFailure } from "./release-gate.js";
import { UnitHierarchy } from "./unit-hierarchy.js";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const REFORM = day("2025-07-01");

/** Province 06 → district 063 → communes 01990 and 01993 (villages -01, -02 each) until the reform; then villages of
 *  both communes join the new commune 19999 of the new province 19. */
function reformHierarchy(): UnitHierarchy {
  const old = { validFrom: null, validTo: day("2025-06-30") };
  const units = [
    { code: "06", level: "PROVINCE" as const, ...old }, { code: "063", level: "DISTRICT" as const, ...old },
    { code: "01990", level: "COMMUNE" as const, ...old }, { code: "01993", level: "COMMUNE" as const, ...old },
    { code: "19", level: "PROVINCE" as const, validFrom: REFORM, validTo: null }, { code: "19999", level: "COMMUNE" as const, validFrom: REFORM, validTo: null },
    ...["01990-01", "01990-02", "01993-01", "01993-02"].map((code) => ({ code, level: "VILLAGE" as const, validFrom: null, validTo: null })),
  ];
  const link = (unitCode: string, parentCode: string, validFrom: Date, validTo: Date | null = null) => ({ unitCode, parentCode, validFrom, validTo });
  const links = [
    link("063", "06", day("2000-01-01")), link("01990", "063", day("2000-01-01")), link("01993", "063", day("2000-01-01")),
    link("19999", "19", REFORM),
    ...["01990-01", "01990-02"].map((v) => link(v, "01990", day("2000-01-01"), day("2025-06-30"))),
    ...["01993-01", "01993-02"].map((v) => link(v, "01993", day("2000-01-01"), day("2025-06-30"))),
    ...["01990-01", "01990-02", "01993-01", "01993-02"].map((v) => link(v, "19999", REFORM)),
  ];
  return new UnitHierarchy(units, links);
}
const VILLAGES = ["01990-01", "01990-02", "01993-01", "01993-02"];

describe("the hierarchy the public can rebuild", () => {
  it("links each review year's own units, and today's units rebuilt from their villages for earlier years", () => {
    const edges = (year: number) => hierarchyEdges(reformHierarchy(), year, VILLAGES).map((e) => `${e.child}→${e.parent}`).sort();
    expect(edges(2024)).toEqual([
      "01990-01→01990", "01990-01→19999", "01990-02→01990", "01990-02→19999", "01990→063", "01993-01→01993", "01993-01→19999",
      "01993-02→01993", "01993-02→19999", "01993→063", "063→06", "19999→19",
    ]);
    expect(edges(2025)).toEqual(["01990-01→19999", "01990-02→19999", "01993-01→19999", "01993-02→19999", "19999→19"]);
  });

  it("sums a unit over the villages with records that year: a village without any is no child of it", () => {
    // 01993-02 has no records in 2024: 01993 and the district still sum their villages with data, so they stay.
    const edges = hierarchyEdges(reformHierarchy(), 2024, ["01990-01", "01990-02", "01993-01"]).map((e) => `${e.child}→${e.parent}`);
    expect(edges).toContain("01993-01→01993");
    expect(edges).toContain("063→06");
  });
});

describe("a release that relations between tables break", () => {
  const stores: TestStores[] = [];
  afterAll(async () => Promise.all(stores.map((s) => s.drop())));

  /** Flows of 2024 published for the district only; communes' escaped-poor counts hidden, their 2023 poor published. */
  function content(): { content: ReleaseContent; hidden: Map<string, number> } {
    const cell = (unitCode: string, year: number, measure: string, value: number | null) =>
      ({ unitCode, year, measure, value, status: value === null ? "SUPPRESSED" : "PUBLISHED" });
    const cells = [
      ...[2023, 2024].flatMap((y) => [cell("063", y, "households", 200), cell("01990", y, "households", 100), cell("01993", y, "households", 100)]),
      cell("063", 2023, "poor", 10), cell("01990", 2023, "poor", 5), cell("01993", 2023, "poor", 5),
      cell("063", 2024, "escapedPoor", 9), cell("01990", 2024, "escapedPoor", null), cell("01993", 2024, "escapedPoor", null),
    ];
    return { content: { cells } as unknown as ReleaseContent, hidden: new Map([["01990|2024|escapedPoor", 4], ["01993|2024|escapedPoor", 5]]) };
  }

  it("repairs it: hides the communes' 2023 poor counts in the content written, the district's total stays", async () => {
    const s = await freshStores("minhbach-release-gate-");
    stores.push(s);
    const publicDb = openPublicStore(s.publicUrl);
    try {
      const { content: c, hidden } = content();
      const villagesByYear = new Map([[2023, VILLAGES], [2024, VILLAGES]]);
      const gated = await gateRelease({ k: 5, content: c, hiddenValues: hidden, differencing: [], hierarchy: reformHierarchy(), villagesByYear, publicDb });
      expect(gated.report.ok).toBe(true);
      expect(gated.repaired.map((r) => r.key).sort()).toEqual(["01990|2023|poor", "01993|2023|poor"]);
      const status = (unit: string, measure: string) => c.cells.find((x) => x.unitCode === unit && x.year === 2023 && x.measure === measure)!;
      expect(status("01990", "poor")).toMatchObject({ status: "SUPPRESSED", value: null });
      expect(status("063", "poor")).toMatchObject({ status: "PUBLISHED", value: 10 });
      expect(hidden.get("01990|2023|poor")).toBe(5);
    } finally {
      await publicDb.$disconnect();
    }
  });

  it("is refused when repair cannot help, naming the table, the review year and the units, and no protected value", async () => {
    const s = await freshStores("minhbach-release-gate-");
    stores.push(s);
    const publicDb = openPublicStore(s.publicUrl);
    try {
      // Each commune has 5 households, the district publishes 9 poor: only hiding the district's total would help.
      const cell = (unitCode: string, measure: string, value: number | null) => ({ unitCode, year: 2023, measure, value, status: value === null ? "SUPPRESSED" : "PUBLISHED" });
      const cells = [cell("063", "households", 10), cell("01990", "households", 5), cell("01993", "households", 5), cell("063", "poor", 9), cell("01990", "poor", null), cell("01993", "poor", null)];
      const hidden = new Map([["01990|2023|poor", 4], ["01993|2023|poor", 5]]);
      const villagesByYear = new Map([[2023, VILLAGES]]);
      const error = await gateRelease({ k: 5, content: { cells } as unknown as ReleaseContent, hiddenValues: hidden, differencing: [], hierarchy: reformHierarchy(), villagesByYear, publicDb })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReleaseGateFailure);
      const message = (error as Error).message;
      expect(message).toMatch(/poverty, review 2023: 01990, 01993/);
      expect(message).toMatch(/What you can do/);
      expect(message).not.toMatch(/\b[45]\b|\[/); // neither the hidden values nor a range
      expect((error as ReleaseGateFailure).report.findings).toHaveLength(2); // 4 of 5, and 5 of 5 (none not poor)
    } finally {
      await publicDb.$disconnect();
    }
  });
});
