/** The primary suppression rule, shared by the table builder (which marks cells) and the gate (which re-checks). */

/** Smallest threshold the product accepts: below 3 a published pair of cells can already identify a household. */
export const MIN_K = 3;
export const DEFAULT_K = 5;

export function assertValidK(k: number): void {
  if (!Number.isInteger(k) || k < MIN_K) throw new Error(`disclosure threshold k must be an integer ≥ ${MIN_K}, got ${k}`);
}

/**
 * A count c of households in a unit of `total` households is primary-sensitive when 1 ≤ c < k (few households are
 * identifiable) or when c ≥ 1 and total − c < k (the few households NOT in the count are identifiable, e.g. a 100 %
 * village). c = 0 is never sensitive on its own.
 */
export function isPrimarySensitive(count: number, total: number, k: number): boolean {
  assertValidK(k);
  if (count < 1) return false;
  return count < k || total - count < k;
}
