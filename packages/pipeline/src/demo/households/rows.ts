/**
 * Turns a household's computed class into a review-file row that the classification reproduces: income per person
 * per month against the Decree 07/2021 lines and deprivation flags (poor: income ≤ line and ≥ 3 of the standard's
 * indicators lacking; near-poor: income ≤ line and < 3; otherwise income above the line), plus the review category
 * recorded for the transition. Why here and not in the importer: the demo must produce what a commune would file.
 */
import type { Rng } from "../random.js";
import type { Household, PovertyClass } from "./panel.js";
import type { ReviewCategory } from "@minhbach/core/households/columns.ts";

export interface HouseholdRow {
  householdId: string;
  villageCode: string;
  urban: boolean;
  size: number;
  income: number;
  category: ReviewCategory;
  ethnicMinority: boolean;
  deprivations: number; // bit set over INDICATORS
}

const POOR_K = [0.38, 0.28, 0.17, 0.1, 0.05, 0.02]; // 3..8 indicators lacking
const NEAR_K = [0.3, 0.4, 0.3]; // 0..2
const NOT_K = [0.45, 0.3, 0.15, 0.07, 0.03]; // 0..4

export function deprivationBits(rng: Rng, h: Household, cls: PovertyClass): number {
  const k = cls === "POOR" ? 3 + rng.weighted(POOR_K) : cls === "NEAR_POOR" ? rng.weighted(NEAR_K) : rng.weighted(NOT_K);
  let bits = 0;
  for (const bit of h.order.slice(0, k)) bits |= 1 << bit;
  return bits;
}

/** Income per person per month, rounded to 10,000 VND, on the right side of the line for the class. */
export function incomeFor(rng: Rng, cls: PovertyClass, line: number, year: number, margin: number): number {
  const step = 10_000;
  if (cls !== "NOT_POOR") {
    const low = cls === "POOR" ? 0.45 : 0.7;
    return Math.floor((line * rng.uniform(low, 1)) / step) * step;
  }
  const growth = 1 + 0.06 * (year - 2021);
  const x = line * (1.05 + 1.8 * (1 - Math.exp(-Math.max(0, margin)))) * Math.exp(0.25 * rng.normal()) * growth;
  return Math.max(line + step, Math.min(30_000_000, Math.round(x / step) * step));
}

/**
 * The category the review records, from this review's class and the household's earlier classes.
 * A household's first review (the 2021 baseline, or a new household later) is POOR/NEAR_POOR/NOT_POOR in 2021 and
 * NEWLY_* afterwards. Escaping poverty (to near-poor or above) is ESCAPED_POOR; near-poor to above is ESCAPED_NEAR_POOR.
 */
export function reviewCategory(history: readonly PovertyClass[], cls: PovertyClass, baseline: boolean): ReviewCategory {
  const prev = history[history.length - 1];
  if (prev === undefined) {
    if (cls === "POOR") return baseline ? "POOR" : "NEWLY_POOR";
    if (cls === "NEAR_POOR") return baseline ? "NEAR_POOR" : "NEWLY_NEAR_POOR";
    return "NOT_POOR";
  }
  const before = history.slice(0, -1);
  if (cls === "POOR") return prev === "POOR" ? "POOR" : history.includes("POOR") ? "RE_POOR" : "NEWLY_POOR";
  if (cls === "NEAR_POOR") {
    if (prev === "POOR") return "ESCAPED_POOR";
    if (prev === "NEAR_POOR") return "NEAR_POOR";
    return history.includes("NEAR_POOR") || before.includes("POOR") ? "RE_NEAR_POOR" : "NEWLY_NEAR_POOR";
  }
  if (prev === "POOR") return "ESCAPED_POOR";
  if (prev === "NEAR_POOR") return "ESCAPED_NEAR_POOR";
  return "NOT_POOR";
}

/**
 * Deliberate data-quality problems, so the importer's report has something to show: the recorded category
 * contradicts the computed class (the list was not updated, or a clerical slip). Documented in docs/demo-data.md.
 */
export function inconsistentCategory(cls: PovertyClass, variant: number): ReviewCategory {
  if (cls === "POOR") return variant % 2 === 0 ? "NOT_POOR" : "ESCAPED_POOR";
  if (cls === "NEAR_POOR") return variant % 2 === 0 ? "POOR" : "NOT_POOR";
  return variant % 2 === 0 ? "POOR" : "NEAR_POOR";
}
