/**
 * Adversarial fixtures: each is disclosive when only primary suppression is applied (the attacker must find it) and
 * safe after `protect` (an independent run of the attacker must find nothing).
 */
import { describe, expect, it } from "vitest";
import { intervalAttack, runGate } from "./attacker/index.ts";
import { protect } from "./protect.ts";
import { buildCategoryProblem, cellId, differenceCellId, type CategoryTableInput } from "./table-builder.ts";
import { primaryOnlyStatus } from "./test-fixtures.ts";
import type { CellStatus, GateReport, ProtectionProblem, ProtectionResult } from "./types.ts";

const POVERTY = { table: "poverty", categories: ["poor", "nearPoor", "other"], publishedCategories: ["poor", "nearPoor"], k: 5 };

const exposedIds = (report: GateReport) => [...report.linearDisclosures, ...report.narrowIntervals].map((finding) => finding.cellId);

async function expectDisclosedThenProtected(problem: ProtectionProblem, victim: string): Promise<ProtectionResult> {
  const naive = await runGate(problem, primaryOnlyStatus(problem));
  expect(exposedIds(naive)).toContain(victim);
  const result = await protect(problem);
  const independent = await runGate(problem, result.status);
  expect(independent.ok, JSON.stringify(exposedIds(independent))).toBe(true);
  return result;
}

const suppressedIds = (result: ProtectionResult) => [...result.status].filter(([, status]) => status === "SUPPRESSED").map(([id]) => id).sort();

describe("commune minus villages", () => {
  const input: CategoryTableInput = {
    ...POVERTY,
    villages: [
      { village: "v1", year: 2023, counts: [2, 10, 30] },
      { village: "v2", year: 2023, counts: [0, 8, 40] },
      { village: "v3", year: 2023, counts: [12, 9, 25] },
      { village: "v4", year: 2023, counts: [20, 5, 35] },
    ],
    groupings: [{ unit: "c1", year: 2023, villages: ["v1", "v2", "v3", "v4"] }],
  };
  const problem = buildCategoryProblem(input);
  const victim = cellId("poverty", "v1", 2023, "poor");

  it("recovers the primary from the commune total unless a second village is suppressed", async () => {
    const result = await expectDisclosedThenProtected(problem, victim);
    expect(result.status.get(victim)).toBe("SUPPRESSED");
    expect(result.status.get(cellId("poverty", "c1", 2023, "poor"))).toBe("PUBLISHED");
    expect(suppressedIds(result).filter((id) => id.endsWith("|poor"))).toHaveLength(2);
  });

  it("does not accept the zero village as the second suppression: [0, 2] is too narrow", async () => {
    const withZeroSibling = primaryOnlyStatus(problem);
    withZeroSibling.set(cellId("poverty", "v2", 2023, "poor"), "SUPPRESSED");
    const attack = await intervalAttack(problem, withZeroSibling, undefined, { exactRanges: true });
    expect(attack.ranges.get(victim)).toEqual([0, 2]);

    const result = await protect(problem);
    const protectedRange = (await intervalAttack(problem, result.status, undefined, { exactRanges: true })).ranges.get(victim)!;
    expect(protectedRange[1] - protectedRange[0]).toBeGreaterThanOrEqual(5);
  });
});

describe("one household moving between two years", () => {
  // Village m gains one poor household in 2023 and nobody else changes: poor(2023) − poor(2022) is that household.
  const input: CategoryTableInput = {
    ...POVERTY,
    villages: [
      { village: "m", year: 2022, counts: [10, 6, 40] },
      { village: "m", year: 2023, counts: [11, 6, 40] },
      { village: "w", year: 2022, counts: [15, 7, 50] },
      { village: "w", year: 2023, counts: [15, 7, 50] },
    ],
    groupings: [2022, 2023].map((year) => ({ unit: "c", year, villages: ["m", "w"] })),
    differencing: [{ unit: "m", fromYear: 2022, toYear: 2023, category: "poor", movers: 1 }],
  };
  const problem = buildCategoryProblem(input);

  it("hides the movers' difference although both yearly counts are large", async () => {
    const result = await expectDisclosedThenProtected(problem, differenceCellId("poverty", "m", 2022, 2023, "poor"));
    const poorOfM = [2022, 2023].map((year) => result.status.get(cellId("poverty", "m", year, "poor")));
    expect(poorOfM).toContain("SUPPRESSED");
  });
});

