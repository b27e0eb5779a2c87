/**
 * Portal number formatting on top of the shared core helpers. Why here: headlines say "500 triệu đồng" and
 * "19,6 tỷ đồng" (VND 500 million, VND 19.6 billion), which the exact core formatter does not.
 */
import { formatNumber, formatPercent } from "@minhbach/core/release/format.ts";
import type { Lang } from "@minhbach/core/release/labels.ts";

export type { Lang };
export { formatNumber, formatPercent };

const SCALES: [bigint, string, string][] = [
  [1_000_000_000n, "tỷ", "billion"],
  [1_000_000n, "triệu", "million"],
];

/** 500000000 → "500 triệu đồng" / "VND 500 million"; 19600000000 → "19,6 tỷ đồng" / "VND 19.6 billion". */
export function formatVndShort(value: number | bigint | string, lang: Lang): string {
  const v = BigInt(value);
  const abs = v < 0n ? -v : v;
  for (const [scale, vi, en] of SCALES) {
    if (abs >= scale) {
      const scaled = Number(v * 10n / scale) / 10; // one decimal, truncated toward zero then trimmed
      const text = formatNumber(scaled, lang, Number.isInteger(scaled) ? 0 : 1);
      return lang === "VI" ? `${text} ${vi} đồng` : `VND ${text} ${en}`;
    }
  }
  return lang === "VI" ? `${formatNumber(v, lang)} đồng` : `VND ${formatNumber(v, lang)}`;
}

/** A count (households, loan turns): 1005 → "1.005" / "1,005". */
export function formatCount(value: number, lang: Lang): string {
  return formatNumber(Math.round(value), lang);
}

/** Percentage points with sign: -8.2 → "−8,2 điểm %" / "−8.2 pp". */
export function formatPoints(value: number, lang: Lang): string {
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  const text = formatNumber(Math.abs(value), lang, 1);
  return lang === "VI" ? `${sign}${text} điểm %` : `${sign}${text} pp`;
}

/** ISO date → "1/7/2025" (VI) or "1 Jul 2025" (EN). */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return "";
  const d = new Date(iso);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  if (lang === "VI") return `${day}/${m}/${y}`;
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${day} ${months[m - 1]} ${y}`;
}
