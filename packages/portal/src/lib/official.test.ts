import { describe, expect, it } from "vitest";
import type { OfficialFigure } from "../data/model.js";
import { formatOfficialPercent, headlineOfficial, isTemplated, officialByYear } from "./official.js";

const fig = (year: number, poorRate: number | null, quality: OfficialFigure["quality"], date: string | null = null): OfficialFigure => ({
  year, poorRate, quality, poorHouseholds: null, nearPoorHouseholds: null, nearPoorRate: null, totalHouseholds: null, qualityNote: null,
  source: { title: "t", publisher: "p", url: null, date },
});

describe("official figures", () => {
  it("colours by the latest year with a rate, then the best quality, never averaging two sources", () => {
    const figures = [fig(2022, 22.5, "SECONDARY"), fig(2023, null, "REPORTED"), fig(2022, 22.9, "REPORTED"), fig(2021, 26.93, "REPORTED")];
    expect(headlineOfficial(figures)).toMatchObject({ year: 2022, poorRate: 22.9, quality: "REPORTED" });
    expect(headlineOfficial([fig(2024, 5, "UNCERTAIN", "2025-01-01"), fig(2024, 6, "UNCERTAIN", "2025-02-01")])?.poorRate).toBe(6);
    expect(headlineOfficial([])).toBeNull();
    expect(headlineOfficial([fig(2024, null, "REPORTED")])).toBeNull();
  });

  it("keeps every source of a year side by side", () => {
    const byYear = officialByYear([fig(2022, 22.5, "SECONDARY"), fig(2021, 26.93, "REPORTED"), fig(2022, 22.9, "REPORTED")]);
    expect(byYear.map((y) => [y.year, y.figures.map((f) => f.poorRate)])).toEqual([[2022, [22.5, 22.9]], [2021, [26.93]]]);
  });

  it("prints an official rate with the decimals its source gives", () => {
    expect(formatOfficialPercent(8.11, "VI")).toBe("8,11 %");
    expect(formatOfficialPercent(26.9, "EN")).toBe("26.9%");
    expect(formatOfficialPercent(4, "VI")).toBe("4 %");
  });

  it("templates only units with nothing of their own to draw", () => {
    const empty: Parameters<typeof isTemplated>[0] = { level: "COMMUNE", poverty: [], credit: [], jobs: [], projectCodes: [], officialFigures: [], hasGeometry: false, children: [] };
    expect(isTemplated({ ...empty })).toBe(true);
    expect(isTemplated({ ...empty, hasGeometry: true })).toBe(false);
    expect(isTemplated({ ...empty, officialFigures: [fig(2021, 1, "REPORTED")] })).toBe(false);
    expect(isTemplated({ ...empty, children: [{ code: "v", name: "v", level: "VILLAGE", type: "THON" }] })).toBe(false);
    expect(isTemplated({ ...empty, level: "COUNTRY" })).toBe(false);
  });
});
