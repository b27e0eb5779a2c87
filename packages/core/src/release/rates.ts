/**
 * Rates computed from published counts. Why computed at read time: the public store keeps only counts, and a rate
 * must never reveal a hidden count — it is shown only when both its count and its denominator are published.
 */
import { type Lang, notAvailableNote, suppressionNote } from "./labels.js";

export type MeasureStatus = "PUBLISHED" | "SUPPRESSED" | "NOT_AVAILABLE";

/** A stored count as it comes out of the public store (PubCell or an inlined value/status/reason triple). */
export interface CellLike {
  value: number | null;
  status: string;
  reason?: string | null;
}

/** What the API and the portal show: value is null unless PUBLISHED; note says why in words. */
export interface MeasureValue {
  value: number | null;
  status: MeasureStatus;
  reason: string | null;
  note: string | null;
}

/** round(100 · count / households) to one decimal, half away from zero. 89 of 1000 → 8.9. */
export function percent(count: number, households: number): number {
  if (households <= 0) throw new RangeError("households must be positive");
  return Math.round((count * 1000) / households) / 10;
}

/** A stored count as a measure: never 0 for a hidden figure; missing cells are NOT_AVAILABLE. */
export function countMeasure(cell: CellLike | undefined, lang: Lang, k?: number): MeasureValue {
  if (!cell || cell.status === "NOT_AVAILABLE") return { value: null, status: "NOT_AVAILABLE", reason: null, note: notAvailableNote(lang) };
  if (cell.status === "SUPPRESSED" || cell.value === null) {
    return { value: null, status: "SUPPRESSED", reason: cell.reason ?? null, note: suppressionNote(cell.reason, lang, k) };
  }
  return { value: cell.value, status: "PUBLISHED", reason: null, note: null };
}

/** A rate from a count and its households, published only when both are published. */
export function rateMeasure(count: CellLike | undefined, households: CellLike | undefined, lang: Lang, k?: number): MeasureValue {
  const c = countMeasure(count, lang, k);
  const h = countMeasure(households, lang, k);
  if (c.status === "SUPPRESSED" || h.status === "SUPPRESSED") {
    const which = c.status === "SUPPRESSED" ? c : h;
    const lead =
      lang === "VI"
        ? c.status === "SUPPRESSED" ? "Không tính tỷ lệ vì số hộ trong nhóm bị ẩn. " : "Không tính tỷ lệ vì tổng số hộ bị ẩn. "
        : c.status === "SUPPRESSED" ? "No rate because the count is hidden. " : "No rate because the number of households is hidden. ";
    return { value: null, status: "SUPPRESSED", reason: which.reason, note: lead + which.note };
  }
  if (c.value === null || h.value === null) return { value: null, status: "NOT_AVAILABLE", reason: null, note: notAvailableNote(lang) };
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
