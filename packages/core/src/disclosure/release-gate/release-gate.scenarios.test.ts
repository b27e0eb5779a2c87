/**
 * The release gate on small releases built by hand. Scenarios: relations between tables pin hidden figures that each
 * table alone leaves wide; a relation the data does not satisfy is not used; an earlier release still served counts
 * as published; and a release without such relations passes.
 */
import { describe, expect, it } from "vitest";
import { scenarioRelease } from "./scenario-release.ts";
import { cellKey, runReleaseGate, type ReleaseGateInput } from "./index.ts";

const K = 5;
const YEAR = 2022;
/** District 001 with communes 00101 and 00102 (and 00103 when named). */
const edges = (year: number, communes = ["00101", "00102"]) => communes.map((child) => ({ year, child, parent: "001" }));

/** A release from "unit|year|measure" → value (a number: published; ["hidden", truth]: suppressed). */
const release = (figures: Record<string, number | ["hidden", number]>, extra: Partial<ReleaseGateInput> = {}) => scenarioRelease(K, figures, extra);

const households = (year: number, n: Record<string, number>) => Object.fromEntries(Object.entries(n).map(([u, v]) => [`${u}|${year}|households`, v]));

describe("the release gate attacks the release as published", () => {
  it("fails when escaped-poor figures are pinned by last year's poor counts (flows bounded by stocks)", async () => {
    const input = release({
      ...households(YEAR, { "001": 200, "00101": 100, "00102": 100 }), ...households(YEAR + 1, { "001": 200, "00101": 100, "00102": 100 }),
      [`00101|${YEAR}|poor`]: 5, [`00102|${YEAR}|poor`]: 5, [`001|${YEAR}|poor`]: 10,
      [`001|${YEAR + 1}|escapedPoor`]: 9, [`00101|${YEAR + 1}|escapedPoor`]: ["hidden", 4], [`00102|${YEAR + 1}|escapedPoor`]: ["hidden", 5],
    }, { edges: [...edges(YEAR), ...edges(YEAR + 1)] });
    const report = await runReleaseGate(input);
    expect(report.ok).toBe(false);
    // 4 + 5 = 9 with each at most 5: both lie in [4, 5] (width max − min = 1); only 4 (1..k−1) is sensitive.
    expect(report.findings).toEqual([{ target: `00101|${YEAR + 1}|escapedPoor`, unit: "00101", year: YEAR + 1, table: "flows", width: 1, requiredWidth: K }]);
  });

  it("passes the same release when last year's poor counts are hidden and large enough", async () => {
    const input = release({
      ...households(YEAR, { "001": 200, "00101": 100, "00102": 100 }), ...households(YEAR + 1, { "001": 200, "00101": 100, "00102": 100 }),
      [`00101|${YEAR}|poor`]: ["hidden", 30], [`00102|${YEAR}|poor`]: ["hidden", 30], [`001|${YEAR}|poor`]: 60,
      [`001|${YEAR + 1}|escapedPoor`]: 9, [`00101|${YEAR + 1}|escapedPoor`]: ["hidden", 4], [`00102|${YEAR + 1}|escapedPoor`]: ["hidden", 5],
    }, { edges: [...edges(YEAR), ...edges(YEAR + 1)] });
    const report = await runReleaseGate(input);
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it("pins poor counts through the deprivations: a poor household lacks at least three indicators", async () => {
    const lacking = (unit: string, v: number) => ({ [`${unit}|${YEAR}|lacking.A`]: v, [`${unit}|${YEAR}|lacking.B`]: v, [`${unit}|${YEAR}|lacking.C`]: v });
    const input = release({
      ...households(YEAR, { "001": 100, "00101": 50, "00102": 50 }),
      [`001|${YEAR}|poor`]: 9, [`00101|${YEAR}|poor`]: ["hidden", 4], [`00102|${YEAR}|poor`]: ["hidden", 5],
      ...lacking("00101", 5), ...lacking("00102", 5), ...lacking("001", 10),
    }, { edges: edges(YEAR), standards: new Map([[YEAR, { indicators: ["A", "B", "C"], minDeprived: 3 }]]) });
    const report = await runReleaseGate(input);
    expect(report.findings.map((f) => [f.target, f.width])).toEqual([[`00101|${YEAR}|poor`, 1]]);
    // Without the standard's rule, the same figures leave both counts in [0, 9].
    expect((await runReleaseGate({ ...input, standards: new Map() })).ok).toBe(true);
  });

  it("leaves out a relation the data does not satisfy (households that moved): the outsider cannot rely on it", async () => {
    const input = release({
      ...households(YEAR, { "00101": 100 }), ...households(YEAR + 1, { "00101": 100 }),
      [`00101|${YEAR}|poor`]: 5, [`00101|${YEAR + 1}|escapedPoor`]: ["hidden", 7],
    });
    const report = await runReleaseGate(input);
    expect(report.stats.rowsNotHolding).toBe(1);
    expect(report.ok).toBe(true);
  });

  it("counts a figure an earlier release still serves as published, and pins its sibling through the total", async () => {
    const figures = {
      ...households(YEAR, { "001": 200, "00101": 100, "00102": 100 }),
      [`001|${YEAR}|nearPoor`]: 10, [`00101|${YEAR}|nearPoor`]: ["hidden", 6] as ["hidden", number], [`00102|${YEAR}|nearPoor`]: ["hidden", 4] as ["hidden", number],
    };
    expect((await runReleaseGate(release(figures, { edges: edges(YEAR) }))).ok).toBe(true);
    const earlier = [{ releaseId: "2025.1", published: new Map([[cellKey("00101", YEAR, "nearPoor"), 6]]) }];
    const report = await runReleaseGate(release(figures, { edges: edges(YEAR), earlier }));
    expect(report.stats.publishedEarlier).toBe(1);
    expect(report.findings.map((f) => [f.target, f.width])).toEqual([[`00102|${YEAR}|nearPoor`, 0]]);
  });

  it("protects the hidden rest of a partition: poor + near-poor when only a few households are neither", async () => {
    const input = release({
      ...households(YEAR, { "001": 200, "00101": 100, "00102": 100 }),
      [`001|${YEAR}|poor`]: 100, [`00101|${YEAR}|poor`]: ["hidden", 50], [`00102|${YEAR}|poor`]: ["hidden", 50],
      [`001|${YEAR}|nearPoor`]: 98, [`00101|${YEAR}|nearPoor`]: ["hidden", 48], [`00102|${YEAR}|nearPoor`]: ["hidden", 50],
    }, { edges: edges(YEAR) });
    const report = await runReleaseGate(input);
    // 00101 has 2 households that are neither poor nor near-poor. No single figure is small, but the district's
    // published totals leave 2 such households in all, so 00101's poor + near-poor lies in [98, 100].
    expect(report.findings.map((f) => [f.target, f.width])).toEqual([[`00101|${YEAR}|poverty:rest`, 2]]);
  });
});
