import { describe, expect, it } from "vitest";
import { classifyHousehold, countLacking } from "./classify.js";
import { INDICATORS } from "./indicators.js";
import { STANDARDS, standardById, standardForYear, type HouseholdClass } from "./standards.js";

const bits = (...codes: string[]) => codes.reduce((m, c) => m | (1 << INDICATORS.find((i) => i.code === c)!.bit), 0);
const TWO = bits("EMPLOYMENT", "NUTRITION");
const THREE = bits("EMPLOYMENT", "NUTRITION", "LATRINE");

describe("standards: data", () => {
  it.each([
    [2021, "ND07-2021"], [2025, "ND07-2021"], [2026, "ND07-2021"], [2027, "ND351-2025"], [2030, "ND351-2025"],
  ])("review year %i uses %s", (year, id) => expect(standardForYear(year).id).toBe(id));

  it.each([2020, 2031])("throws for year %i, which no standard covers", (year) => {
    expect(() => standardForYear(year)).toThrow(/No poverty standard covers review year/);
  });

  it("Decree 07 has 12 indicators in 6 dimensions; Decree 351 drops INFORMATION_ACCESS and adds two", () => {
    const nd07 = standardById("ND07-2021")!;
    const nd351 = standardById("ND351-2025")!;
    expect(nd07.indicators).toHaveLength(12);
    expect(nd07.dimensions).toHaveLength(6);
    expect(nd07.indicators).toContain("INFORMATION_ACCESS");
    expect(nd351.indicators).not.toContain("INFORMATION_ACCESS");
    expect(nd351.indicators).toEqual(expect.arrayContaining(["DIGITAL_SERVICES", "WASTE_TREATMENT"]));
    expect(nd351.dimensions).toHaveLength(6);
    expect(nd351.dimensions.flatMap((d) => d.indicators).sort()).toEqual([...nd351.indicators].sort());
  });

  it("standards do not overlap in years", () => {
    for (const a of STANDARDS) for (const b of STANDARDS) {
      if (a !== b) expect(a.lastYear < b.firstYear || b.lastYear < a.firstYear).toBe(true);
    }
  });
});

describe("classifyHousehold: edges", () => {
  const cases: [string, number, boolean, number, number, HouseholdClass][] = [
    // standard year, urban, income, deprivations → class
    ["rural, exactly on the line, 3 lacking", 2024, false, 1_500_000, THREE, "POOR"],
    ["rural, exactly on the line, 2 lacking", 2024, false, 1_500_000, TWO, "NEAR_POOR"],
    ["rural, 1 VND above the line", 2024, false, 1_500_001, THREE, "NOT_POOR"],
    ["rural, no deprivation, under the line", 2024, false, 0, 0, "NEAR_POOR"],
    ["urban, on the urban line", 2024, true, 2_000_000, THREE, "POOR"],
    ["urban, 1 VND above the urban line", 2024, true, 2_000_001, TWO, "NOT_POOR"],
    ["urban income above the rural line is still under the urban line", 2024, true, 1_800_000, TWO, "NEAR_POOR"],
    ["rural income between the lines is above the rural line", 2024, false, 1_800_000, THREE, "NOT_POOR"],
    ["ND07 ignores DIGITAL_SERVICES and WASTE_TREATMENT", 2024, false, 1_000_000, TWO | bits("DIGITAL_SERVICES", "WASTE_TREATMENT"), "NEAR_POOR"],
    ["ND07 counts INFORMATION_ACCESS", 2024, false, 1_000_000, TWO | bits("INFORMATION_ACCESS"), "POOR"],
    ["ND351 rural line 2,200,000", 2027, false, 2_200_000, THREE, "POOR"],
    ["ND351 rural, 1 VND above", 2027, false, 2_200_001, THREE, "NOT_POOR"],
    ["ND351 urban line 2,800,000", 2028, true, 2_800_000, TWO, "NEAR_POOR"],
    ["ND351 urban, 1 VND above", 2028, true, 2_800_001, THREE, "NOT_POOR"],
    ["ND351 ignores INFORMATION_ACCESS", 2030, false, 1_000_000, TWO | bits("INFORMATION_ACCESS"), "NEAR_POOR"],
    ["ND351 counts WASTE_TREATMENT", 2030, false, 1_000_000, TWO | bits("WASTE_TREATMENT"), "POOR"],
    ["bits outside the catalogue are ignored", 2024, false, 1_000_000, TWO | (1 << 30), "NEAR_POOR"],
  ];
  it.each(cases)("%s", (_name, year, urban, incomePerMonth, deprivations, expected) => {
    expect(classifyHousehold({ urban, incomePerMonth, deprivations }, standardForYear(year))).toBe(expected);
  });

  it("counts only the standard's indicators", () => {
    const all = INDICATORS.reduce((m, i) => m | (1 << i.bit), 0);
    expect(countLacking(all, standardById("ND07-2021")!)).toBe(12);
    expect(countLacking(all, standardById("ND351-2025")!)).toBe(13);
  });

  it("requires income: A-score thresholds are not sourced", () => {
    expect(() => classifyHousehold({ urban: false, incomePerMonth: null, aScore: 120, deprivations: THREE }, standardForYear(2024))).toThrow(
      /income per person per month is required/,
    );
  });
});
