/**
 * Vietnamese and English number formatting. Why our own: Vietnamese writes 19.600.000.000 đồng and 8,9 %, and the
 * portal, the CSV export and the API notes must agree with each other whatever the runtime's ICU data.
 */
import type { Lang } from "./labels.js";

function group(intDigits: string, sep: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** 19600000000 → "19.600.000.000" (VI) or "19,600,000,000" (EN); decimals fixed when given. */
export function formatNumber(value: number | bigint, lang: Lang, decimals?: number): string {
  const [thousands, point] = lang === "VI" ? [".", ","] : [",", "."];
  if (typeof value === "bigint") {
    const neg = value < 0n;
    return (neg ? "-" : "") + group((neg ? -value : value).toString(), thousands);
  }
  const text = decimals === undefined ? String(Math.abs(value)) : Math.abs(value).toFixed(decimals);
  const [int, frac] = text.split(".");
  return (value < 0 ? "-" : "") + group(int!, thousands) + (frac ? point + frac : "");
}

/** 8.9 → "8,9 %" (VI) or "8.9%" (EN). */
export function formatPercent(value: number, lang: Lang): string {
  return lang === "VI" ? `${formatNumber(value, lang, 1)} %` : `${formatNumber(value, lang, 1)}%`;
}

/** 500000000 → "500.000.000 đồng" (VI) or "VND 500,000,000" (EN). */
export function formatVnd(value: number | bigint, lang: Lang): string {
  return lang === "VI" ? `${formatNumber(value, lang)} đồng` : `VND ${formatNumber(value, lang)}`;
}
