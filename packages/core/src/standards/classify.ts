/**
 * Classifies one household by a standard, using only the standard's data (income lines, indicator mask, rules).
 * A-score: the official proxy-score thresholds are not sourced in this project, so a household without income cannot
 * be classified and the importer requires income (standards.ts `aScoreThreshold` is null for both standards).
 */
import type { HouseholdClass, PovertyStandard } from "./standards.js";

export interface HouseholdFacts {
  urban: boolean;
  /** VND per person per month; null/undefined when the file gave only an A score. */
  incomePerMonth: number | null | undefined;
  aScore?: number | null;
  /** Bit set over the indicator catalogue; bits outside the standard are ignored. */
  deprivations: number;
}

export function countLacking(deprivations: number, standard: PovertyStandard): number {
  let bits = deprivations & standard.indicatorMask;
  let n = 0;
  while (bits) {
    bits &= bits - 1;
    n++;
  }
  return n;
}

/** Whether the household is at or under the line: by income, or by A score when the standard carries thresholds. */
function underLine(h: HouseholdFacts, standard: PovertyStandard): boolean {
  if (h.incomePerMonth !== null && h.incomePerMonth !== undefined) {
    return h.incomePerMonth <= (h.urban ? standard.incomeLine.urban : standard.incomeLine.rural);
  }
  if (h.aScore !== null && h.aScore !== undefined && standard.aScoreThreshold) {
    return h.aScore <= (h.urban ? standard.aScoreThreshold.urban : standard.aScoreThreshold.rural);
  }
  throw new Error(
    `Cannot classify under ${standard.id}: income per person per month is required` +
      (standard.aScoreThreshold ? " (or an A score)" : " (A-score thresholds are not available for this standard)"),
  );
}

export function classifyHousehold(h: HouseholdFacts, standard: PovertyStandard): HouseholdClass {
  if (!underLine(h, standard)) return "NOT_POOR";
  const lacking = countLacking(h.deprivations, standard);
  for (const rule of standard.rules) if (lacking >= rule.minLacking) return rule.class;
  return "NOT_POOR";
}
