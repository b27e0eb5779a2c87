import { describe, expect, it } from "vitest";
import { buildChart, sparkPaths } from "./series.js";
import { moneyOutcome } from "./money.js";
import type { Fig, ProjectData, YearStat } from "../data/model.js";

const pub = (value: number): Fig => ({ value, status: "PUBLISHED" });
const hidden: Fig = { value: null, status: "SUPPRESSED" };
const stat = (year: number, rate: Fig, standardId = "ND07-2021"): YearStat => ({
  year, standardId, synthetic: false, coverage: null, sourceIds: [], households: pub(1000), poor: pub(1), nearPoor: pub(1), poorRate: rate, nearPoorRate: pub(5),
  newlyPoor: pub(1), rePoor: pub(1), escapedPoor: pub(1), projectParticipants: pub(1), deprivations: [],
});

describe("trend chart", () => {
  it("breaks the line at a hidden figure and where the poverty standard changes", () => {
    const chart = buildChart([stat(2024, pub(8)), stat(2025, hidden), stat(2026, pub(6)), stat(2027, pub(9), "ND351-2025"), stat(2028, pub(7), "ND351-2025")]);
    const poor = chart.series.find((s) => s.key === "poorRate")!;
    expect(poor.segments.map((s) => s.map((p) => p.year))).toEqual([[2024], [2026], [2027, 2028]]);
    expect(chart.breaks).toEqual([2027]);
    expect(sparkPaths([[2021, 5], [2022, null], [2023, 4], [2024, 3]])).toHaveLength(2);
  });
});

describe("money beside outcomes", () => {
  it("sets spending against the change since the year before the first project, per household only where counts are published", () => {
    const project = (budget: number, households: Fig, start: string): ProjectData => ({ code: start, name: "", programme: null, component: null,
      budgetVnd: budget, disbursedVnd: budget, households, startDate: start, endDate: null, status: null, decisionRef: null, synthetic: false,
      sourceIds: [], funding: [], villages: [], areas: [] });
    const m = moneyOutcome([project(500_000_000, pub(20), "2023-05-01"), project(40_000_000, hidden, "2024-01-01")],
      [stat(2021, pub(17.1)), stat(2022, pub(13.6)), stat(2023, pub(8.9)), stat(2024, pub(6.2))])!;
    expect(m).toMatchObject({ fromYear: 2022, toYear: 2024, budgetVnd: 540_000_000, households: 20, perHouseholdVnd: 25_000_000, change: -7.4 });
  });
});
