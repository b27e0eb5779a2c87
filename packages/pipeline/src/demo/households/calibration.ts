/**
 * Which households are poor / near-poor at each review, so that the published figures the demo claims to match come
 * out exactly: Bắc Kạn 2021 (26.93 % poor, 9.74 % near-poor, Sở KH&ĐT 02/03/2022) and Lục Bình 2022 (13.6 %) and 2023
 * (8.9 %, Báo Bắc Kạn). Why ranking: within a calibration domain the poorest-scoring households take the class, so
 * remote and ethnic-minority households stay poorer while the totals hit the targets to the stated decimals.
 */
import { LUC_BINH } from "../units.js";
import type { Household, PovertyClass } from "./panel.js";

/** Targets in percent with the number of decimals they must match. */
export interface RateTarget { poor: number; nearPoor: number; decimals: number }

/** The real figures the demo reproduces (see docs/demo-data.md for sources). */
export const REAL_TARGETS = {
  province2021: { poor: 26.93, nearPoor: 9.74, decimals: 2 },
  lucBinh: { 2022: 13.6, 2023: 8.9 } as Record<number, number>,
} as const;

/** Synthetic trajectory for the rest of the province after 2021 (percent poor / near-poor). */
const PROVINCE_TREND: Record<number, RateTarget> = {
  2022: { poor: 22.4, nearPoor: 10.6, decimals: 1 },
  2023: { poor: 17.6, nearPoor: 11.0, decimals: 1 },
  2024: { poor: 13.2, nearPoor: 10.7, decimals: 1 },
  2025: { poor: 9.6, nearPoor: 9.9, decimals: 1 },
};
/** Lục Bình: 2022 and 2023 poor rates are real; the rest is synthetic. */
const LUC_BINH_TREND: Record<number, RateTarget> = {
  2022: { poor: REAL_TARGETS.lucBinh[2022]!, nearPoor: 9.8, decimals: 1 },
  2023: { poor: REAL_TARGETS.lucBinh[2023]!, nearPoor: 9.5, decimals: 1 },
  2024: { poor: 6.4, nearPoor: 8.1, decimals: 1 },
  2025: { poor: 4.6, nearPoor: 7.0, decimals: 1 },
};

/** round(100·count/n, decimals), the way published rates are rounded. */
export function ratePercent(count: number, n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((100 * count * f) / n) / f;
}

/** The count k whose rate rounds exactly to `target`; throws if none exists (domain too small for the precision). */
export function countForRate(target: number, n: number, decimals: number): number {
  const guess = Math.round((target * n) / 100);
  for (let d = 0; d <= 3; d++) {
    for (const k of [guess - d, guess + d]) if (k >= 0 && k <= n && ratePercent(k, n, decimals) === target) return k;
  }
  throw new Error(`No household count gives ${target} % of ${n} to ${decimals} decimals`);
}

/** Assigns this year's computed class to every household; `score` is lower for poorer households. */
export function assignClasses(households: readonly Household[], year: number, score: (h: Household) => number): Map<Household, PovertyClass> {
  const domains: { members: Household[]; target: RateTarget }[] = [];
  if (year === 2021) {
    domains.push({ members: [...households], target: REAL_TARGETS.province2021 });
  } else {
    const lb = households.filter((h) => h.commune.gsoCode === LUC_BINH);
    const rest = households.filter((h) => h.commune.gsoCode !== LUC_BINH);
    domains.push({ members: lb, target: LUC_BINH_TREND[year]! }, { members: rest, target: PROVINCE_TREND[year]! });
  }
  const out = new Map<Household, PovertyClass>();
  for (const { members, target } of domains) {
    const n = members.length;
    const poor = countForRate(target.poor, n, target.decimals);
    const near = countForRate(target.nearPoor, n, target.decimals);
    const scored = members.map((h) => ({ h, s: score(h) })).sort((a, b) => a.s - b.s || (a.h.id < b.h.id ? -1 : 1));
    scored.forEach(({ h }, i) => out.set(h, i < poor ? "POOR" : i < poor + near ? "NEAR_POOR" : "NOT_POOR"));
  }
  return out;
}
