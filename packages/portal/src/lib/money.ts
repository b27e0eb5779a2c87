/**
 * Money beside outcomes (pure): what was spent in a unit's projects and how its poverty rate changed over the same
 * years. Why careful wording lives with the numbers: this is an association, never an effect.
 */
import type { ProjectData, YearStat } from "../data/model.js";
import { isPartialYear } from "./figures.js";

export interface MoneyOutcome {
  fromYear: number;
  toYear: number;
  budgetVnd: number;
  disbursedVnd: number;
  /** Households in the projects, when every project's count is published. */
  households: number | null;
  perHouseholdVnd: number | null;
  rateFrom: number | null;
  rateTo: number | null;
  change: number | null;
  projects: number;
}

const yearOf = (iso: string | null) => (iso ? new Date(iso).getUTCFullYear() : null);

/**
 * Period: the review year before the first project started (the baseline) to the latest review year with complete
 * coverage (a year too few villages reported in has no rate to set against the money).
 */
export function moneyOutcome(projects: ProjectData[], allYears: YearStat[]): MoneyOutcome | null {
  const poverty = allYears.filter((p) => !isPartialYear({ coverage: p.coverage ?? null }));
  if (projects.length === 0 || poverty.length === 0) return null;
  const starts = projects.map((p) => yearOf(p.startDate)).filter((y): y is number => y !== null);
  const years = poverty.map((p) => p.year);
  const first = starts.length ? Math.min(...starts) : years[0]!;
  const baseline = [...years].reverse().find((y) => y < first) ?? years[0]!;
  const last = years[years.length - 1]!;
  const rateAt = (y: number) => poverty.find((p) => p.year === y)?.poorRate.value ?? null;
  const budget = projects.reduce((s, p) => s + (p.budgetVnd ?? 0), 0);
  const disbursed = projects.reduce((s, p) => s + (p.disbursedVnd ?? 0), 0);
  // Per household only over projects whose household count is published (a hidden count is never guessed).
  const counted = projects.filter((p) => p.households.status === "PUBLISHED" && p.households.value);
  const households = counted.length ? counted.reduce((s, p) => s + p.households.value!, 0) : null;
  const countedMoney = counted.reduce((s, p) => s + (p.disbursedVnd ?? p.budgetVnd ?? 0), 0);
  const rateFrom = rateAt(baseline);
  const rateTo = rateAt(last);
  return {
    fromYear: baseline, toYear: last, budgetVnd: budget, disbursedVnd: disbursed, households,
    perHouseholdVnd: households ? Math.round(countedMoney / households) : null,
    rateFrom, rateTo, change: rateFrom !== null && rateTo !== null ? Math.round((rateTo - rateFrom) * 10) / 10 : null,
    projects: projects.length,
  };
}

/** Per-project spending per participating household (disbursed when known, else budget). */
export function perHousehold(p: ProjectData): number | null {
  const money = p.disbursedVnd ?? p.budgetVnd;
  if (money === null || p.households.status !== "PUBLISHED" || !p.households.value) return null;
  return Math.round(money / p.households.value);
}
