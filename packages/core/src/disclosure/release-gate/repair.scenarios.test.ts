/**
 * The repair step on small releases built by hand: a release the gate refuses is repaired by hiding published
 * figures around the pinned ones (never a parent's total), the repaired release passes the gate, and a release whose
 * only way out would be hiding a parent's total is still refused.
 */
import { describe, expect, it } from "vitest";
import { scenarioRelease } from "./scenario-release.ts";
import { cellKey, runReleaseGate, runReleaseGateWithRepair, type ReleaseCell, type ReleaseGateInput } from "./index.ts";

const K = 5;
const YEAR = 2022;
const edges = (year: number) => ["00101", "00102"].map((child) => ({ year, child, parent: "001" }));

/** A release from "unit|year|measure" → value (a number: published; ["hidden", truth]: suppressed). */
const release = (figures: Record<string, number | ["hidden", number]>, extra: Partial<ReleaseGateInput> = {}) => scenarioRelease(K, figures, extra);

const households = (year: number, n: Record<string, number>) => Object.fromEntries(Object.entries(n).map(([u, v]) => [`${u}|${year}|households`, v]));
const hiddenKeys = (cells: readonly ReleaseCell[]) => cells.filter((c) => c.status === "SUPPRESSED").map((c) => cellKey(c.unit, c.year, c.measure)).sort();

describe("the release gate repairs a refused release", () => {
  it("hides last year's poor counts that pin the escaped-poor figures, two steps out, and then passes", async () => {
    const input = release({
      ...households(YEAR, { "001": 200, "00101": 100, "00102": 100 }), ...households(YEAR + 1, { "001": 200, "00101": 100, "00102": 100 }),
      [`00101|${YEAR}|poor`]: 5, [`00102|${YEAR}|poor`]: 5, [`001|${YEAR}|poor`]: 10,
      [`001|${YEAR + 1}|escapedPoor`]: 9, [`00101|${YEAR + 1}|escapedPoor`]: ["hidden", 4], [`00102|${YEAR + 1}|escapedPoor`]: ["hidden", 5],
    }, { edges: [...edges(YEAR), ...edges(YEAR + 1)] });
    expect((await runReleaseGate(input)).ok).toBe(false);

    const gated = await runReleaseGateWithRepair(input, { maxRounds: 4 });
    expect(gated.report.ok).toBe(true);
    expect(gated.rounds).toBe(3); // round 1 hides 00101's poor, still pinned through the district's sum; round 2 its sibling's
    expect(gated.repaired.map((r) => r.key).sort()).toEqual([`00101|${YEAR}|poor`, `00102|${YEAR}|poor`]);
    // The district's totals stay published; the hidden figures' true values are kept for the next gate run.
    expect(hiddenKeys(input.cells)).not.toContain(`001|${YEAR}|poor`);
    expect(input.hiddenValues.get(`00101|${YEAR}|poor`)).toBe(5);
    // The repaired release, attacked afresh, passes.
    expect((await runReleaseGate(input)).ok).toBe(true);
  });

  it("hides figures of the same commune in round 1: a deprivation and a flow figure, no other unit's", async () => {
    const input = release({
      ...households(YEAR, { "00101": 50 }),
      [`00101|${YEAR}|poor`]: ["hidden", 4], [`00101|${YEAR}|newlyPoor`]: 2, [`00101|${YEAR}|rePoor`]: 2,
      [`00101|${YEAR}|lacking.A`]: 5, [`00101|${YEAR}|lacking.B`]: 5, [`00101|${YEAR}|lacking.C`]: 5,
    }, { standards: new Map([[YEAR, { indicators: ["A", "B", "C"], minDeprived: 3 }]]) });
    // Σ lacking = 15 ≥ 3 × poor gives poor ≤ 5; newly poor + re-poor = 4 ≤ poor gives poor ≥ 4.
    expect((await runReleaseGate(input)).findings.map((f) => f.width)).toEqual([1]);

    const gated = await runReleaseGateWithRepair(input, { maxRounds: 4 });
    expect(gated.report.ok).toBe(true);
    expect(gated.rounds).toBe(2);
    expect(gated.repaired.map((r) => r.key).sort()).toEqual([`00101|${YEAR}|lacking.A`, `00101|${YEAR}|newlyPoor`]);
  });

  it("is still refused when only the parent's own total could widen the range, and hides nothing", async () => {
    const input = release({
      ...households(YEAR, { "001": 10, "00101": 5, "00102": 5 }),
      [`001|${YEAR}|poor`]: 9, [`00101|${YEAR}|poor`]: ["hidden", 4], [`00102|${YEAR}|poor`]: ["hidden", 5],
    }, { edges: edges(YEAR) });
    const gated = await runReleaseGateWithRepair(input, { maxRounds: 4 });
    expect(gated.report.ok).toBe(false);
    expect(gated.repaired).toEqual([]);
    expect(hiddenKeys(input.cells)).toEqual([`00101|${YEAR}|poor`, `00102|${YEAR}|poor`]);
  });

  it("attacks again only what a repair touched, with the findings a full attack gives", async () => {
    // Two districts that share nothing: 001 is pinned (as in the first scenario); 002's small counts are all hidden, wide.
    const hidden = (v: number): ["hidden", number] => ["hidden", v];
    const wide = { ...households(YEAR, { "002": 200, "00201": 100, "00202": 100 }), [`002|${YEAR}|poor`]: hidden(6),
      [`00201|${YEAR}|poor`]: hidden(3), [`00202|${YEAR}|poor`]: hidden(3) };
    const wideEdges = ["00201", "00202"].map((child) => ({ year: YEAR, child, parent: "002" }));
    const input = release({
      ...households(YEAR, { "001": 200, "00101": 100, "00102": 100 }), ...households(YEAR + 1, { "001": 200, "00101": 100, "00102": 100 }),
      [`00101|${YEAR}|poor`]: 5, [`00102|${YEAR}|poor`]: 5, [`001|${YEAR}|poor`]: 10,
      [`001|${YEAR + 1}|escapedPoor`]: 9, [`00101|${YEAR + 1}|escapedPoor`]: ["hidden", 4], [`00102|${YEAR + 1}|escapedPoor`]: ["hidden", 5],
      ...wide,
    }, { edges: [...edges(YEAR), ...edges(YEAR + 1), ...wideEdges] });
    const first = await runReleaseGate(input);
    expect(first.ok).toBe(false);
    const rounds: [number, number, number][] = [];
    const gated = await runReleaseGateWithRepair(input, { maxRounds: 4, onRound: (...r) => rounds.push(r) });
    expect(gated.report.ok).toBe(true);
    // The last (incremental) attack left out district 002's targets, which no repair touched…
    expect(gated.report.stats.attacked).toBeLessThan(gated.report.stats.targets);
    expect(rounds.map(([round]) => round)).toEqual([1, 2, 3]);
    expect(rounds.at(-1)).toEqual([3, 0, 0]);
    // …and a full attack of the repaired release agrees with it.
    const full = await runReleaseGate(input);
    expect(full.ok).toBe(true);
    expect(full.stats.attacked).toBe(full.stats.targets);
  });
});
