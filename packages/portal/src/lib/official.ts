/**
 * Officially reported figures (pure): which one a map colours a unit by, and how qualities rank. Why a rule at all:
 * several sources for one unit-year stay side by side on the profile (never averaged), but a map cell has one colour.
 */
import type { IndexEntry, OfficialFigure, OfficialQuality, UnitData } from "../data/model.js";
import { formatNumber, type Lang } from "./format.js";

/** Most trustworthy first: a figure reported by the authority beats a preliminary, secondary or uncertain one. */
export const QUALITY_RANK: Record<OfficialQuality, number> = { REPORTED: 0, PRELIMINARY: 1, SECONDARY: 2, UNCERTAIN: 3 };

/** The figure a map shows: the latest year with a poor rate, then the best quality, then the newest source date. */
export function headlineOfficial(figures: OfficialFigure[]): OfficialFigure | null {
  const withRate = figures.filter((f) => f.poorRate !== null);
  withRate.sort((a, b) => b.year - a.year || QUALITY_RANK[a.quality] - QUALITY_RANK[b.quality]
    || (b.source?.date ?? "").localeCompare(a.source?.date ?? ""));
  return withRate[0] ?? null;
}

/** Figures grouped by year, newest first; sources of one year keep their order (side by side, never merged). */
export function officialByYear(figures: OfficialFigure[]): { year: number; figures: OfficialFigure[] }[] {
  const years = [...new Set(figures.map((f) => f.year))].sort((a, b) => b - a);
  return years.map((year) => ({ year, figures: figures.filter((f) => f.year === year) }));
}

/**
 * Whether a unit's page is the shared template filled by the server: it has nothing a full page draws (no figures of
 * either kind, credit, jobs, projects or boundary) and no villages on its page. ~13,000 communes of the country are.
 */
export function isTemplated(u: Pick<UnitData, "level" | "poverty" | "credit" | "jobs" | "projectCodes" | "officialFigures" | "hasGeometry" | "children">): boolean {
  if (u.level === "VILLAGE" || u.level === "COUNTRY" || u.level === "REGION") return false;
  return u.poverty.length === 0 && u.credit.length === 0 && u.jobs.length === 0 && u.projectCodes.length === 0
    && u.officialFigures.length === 0 && !u.hasGeometry && !u.children.some((c) => c.level === "VILLAGE");
}

/** Index rows of the units a page lists as provinces on a day (ISO date): existing then, by validity dates. */
export function provincesOn(units: IndexEntry[], day: string): IndexEntry[] {
  return units.filter((u) => u.level === "PROVINCE" && (!u.validFrom || u.validFrom.slice(0, 10) <= day) && (!u.validTo || u.validTo.slice(0, 10) >= day));
}

/** An official rate exactly as its source gives it (8.11 → "8,11 %", 26.9 → "26,9 %"): no rounding to the portal's one decimal. */
export function formatOfficialPercent(value: number, lang: Lang): string {
  const digits = Math.min(2, (String(value).split(".")[1] ?? "").length);
  const text = formatNumber(value, lang, digits);
  return lang === "VI" ? `${text} %` : `${text}%`;
}
