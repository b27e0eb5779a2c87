/**
 * A figure in words: formatted value, or why it is not shown. Why one helper: a hidden figure must read differently
 * from zero on every page, widget and table, with the one note the API gives every hidden figure (core's
 * suppressionNote: no per-figure reason, which would bound the hidden count), and a year without enough reports must
 * never read as a complete total.
 */
import { coverageNote, isCompleteCoverage, notAvailableNote, partialLabel, suppressionNote } from "@minhbach/core/release/labels.ts";
import type { Coverage, Fig, RateStatus } from "../data/model.js";
import { formatCount, formatPercent, type Lang } from "./format.js";

export interface FigText { text: string; hidden: boolean; note: string | null }

/** `notAvailable`: the note for a figure that is not there (a partial year's coverage note); default "no data". */
export function figText(fig: Fig | undefined, lang: Lang, kind: "count" | "rate", k?: number | null, notAvailable?: string | null): FigText {
  if (!fig || fig.status === "NOT_AVAILABLE") return { text: lang === "VI" ? "không có" : "n/a", hidden: true, note: notAvailable ?? notAvailableNote(lang) };
  if (fig.status === "SUPPRESSED" || fig.value === null) {
    return { text: lang === "VI" ? "ẩn" : "hidden", hidden: true, note: suppressionNote(lang, k ?? undefined) };
  }
  return { text: kind === "rate" ? formatPercent(fig.value, lang) : formatCount(fig.value, lang), hidden: false, note: null };
}

/**
 * Whether a year's figures carry the "synthetic" label: the unit-year's own flag, nothing else. Why not the unit or
 * the release: a demo release may hold real unit-years, and labelling them synthetic would misstate real figures.
 */
export function isSyntheticYear(stat: { synthetic: boolean }): boolean {
  return stat.synthetic;
}

/** Too few children reported that year: the figures are no total (and must not be shown as one). */
export function isPartialYear(stat: { coverage: Coverage | null }): boolean {
  return !isCompleteCoverage(stat.coverage);
}

/** The NOT_AVAILABLE note of a year: "2/4 thôn đã báo cáo năm 2026: chưa đủ để tính tổng" when partial, else undefined. */
export function yearNote(stat: { year: number; coverage: Coverage | null }, lang: Lang): string | undefined {
  return isPartialYear(stat) ? coverageNote(stat.coverage!, stat.year, stat.coverage!.of, lang) : undefined;
}

/** The label of a partial year's row or column: "chưa đủ số liệu (2/4 thôn)", or null for a complete year. */
export function partialYearLabel(stat: { coverage: Coverage | null }, lang: Lang): string | null {
  return isPartialYear(stat) ? partialLabel(stat.coverage!, stat.coverage!.of, lang) : null;
}

/** The year headline figures show by default: the latest with complete coverage (the latest at all when none is). */
export function headlineStat<T extends { coverage: Coverage | null }>(stats: readonly T[]): T | undefined {
  return stats.findLast((s) => !isPartialYear(s)) ?? stats[stats.length - 1];
}

/** The same choice over compact rate rows ([year, value, status]): the latest that is not a partial year. */
export function headlineRate<R extends [number, number | null, RateStatus]>(rates: readonly R[]): R | undefined {
  return rates.findLast((r) => r[2] !== "C") ?? rates[rates.length - 1];
}