describe("overlapping projects", () => {
  // Inner cells per village: A only, B only, both, neither. Published: project A, project B, any project, households.
  const villages = [
    [6, 7, 1, 30],
    [9, 5, 8, 40],
  ];
  const innerValues = villages.flat();
  const at = (village: number, pattern: number) => village * 4 + pattern;
  const sumOf = (terms: Array<[number, number]>) => terms.reduce((sum, [inner, coef]) => sum + coef * innerValues[inner]!, 0);
  const cells: ProtectionProblem["cells"] = [];
  const add = (id: string, terms: Array<[number, number]>, extra: Partial<ProtectionProblem["cells"][number]> = {}) =>
    cells.push({ id, terms, value: sumOf(terms), publishable: true, sensitive: false, ...extra });
  const units: Array<[string, number[]]> = [["v0", [0]], ["v1", [1]], ["commune", [0, 1]]];
  for (const [unit, members] of units) {
    const over = (patterns: number[]) => members.flatMap((v) => patterns.map((p): [number, number] => [at(v, p), 1]));
    add(`${unit}|A`, over([0, 2]));
    add(`${unit}|B`, over([1, 2]));
    add(`${unit}|any`, over([0, 1, 2]));
    add(`${unit}|households`, over([0, 1, 2, 3]), { forced: "PUBLISHED" });
    const both = over([2]);
    add(`${unit}|both`, both, { publishable: false, sensitive: sumOf(both) >= 1 && sumOf(both) < 5 });
  }
  const problem: ProtectionProblem = { k: 5, innerValues, cells };

  it("keeps the single household in both projects hidden (both = A + B − any)", async () => {
    const result = await expectDisclosedThenProtected(problem, "v0|both");
    const triple = ["v0|A", "v0|B", "v0|any"].map((id) => result.status.get(id));
    expect(triple).toContain("SUPPRESSED");
  });
});

describe("unit split/merge in a reform year", () => {
  // Old communes X = {v1, v2, v3}, Z = {v4, v5}; new communes Y = {v1, v2}, W = {v3, v4, v5}, all published in 2025.
  const counts: Record<string, number[]> = { v1: [15, 5, 30], v2: [12, 6, 40], v3: [2, 7, 35], v4: [9, 8, 30], v5: [11, 5, 44] };
  const villages = Object.entries(counts).map(([village, c]) => ({ village, year: 2025, counts: c }));
  const oldUnits = [{ unit: "X", year: 2025, villages: ["v1", "v2", "v3"] }, { unit: "Z", year: 2025, villages: ["v4", "v5"] }];
  const newUnits = [{ unit: "Y", year: 2025, villages: ["v1", "v2"] }, { unit: "W", year: 2025, villages: ["v3", "v4", "v5"] }];
  const joint = buildCategoryProblem({ ...POVERTY, villages, groupings: [...oldUnits, ...newUnits] });
  const victim = cellId("poverty", "v3", 2025, "poor");

  it("is disclosive when each hierarchy is protected on its own, and safe when protected jointly", async () => {
    const separately = await Promise.all([oldUnits, newUnits].map((groupings) => protect(buildCategoryProblem({ ...POVERTY, villages, groupings }))));
    const merged = new Map<string, CellStatus>(primaryOnlyStatus(joint));
    for (const result of separately) for (const [id, status] of result.status) if (status === "SUPPRESSED") merged.set(id, status);
    expect(exposedIds(await runGate(joint, merged))).toContain(victim);

    await expectDisclosedThenProtected(joint, victim);
  });
});

describe("0 % and 100 % villages", () => {
  const input: CategoryTableInput = {
    ...POVERTY,
    villages: [
      { village: "none", year: 2024, counts: [0, 6, 30] },
      { village: "all", year: 2024, counts: [12, 0, 0] },
      { village: "mixed", year: 2024, counts: [25, 10, 40] },
      { village: "more", year: 2024, counts: [18, 12, 50] },
    ],
    groupings: [{ unit: "c", year: 2024, villages: ["none", "all", "mixed", "more"] }],
  };
  const problem = buildCategoryProblem(input);

  it("publishes a zero count but protects a village where every household is poor", async () => {
    const everyonePoor = cellId("poverty", "all", 2024, "poor");
    const result = await expectDisclosedThenProtected(problem, everyonePoor);
    expect(result.status.get(cellId("poverty", "none", 2024, "poor"))).toBe("PUBLISHED");
    expect(result.status.get(everyonePoor)).toBe("SUPPRESSED");
    expect(result.reason.get(everyonePoor)).toBe("PRIMARY");
  });
});
