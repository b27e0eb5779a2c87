/**
 * The compare view's table (pure): two or more units side by side for one review year — poor and near-poor rates,
 * households, deprivation shares — plus money beside outcomes and the poverty rate over the years. Why pure: the
 * client renders it from /data/unit/<code>.json, and a test checks that a hidden figure never reads as a number.
 */
import type { Fig, IndicatorData, UnitData, YearStat } from "../data/model.js";
import type { MoneyOutcome } from "./money.js";
import { figText, isPartialYear, partialYearLabel, yearNote, type FigText } from "./figures.js";
import { formatCount, formatPoints, formatVndShort, type Lang } from "./format.js";
import { t } from "./i18n.js";

/** What the build writes to /data/unit/<code>.json (see build/static-data.ts). */
export type UnitFile = UnitData & { release: string; money: MoneyOutcome | null };

export interface CompareRow { label: string; cells: FigText[] }
export interface CompareGroup { title: string; note?: string; rows: CompareRow[] }

const plain = (text: string): FigText => ({ text, hidden: false, note: null });
const none = (lang: Lang): FigText => ({ text: "–", hidden: false, note: t(lang, "noData") });

/**
 * Years any of the units has, ascending; the default is the latest year every unit has complete (else the latest of
 * any): a year too few villages reported in is no total to compare.
 */
export function compareYears(units: UnitFile[]): { years: number[]; preferred: number | null } {
  const years = [...new Set(units.flatMap((u) => u.poverty.map((p) => p.year)))].sort((a, b) => a - b);
  const common = years.filter((y) => units.every((u) => u.poverty.some((p) => p.year === y && !isPartialYear(p))));
  return { years, preferred: common[common.length - 1] ?? years[years.length - 1] ?? null };
}

function changeSinceFirst(stats: YearStat[], year: number, lang: Lang): FigText {
  const at = stats.find((s) => s.year === year);
  const first = stats.find((s) => s.poorRate.value !== null && s.standardId === at?.standardId);
  if (!at || !first || first.year === year || at.poorRate.value === null || first.poorRate.value === null) return none(lang);
  return plain(`${formatPoints(Math.round((at.poorRate.value - first.poorRate.value) * 10) / 10, lang)} ${t(lang, "since")} ${first.year}`);
}

export function compareTable(units: UnitFile[], year: number, indicators: IndicatorData[], lang: Lang, k?: number | null): CompareGroup[] {
  const stat = (u: UnitFile) => u.poverty.find((p) => p.year === year);
  const fig = (kind: "count" | "rate", pick: (s: YearStat) => Fig) => (u: UnitFile): FigText => {
    const s = stat(u);
    return s ? figText(pick(s), lang, kind, k, yearNote(s, lang)) : figText(undefined, lang, kind, k);
  };
  const row = (label: string, cell: (u: UnitFile) => FigText): CompareRow => ({ label, cells: units.map(cell) });

  const poverty: CompareGroup = {
    title: `${t(lang, "year")} ${year}`,
    rows: [
      row(t(lang, "poorRate"), fig("rate", (s) => s.poorRate)),
      row(t(lang, "nearPoorRate"), fig("rate", (s) => s.nearPoorRate)),
      row(t(lang, "households"), fig("count", (s) => s.households)),
      row(t(lang, "poor"), fig("count", (s) => s.poor)),
      row(t(lang, "nearPoor"), fig("count", (s) => s.nearPoor)),
      row(t(lang, "escapedPoor"), fig("count", (s) => s.escapedPoor)),
      row(t(lang, "newlyPoor"), fig("count", (s) => s.newlyPoor)),
      row(t(lang, "changeOver"), (u) => changeSinceFirst(u.poverty, year, lang)),
      row(t(lang, "standard"), (u) => (stat(u) ? plain(stat(u)!.standardId) : none(lang))),
    ],
  };

  const codes = [...new Set(units.flatMap((u) => stat(u)?.deprivations.map((d) => d.code) ?? []))];
  const standard = units.map(stat).find((s) => s)?.standardId;
  const ind = (code: string) => indicators.find((i) => i.code === code && i.standard === standard) ?? indicators.find((i) => i.code === code);
  codes.sort((a, b) => (ind(a)?.ordinal ?? 99) - (ind(b)?.ordinal ?? 99));
  const deprivations: CompareGroup = {
    title: `${t(lang, "deprivations")} (${year})`, note: t(lang, "deprivationsNote") + ` ${year}`,
    rows: codes.map((code) => row(ind(code) ? (lang === "VI" ? ind(code)!.labelVi : ind(code)!.labelEn) : code,
      fig("rate", (s) => s.deprivations.find((d) => d.code === code)?.share ?? { value: null, status: "NOT_AVAILABLE" }))),
  };

  const money = (pick: (m: MoneyOutcome) => string | null) => (u: UnitFile): FigText => {
    const text = u.money ? pick(u.money) : null;
    return text === null ? none(lang) : plain(text);
  };
  const spending: CompareGroup = {
    title: t(lang, "moneyTitle"), note: t(lang, "moneyCaveat"),
    rows: [
      row(t(lang, "projects"), money((m) => formatCount(m.projects, lang))),
      row(t(lang, "budget"), money((m) => formatVndShort(m.budgetVnd, lang))),
      row(t(lang, "disbursed"), money((m) => formatVndShort(m.disbursedVnd, lang))),
      row(t(lang, "participants"), money((m) => (m.households === null ? null : formatCount(m.households, lang)))),
      row(t(lang, "perHousehold"), money((m) => (m.perHouseholdVnd === null ? null : formatVndShort(m.perHouseholdVnd, lang)))),
      row(t(lang, "changeOver"), money((m) => (m.change === null ? null : `${formatPoints(m.change, lang)} (${m.fromYear}–${m.toYear})`))),
    ],
  };

  const { years } = compareYears(units);
  const trend: CompareGroup = {
    title: `${t(lang, "trend")}: ${t(lang, "poorRate").toLowerCase()}`,
    rows: years.map((y) => row(String(y), (u) => {
      const s = u.poverty.find((p) => p.year === y);
      const partial = s && partialYearLabel(s, lang);
      return partial ? { text: partial, hidden: true, note: yearNote(s, lang) ?? null } : s ? figText(s.poorRate, lang, "rate", k) : none(lang);
    })),
  };
  return [poverty, ...(deprivations.rows.length ? [deprivations] : []), ...(units.some((u) => u.money) ? [spending] : []), trend];
}
