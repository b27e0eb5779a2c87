/**
 * Rates computed from published counts. Why computed at read time: the public store keeps only counts, and a rate
 * must never reveal a hidden count — it is shown only when both its count and its denominator are published.
 */
import { type Lang, notAvailableNote, suppressionNote } from "./labels.js";

export type MeasureStatus = "PUBLISHED" | "SUPPRESSED" | "NOT_AVAILABLE";

/** A stored count as it comes out of the public store (PubCell or an inlined value/status pair). */
export interface CellLike {
  value: number | null;
  status: string;
}

/**
 * What the API and the portal show: value is null unless PUBLISHED; note says why in words. `reason` is always null:
 * per-cell reasons let an attacker bound hidden counts (kept for clients of the old API).
 */
export interface MeasureValue {
  value: number | null;
  status: MeasureStatus;
  reason: null;
  note: string | null;
}

/** How to word figures that are not shown: the release's k, and a note for NOT_AVAILABLE (e.g. incomplete coverage). */
export interface NoteContext {
  k?: number;
  notAvailable?: string;
}

/** round(100 · count / households) to one decimal, half away from zero. 89 of 1000 → 8.9. */
export function percent(count: number, households: number): number {
  if (households <= 0) throw new RangeError("households must be positive");
  return Math.round((count * 1000) / households) / 10;
}

const ctxOf = (k: number | NoteContext | undefined): NoteContext => (typeof k === "object" ? k : { k });

/** A stored count as a measure: never 0 for a hidden figure; missing cells are NOT_AVAILABLE. */
export function countMeasure(cell: CellLike | undefined, lang: Lang, k?: number | NoteContext): MeasureValue {
  const ctx = ctxOf(k);
  if (!cell || cell.status === "NOT_AVAILABLE") return { value: null, status: "NOT_AVAILABLE", reason: null, note: ctx.notAvailable ?? notAvailableNote(lang) };
  if (cell.status === "SUPPRESSED" || cell.value === null) return { value: null, status: "SUPPRESSED", reason: null, note: suppressionNote(lang, ctx.k) };
  return { value: cell.value, status: "PUBLISHED", reason: null, note: null };
}

/**
 * A rate from a count and its households, published only when both are published. A rate hidden because a count is
 * hidden carries the same note as any hidden figure: saying which count is hidden would be a reason again.
 */
export function rateMeasure(count: CellLike | undefined, households: CellLike | undefined, lang: Lang, k?: number | NoteContext): MeasureValue {
  const ctx = ctxOf(k);
  const c = countMeasure(count, lang, ctx);
  const h = countMeasure(households, lang, ctx);
  if (c.status === "SUPPRESSED" || h.status === "SUPPRESSED") return { value: null, status: "SUPPRESSED", reason: null, note: suppressionNote(lang, ctx.k) };
  if (c.value === null || h.value === null) return { value: null, status: "NOT_AVAILABLE", reason: null, note: ctx.notAvailable ?? notAvailableNote(lang) };
  if (h.value === 0) {
    return {
      value: null,
      status: "NOT_AVAILABLE",
      reason: null,
      note: lang === "VI" ? "Không tính tỷ lệ vì đơn vị không có hộ nào." : "No rate because the unit has no households.",
    };
  }
  return { value: percent(c.value, h.value), status: "PUBLISHED", reason: null, note: null };
}
