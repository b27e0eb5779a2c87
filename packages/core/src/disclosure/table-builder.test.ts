import { describe, expect, it } from "vitest";
import { protect } from "./protect.ts";
import { buildCategoryProblem, cellId, differenceCellId, type CategoryTableInput } from "./table-builder.ts";
import { categoryTableOutcomes } from "./table-result.ts";

const input: CategoryTableInput = {
  table: "poverty",
  categories: ["poor", "nearPoor", "other"],
  publishedCategories: ["poor", "nearPoor"],
  k: 5,
  villages: [
    { village: "big", year: 2024, counts: [20, 10, 40] },
    { village: "tiny", year: 2024, counts: [1, 0, 2] },
    { village: "big", year: 2025, counts: [21, 10, 40] },
    { village: "tiny", year: 2025, counts: [1, 0, 2] },
  ],
  groupings: [2024, 2025].map((year) => ({ unit: "c", year, villages: ["big", "tiny"] })),
  differencing: [{ unit: "big", fromYear: 2024, toYear: 2025, category: "poor" }],
};

describe("table builder: cells and rules", () => {
  const problem = buildCategoryProblem(input);
  const byId = new Map(problem.cells.map((cell) => [cell.id, cell]));

  it("publishes totals always and hides the non-published categories", () => {
    expect(byId.get(cellId("poverty", "c", 2024, "total"))).toMatchObject({ value: 73, forced: "PUBLISHED", sensitive: false });
    expect(byId.get(cellId("poverty", "big", 2024, "other"))).toMatchObject({ publishable: false, sensitive: false });
  });

  it("gives a unit with n < k no breakdown and asks only for an interval as wide as the unit", () => {
    const zero = byId.get(cellId("poverty", "tiny", 2024, "nearPoor"))!;
    expect(zero).toMatchObject({ value: 0, sensitive: true, primaryReason: "SMALL_UNIT", requiredWidth: 3 });
  });

  it("adds the hidden difference cell with coefficients +1 / −1", () => {
    const change = byId.get(differenceCellId("poverty", "big", 2024, 2025, "poor"))!;
    expect(change).toMatchObject({ value: 1, publishable: false, sensitive: true, primaryReason: "DIFFERENCING" });
    expect(change.terms.map(([, coef]) => coef).sort()).toEqual([-1, 1]);
  });

  it("rejects groupings naming villages it has no counts for", () => {
    expect(() => buildCategoryProblem({ ...input, groupings: [{ unit: "x", year: 2024, villages: ["ghost"] }] })).toThrow(/ghost/);
  });
});

describe("table builder: mapping a result back", () => {
  it("reports status, value and reason per unit, year and published category", async () => {
    const outcomes = categoryTableOutcomes(input, await protect(buildCategoryProblem(input)));
    const tinyPoor = outcomes.find((o) => o.unit === "tiny" && o.year === 2024 && o.category === "poor");
    expect(tinyPoor).toEqual({ unit: "tiny", year: 2024, category: "poor", value: null, status: "SUPPRESSED", reason: "SMALL_UNIT" });
    expect(outcomes.find((o) => o.unit === "c" && o.year === 2025 && o.category === "total")).toMatchObject({ value: 74, status: "PUBLISHED" });
    expect(outcomes.some((o) => o.category === "other")).toBe(false);
  });
});
