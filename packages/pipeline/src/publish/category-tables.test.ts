import { describe, expect, it } from "vitest";
import type { CategoryTableInput } from "@minhbach/core/disclosure/index.ts";
import { splitByProvince } from "./category-tables.js";
import { UnitHierarchy } from "./unit-hierarchy.js";

const since = new Date("2020-01-01T00:00:00Z");
const units = (codes: [string, "PROVINCE" | "COMMUNE" | "VILLAGE"][]) => codes.map(([code, level]) => ({ code, level, validFrom: null, validTo: null }));

function table(groupings: CategoryTableInput["groupings"], villages: string[]): CategoryTableInput {
  return {
    table: "poverty", categories: ["poor", "other"], publishedCategories: ["poor"], k: 5,
    villages: villages.map((village) => ({ village, year: 2023, counts: [3, 20] })),
    groupings,
    differencing: [{ unit: "A1", fromYear: 2023, toYear: 2024, category: "poor" }],
  };
}

describe("protecting provinces separately", () => {
  const hierarchy = new UnitHierarchy(
    units([["P", "PROVINCE"], ["Q", "PROVINCE"], ["R", "PROVINCE"], ["A", "COMMUNE"], ["B", "COMMUNE"], ["A1", "VILLAGE"], ["A2", "VILLAGE"], ["B1", "VILLAGE"]]),
    [{ unitCode: "A", parentCode: "P", validFrom: since, validTo: null }],
  );

  it("splits provinces that share no village, keeping each grouping and differencing pair with its villages", () => {
    const parts = splitByProvince(
      table(
        [
          { unit: "P", year: 2023, villages: ["A1", "A2"] },
          { unit: "A", year: 2023, villages: ["A1", "A2"] },
          { unit: "Q", year: 2023, villages: ["B1"] },
        ],
        ["A1", "A2", "B1"],
      ),
      hierarchy,
    );
    expect(parts).toHaveLength(2);
    const p = parts.find((x) => x.villages.some((v) => v.village === "A1"))!;
    expect(p.groupings.map((g) => g.unit).sort()).toEqual(["A", "P"]);
    expect(p.differencing).toHaveLength(1);
    expect(parts.find((x) => x !== p)!.groupings.map((g) => g.unit)).toEqual(["Q"]);
  });

  it("keeps provinces together when a reform merged them (one new province holds villages of both)", () => {
    const parts = splitByProvince(
      table(
        [
          { unit: "P", year: 2023, villages: ["A1", "A2"] },
          { unit: "Q", year: 2023, villages: ["B1"] },
          { unit: "R", year: 2023, villages: ["A1", "A2", "B1"] },
        ],
        ["A1", "A2", "B1"],
      ),
      hierarchy,
    );
    expect(parts).toHaveLength(1);
    expect(parts[0]!.groupings).toHaveLength(3);
  });
});
