import { describe, expect, it } from "vitest";
import { intervalAttack } from "./interval-attack.ts";
import { linearAttack } from "./linear-attack.ts";
import { runGate } from "./gate.ts";
import type { CellStatus, ProtectionCell, ProtectionProblem } from "../types.ts";

function problemOf(innerValues: number[], cells: Array<[id: string, terms: Array<[number, number]>, extra?: Partial<ProtectionCell>]>): ProtectionProblem {
  return {
    k: 5,
    innerValues,
    cells: cells.map(([id, terms, extra]) => ({
      id,
      terms,
      value: terms.reduce((sum, [inner, coef]) => sum + coef * innerValues[inner]!, 0),
      publishable: true,
      sensitive: false,
      ...extra,
    })),
  };
}

const statusOf = (entries: Record<string, CellStatus>) => new Map(Object.entries(entries));

describe("linear attack: chains of differences", () => {
  // province = d1 + d2, d1 = c1 + c2: with c2, d2 and the province published, c1 = province − d2 − c2.
  const problem = problemOf([3, 40, 50], [
    ["province", [[0, 1], [1, 1], [2, 1]]],
    ["d1", [[0, 1], [1, 1]]],
    ["c1", [[0, 1]], { sensitive: true }],
    ["c2", [[1, 1]]],
    ["d2", [[2, 1]]],
  ]);

  it("recovers a suppressed cell through two levels", () => {
    const status = statusOf({ province: "PUBLISHED", d1: "SUPPRESSED", c1: "SUPPRESSED", c2: "PUBLISHED", d2: "PUBLISHED" });
    expect(linearAttack(problem, status).map((finding) => [finding.cellId, finding.value])).toEqual([["c1", 3]]);
  });

  it("finds nothing once the chain is broken", () => {
    const status = statusOf({ province: "PUBLISHED", d1: "SUPPRESSED", c1: "SUPPRESSED", c2: "SUPPRESSED", d2: "PUBLISHED" });
    expect(linearAttack(problem, status)).toEqual([]);
  });
});

describe("linear attack: coefficients beyond 2^53", () => {
  // c1 = A·x0 + B·x1 and c2 = C·x0 + D·x1 with AD − BC ≠ 0 determine x0, but eliminating x0 needs products near 2^60:
  // the exact doubles overflow and the component is redone in BigInt, which must still find x0.
  const [A, B, C, D] = [2 ** 30 + 1, 2 ** 29 + 5, 2 ** 29 + 7, 2 ** 30 + 3];
  const problem = problemOf([1, 2, 4], [
    ["c1", [[0, A], [1, B]]],
    ["c2", [[0, C], [1, D]]],
    ["x0", [[0, 1]], { sensitive: true }],
    ["y", [[0, 1], [2, 1]], { sensitive: true }], // x0 + x2: x2 appears in no published cell
  ]);

  it("recovers x0 and not x0 + x2", () => {
    const status = statusOf({ c1: "PUBLISHED", c2: "PUBLISHED", x0: "SUPPRESSED", y: "SUPPRESSED" });
    expect(linearAttack(problem, status).map((finding) => [finding.cellId, finding.value])).toEqual([["x0", 1]]);
  });

  it("finds nothing when the two equations are one (AD = BC)", () => {
    const dependent = problemOf([1, 2], [
      ["c1", [[0, 2 ** 30], [1, 2 ** 29]]],
      ["c2", [[0, 2 ** 31], [1, 2 ** 30]]],
      ["x0", [[0, 1]], { sensitive: true }],
    ]);
    expect(linearAttack(dependent, statusOf({ c1: "PUBLISHED", c2: "PUBLISHED", x0: "SUPPRESSED" }))).toEqual([]);
  });
});

describe("interval attack: non-negativity", () => {
  it("bounds two suppressed villages by their small published sum", async () => {
    const problem = problemOf([2, 0], [["commune", [[0, 1], [1, 1]]], ["v1", [[0, 1]], { sensitive: true }], ["v2", [[1, 1]]]]);
    const status = statusOf({ commune: "PUBLISHED", v1: "SUPPRESSED", v2: "SUPPRESSED" });
    const result = await intervalAttack(problem, status, undefined, { exactRanges: true });
    expect(result.ranges.get("v1")).toEqual([0, 2]);
    expect(result.narrow.map((finding) => finding.cellId)).toEqual(["v1"]);
    expect(linearAttack(problem, status)).toEqual([]); // linear algebra alone would call this safe
  });
});

describe("interval attack: integrality", () => {
  it("solves the MILP when the LP optimum is fractional (2a + b = 3 gives a ≤ 1, not 1.5)", async () => {
    const problem = problemOf([1, 1], [["eq", [[0, 2], [1, 1]]], ["a", [[0, 1]], { sensitive: true, requiredWidth: 2 }]]);
    const result = await intervalAttack(problem, statusOf({ eq: "PUBLISHED", a: "SUPPRESSED" }), undefined, { exactRanges: true });
    expect(result.ranges.get("a")).toEqual([0, 1]);
    expect(result.mipSolves).toBeGreaterThan(0);
    expect(result.narrow).toHaveLength(1);
  });
});

describe("interval attack: unbounded cells", () => {
  it("treats an inner cell in no published equation as unbounded", async () => {
    const problem = problemOf([1, 9], [["v1", [[0, 1]], { sensitive: true }], ["v2", [[1, 1]]]]);
    const result = await intervalAttack(problem, statusOf({ v1: "SUPPRESSED", v2: "PUBLISHED" }));
    expect(result.narrow).toEqual([]);
    expect(result.lpSolves).toBe(0);
  });
});

describe("gate: small published counts", () => {
  it("re-applies the primary rule to published cells the caller forgot to mark", async () => {
    const problem = problemOf([3, 40], [["v1", [[0, 1]], { householdsInUnit: 100 }], ["v2", [[1, 1]], { householdsInUnit: 100 }]]);
    const report = await runGate(problem, statusOf({ v1: "PUBLISHED", v2: "PUBLISHED" }));
    expect(report.ok).toBe(false);
    expect(report.smallPublishedCounts.map((finding) => finding.cellId)).toEqual(["v1"]);
  });
});
