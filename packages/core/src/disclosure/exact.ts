/**
 * Exact integer helpers for the linear algebra of suppression. Disclosure decisions must not depend on floating-point
 * round-off, so every product and sum is checked to stay a safe integer (|x| ≤ 2^53 − 1) and we throw otherwise.
 */

export type SparseVector = Map<number, number>;

export function checkedMul(a: number, b: number): number {
  const product = a * b;
  if (!Number.isSafeInteger(product)) throw new Error(`exact arithmetic overflow: ${a} × ${b} exceeds 2^53`);
  return product;
}

export function checkedAdd(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new Error(`exact arithmetic overflow: ${a} + ${b} exceeds 2^53`);
  return sum;
}

export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Sparse vector of a cell's terms; repeated inner indices are summed and zero coefficients dropped. */
export function vectorFromTerms(terms: ReadonlyArray<readonly [number, number]>): SparseVector {
  const vector: SparseVector = new Map();
  for (const [inner, coef] of terms) {
    if (!Number.isSafeInteger(coef)) throw new Error(`cell coefficient ${coef} is not a safe integer`);
    const next = checkedAdd(vector.get(inner) ?? 0, coef);
    if (next === 0) vector.delete(inner);
    else vector.set(inner, next);
  }
  return vector;
}

/** Divides by the gcd of the entries and makes the first-inserted entry positive, so equal directions compare equal. */
export function normalizeInPlace(vector: SparseVector): void {
  let divisor = 0;
  for (const coef of vector.values()) {
    divisor = gcd(divisor, coef);
    if (divisor === 1) break;
  }
  if (divisor === 0) return;
  const first = vector.values().next().value as number;
  const scale = first < 0 ? -divisor : divisor;
  if (scale === 1) return;
  for (const [key, coef] of vector) vector.set(key, coef / scale);
}

/** Σ coef · innerValues[inner], exactly. */
export function evaluateTerms(terms: ReadonlyArray<readonly [number, number]>, innerValues: readonly number[]): number {
  let total = 0;
  for (const [inner, coef] of terms) {
    const value = innerValues[inner];
    if (value === undefined) throw new Error(`inner cell ${inner} has no value`);
    total = checkedAdd(total, checkedMul(coef, value));
  }
  return total;
}
