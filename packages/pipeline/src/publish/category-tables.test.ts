import { describe, expect, it } from "vitest";
import type { CategoryTableInput } from "@minhbach/core/disclosure/index.ts";
import { protectCategoryTable } from "@minhbach/core/disclosure/protect-table.ts";
import { hierarchicalTable, seededRandom } from "@minhbach/core/disclosure/test-fixtures.ts";
import { splitIntoParts } from "./category-tables.js";
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
    const parts = splitIntoParts(
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
    const parts = splitIntoParts(
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

describe("protecting years separately", () => {
  const input = (seed: number) =>
    hierarchicalTable(seededRandom(seed), { districts: 2, communesPerDistrict: [2, 4], villagesPerCommune: [1, 5], households: [1, 40], years: [2021, 2022, 2023, 2024], reformYear: 2024, differencingPairs: 2 }, 4);
  // The fixture's units: province P, districts D<d>, communes D<d>C<c>, merged communes M<c>, villages D<d>C<c>V<v>.
  const hierarchyOf = (table: CategoryTableInput) => {
    const level = (code: string) => (code === "P" ? "PROVINCE" : code.includes("V") ? "VILLAGE" : code.includes("C") || code.startsWith("M") ? "COMMUNE" : "DISTRICT");
    const codes = new Set([...table.villages.map((v) => v.village), ...table.groupings.map((g) => g.unit)]);
    return new UnitHierarchy([...codes].map((code) => ({ code, level: level(code) as "PROVINCE", validFrom: null, validTo: null })), []);
  };
  const fates = async (parts: CategoryTableInput[]) => {
    const all = new Map<string, string>();
    for (const part of parts) for (const cell of (await protectCategoryTable(part)).cells) all.set(cell.id, `${cell.status} ${cell.reason}`);
    return all;
  };

  it("gives every cell the fate it gets when the whole table is protected at once (8 seeded tables)", async () => {
    for (let seed = 1; seed <= 8; seed++) {
      const whole = input(seed);
      const parts = splitIntoParts(whole, hierarchyOf(whole));
      // Expected: the years, joined where a differencing pair joins them.
      const groups = [2021, 2022, 2023, 2024].map((year) => new Set([year]));
      for (const d of whole.differencing!) {
        const [from, to] = [groups.find((g) => g.has(d.fromYear))!, groups.find((g) => g.has(d.toYear))!];
        if (from !== to) groups.splice(groups.indexOf(to), 1), to.forEach((year) => from.add(year));
      }
      const yearsOf = (years: Iterable<number>) => [...years].sort().join(",");
      expect(parts.map((part) => yearsOf(new Set(part.villages.map((v) => v.year)))).sort(), `seed ${seed}`).toEqual(groups.map(yearsOf).sort());
      expect(await fates(parts), `seed ${seed}`).toEqual(await fates([whole]));
    }
  });
});
