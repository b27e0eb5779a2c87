/**
 * A figure in words: formatted value, or why it is not shown. Why one helper: a hidden figure must read differently
 * from zero on every page, widget and table, with the same reason as the API gives (core's suppression notes).
 */
import { notAvailableNote, suppressionNote } from "@minhbach/core/release/labels.ts";
import type { Fig } from "../data/model.js";
import { formatCount, formatPercent, type Lang } from "./format.js";

export interface FigText { text: string; hidden: boolean; note: string | null }

export function figText(fig: Fig | undefined, lang: Lang, kind: "count" | "rate", k?: number | null): FigText {
  if (!fig || fig.status === "NOT_AVAILABLE") return { text: lang === "VI" ? "không có" : "n/a", hidden: true, note: notAvailableNote(lang) };
  if (fig.status === "SUPPRESSED" || fig.value === null) {
    return { text: lang === "VI" ? "ẩn" : "hidden", hidden: true, note: suppressionNote(fig.reason, lang, k ?? undefined) };
  }
  return { text: kind === "rate" ? formatPercent(fig.value, lang) : formatCount(fig.value, lang), hidden: false, note: null };
}

/**
 * Whether a year's figures must carry the "synthetic/illustrative" label: the year or the unit says so, or the release
 * is a demo (synthetic) release and the figures cite no source (a demo's household records are generated).
 */
export function isSyntheticYear(stat: { synthetic: boolean; sourceIds: string[] }, unit: { synthetic: boolean }, release: { synthetic: boolean }): boolean {
  return stat.synthetic || unit.synthetic || (release.synthetic && stat.sourceIds.length === 0);
}
