/**
 * The outside attacker's model and solver on small hand-made harvests whose answers are known: the audit's example
 * (three PRIMARY villages share 12 households → each exactly 4), a PRIMARY figure that is "the rest of the unit"
 * (n − c < k, so it may be large: the model must not call it infeasible), SMALL_UNIT (no lower bound of 1), and a
 * relation family that a published instance contradicts (dropped, not trusted).
 */
import { describe, expect, it } from "vitest";
import { cellKey, type Harvest, type HarvestedCell } from "./harvest.js";
import { buildModel } from "./model.js";
import { attack, failureOf } from "./solve.js";

type Fig = number | "PRIMARY" | "SMALL_UNIT" | "SECONDARY" | "hidden";

/** A one-year harvest: communes and their villages, households and one or two counts per unit. */
function fakeHarvest(units: { code: string; parent?: string; households: number; poor?: Fig; nearPoor?: Fig; poorRate?: Fig }[]): Harvest {
  const h: Harvest = {
    releaseId: "test.1", k: 5, years: [2021], minDeprived: new Map([["ND07-2021", 3]]), standardOf: new Map(), units: new Map(), cells: new Map(),
    stats: { requests: 0, graphqlPages: 0, csvRows: 0, csvAdded: 0, csvConflicts: [], projectsCsvRows: 0, ms: 0, earlierReleases: [], revealedByEarlier: 0, changedAcrossReleases: 0 },
  };
  for (const u of units) {
    h.units.set(u.code, {
      code: u.code, level: u.parent ? "VILLAGE" : "COMMUNE", validFrom: null, validTo: null, parent: u.parent ?? null,
      parentHistory: u.parent ? [{ parentCode: u.parent, validFrom: "2021-01-01", validTo: null }] : [],
    });
    h.standardOf.set(`${u.code}|2021`, "ND07-2021");
    const put = (measure: string, f: Fig) => {
      const hidden = typeof f !== "number";
      const reason = f === "PRIMARY" || f === "SMALL_UNIT" || f === "SECONDARY" ? f : null;
      const cell: HarvestedCell = { code: u.code, year: 2021, measure, value: hidden ? null : f, status: hidden ? "SUPPRESSED" : "PUBLISHED", reason, note: null };
      h.cells.set(cellKey(u.code, 2021, measure), cell);
    };
    put("households", u.households);
    if (u.poor !== undefined) put("poor", u.poor);
    if (u.nearPoor !== undefined) put("nearPoor", u.nearPoor);
    if (u.poorRate !== undefined) put("rate:poor", u.poorRate);
  }
  return h;
}

/** A fully published commune, so that the families are verified on something. */
const published = [
  { code: "Y", households: 100, poor: 20, nearPoor: 30, poorRate: 20 },
  { code: "Y-01", parent: "Y", households: 60, poor: 12, nearPoor: 18 },
  { code: "Y-02", parent: "Y", households: 40, poor: 8, nearPoor: 12 },
];

const rangeOf = async (h: Harvest, key: string, useReasons = true) => {
  const result = await attack(buildModel(h, { useReasons }));
  return result.ranges.find((r) => r.key === key)!;
};

describe("the outside attacker's model", () => {
  const audit = fakeHarvest([
    ...published,
    { code: "X", households: 360, nearPoor: 47 },
    ...[5, 6, 7, 5, 6, 6].map((v, i) => ({ code: `X-0${i + 1}`, parent: "X", households: 40, nearPoor: v })),
    ...[7, 8, 9].map((i) => ({ code: `X-0${i}`, parent: "X", households: 40, nearPoor: "PRIMARY" as Fig })),
  ]);

  it("pins the audit's example: 12 households in three PRIMARY villages of at most 4 each", async () => {
    for (const v of ["X-07", "X-08", "X-09"]) {
      const r = await rangeOf(audit, cellKey(v, 2021, "nearPoor"));
      expect([r.min, r.max, r.exact, r.fails]).toEqual([4, 4, true, true]);
    }
  });

  it("without the reasons the same figures are in [0, 12]: wide enough", async () => {
    const r = await rangeOf(audit, cellKey("X-07", 2021, "nearPoor"), false);
    expect(r.fails).toBe(false);
    const result = await attack(buildModel(audit, { useReasons: false }));
    const exact = result.ranges.filter((x) => x.exact);
    for (const x of exact) expect(x.max).toBeLessThanOrEqual(12);
  });

  it("keeps the other side of PRIMARY: a count whose REST has fewer than k households", async () => {
    // Z-02 has 20 households, 20 of them poor (n − c = 0 < k): PRIMARY, and the only value consistent with Z's total.
    const h = fakeHarvest([...published, { code: "Z", households: 60, poor: 30 }, { code: "Z-01", parent: "Z", households: 40, poor: 10 },
      { code: "Z-02", parent: "Z", households: 20, poor: "PRIMARY" }]);
    const r = await rangeOf(h, cellKey("Z-02", 2021, "poor"));
    expect([r.min, r.max]).toEqual([20, 20]);
  });

  it("reads SMALL_UNIT as no lower bound (zeros of a small unit are hidden too)", async () => {
    const h = fakeHarvest([...published, { code: "W", households: 53, poor: 7 }, { code: "W-01", parent: "W", households: 40, poor: 5 },
      { code: "W-02", parent: "W", households: 3, poor: "SMALL_UNIT" }, { code: "W-03", parent: "W", households: 10, poor: "SECONDARY" }]);
    const r = await rangeOf(h, cellKey("W-02", 2021, "poor"));
    expect([r.min, r.max]).toEqual([0, 2]);
  });

  it("reads a hidden count off a published rate", async () => {
    // 3 of 40 households is 7.5 %: the only count with that rate.
    const h = fakeHarvest([...published, { code: "R", households: 40, poor: "hidden", poorRate: 7.5 }]);
    const r = await rangeOf(h, cellKey("R", 2021, "poor"));
    expect([r.min, r.max, r.fails]).toEqual([3, 3, true]);
    // and without a published rate the same count is anywhere in [0, 40]
    const wide = await rangeOf(fakeHarvest([...published, { code: "R", households: 40, poor: "hidden", poorRate: "hidden" }]), cellKey("R", 2021, "poor"));
    expect(wide.fails).toBe(false);
  });

  it("drops a relation family that a fully published instance contradicts", () => {
    // Commune V publishes more poor and near-poor households than it has: (b) does not hold in this release.
    const h = fakeHarvest([...published, { code: "V", households: 10, poor: 6, nearPoor: 6 }]);
    const family = buildModel(h).families.find((f) => f.family.startsWith("(b)"))!;
    expect(family.used).toBe(false);
    expect(family.why).toMatch(/violate/);
  });

  it("fails a cell pinned inside [1, k−1] or narrower than min(k, n)", () => {
    expect(failureOf(5, 100, 1, 4)).toMatch(/inside/);
    expect(failureOf(5, 100, 3, 3)).toMatch(/pinned/);
    expect(failureOf(5, 100, 0, 4)).toMatch(/narrow/);
    expect(failureOf(5, 100, 0, 5)).toBeUndefined();
    expect(failureOf(5, 3, 0, 3)).toBeUndefined();
    expect(failureOf(5, 3, 0, 2)).toMatch(/narrow/);
  });
});
