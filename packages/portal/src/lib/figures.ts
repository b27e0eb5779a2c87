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
