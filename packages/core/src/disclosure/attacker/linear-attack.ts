/**
 * Linear attack: which sensitive cells are exact linear combinations of the published cells? Deliberately written
 * apart from the suppressor (its own exact arithmetic, one echelon basis per component after substitution) so that a bug in
 * the suppressor's elimination cannot hide itself from the gate.
 */
import { decompose, isPublished, splitCell, type Decomposition } from "./decompose.ts";
import type { CellStatus, Finding, ProtectionProblem } from "../types.ts";

type BigVector = Map<number, bigint>;

function bigAbs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function bigGcd(a: bigint, b: bigint): bigint {
  a = bigAbs(a);
  b = bigAbs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Minimal binary min-heap of row indices (the standard library has none). */
class IndexHeap {
  private readonly items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: number): void {
    const items = this.items;
    items.push(item);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (items[parent]! <= items[i]!) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }
  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      for (let i = 0; ; ) {
        const [left, right] = [2 * i + 1, 2 * i + 2];
        let smallest = i;
        if (left < items.length && items[left]! < items[smallest]!) smallest = left;
        if (right < items.length && items[right]! < items[smallest]!) smallest = right;
        if (smallest === i) break;
        [items[smallest], items[i]] = [items[i]!, items[smallest]!];
        i = smallest;
      }
    }
    return top;
  }
}

/** Thrown by NumberEchelonBasis when a coefficient would leave the safe-integer range. */
class Overflow extends Error {}

function exactMul(a: number, b: number): number {
  const product = a * b;
  if (!Number.isSafeInteger(product)) throw new Overflow();
  return product;
}

function numberGcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** The membership test the attack needs: is a vector in the span of the component's published equations? */
interface SpanTest {
  contains(vector: ReadonlyMap<number, number>): boolean;
}

/**
 * Row-echelon basis (not back-substituted): each row is free of the pivots of the rows added before it, so reducing
 * rows in insertion order clears every pivot. Only rows whose pivot is present are visited, via a heap of indices.
 * Arbitrary-precision: the fallback when NumberEchelonBasis overflows.
 */
class BigEchelonBasis implements SpanTest {
  private readonly rows: Array<{ pivot: number; row: BigVector }> = [];
  private readonly rowOfPivot = new Map<number, number>();

  contains(vector: ReadonlyMap<number, number>): boolean {
    return this.residue(vector).size === 0;
  }

  /** The vector reduced against every row; empty exactly when it lies in the span of the rows. */
  residue(input: ReadonlyMap<number, number | bigint>): BigVector {
    const vector: BigVector = new Map([...input].map(([column, coef]) => [column, BigInt(coef)]));
    const pending = new IndexHeap();
    for (const column of vector.keys()) {
      const index = this.rowOfPivot.get(column);
      if (index !== undefined) pending.push(index);
    }
    while (pending.size > 0) {
      const { pivot, row } = this.rows[pending.pop()]!;
      const factor = vector.get(pivot);
      if (factor === undefined) continue; // a duplicate heap entry, already cleared
      const rowPivot = row.get(pivot)!;
      if (rowPivot !== 1n) for (const [column, coef] of vector) vector.set(column, coef * rowPivot);
      for (const [column, coef] of row) {
        const previous = vector.get(column);
        const value = (previous ?? 0n) - factor * coef;
        if (value === 0n) vector.delete(column);
        else vector.set(column, value);
        if (previous === undefined && value !== 0n) {
          const index = this.rowOfPivot.get(column);
          if (index !== undefined) pending.push(index);
        }
      }
      let divisor = 0n;
      for (const coef of vector.values()) divisor = bigGcd(divisor, coef);
      if (divisor > 1n) for (const [column, coef] of vector) vector.set(column, coef / divisor);
    }
    return vector;
  }

  add(vector: ReadonlyMap<number, number>): void {
    const residue = this.residue(vector);
    if (residue.size === 0) return;
    const pivot = residue.keys().next().value as number;
    this.rowOfPivot.set(pivot, this.rows.length);
    this.rows.push({ pivot, row: residue });
  }
}

/**
 * The same elimination in doubles, every product checked to stay a safe integer (so it is exact), throwing Overflow
 * otherwise. Why: BigInt arithmetic in Maps made this attack the slowest step of the gate on large tables (2 s of a
 * province's flows table), while the coefficients of hierarchical tables stay small.
 */
class NumberEchelonBasis implements SpanTest {
  private readonly rows: Array<{ pivot: number; row: Map<number, number> }> = [];
  private readonly rowOfPivot = new Map<number, number>();

  contains(vector: ReadonlyMap<number, number>): boolean {
    return this.residue(vector).size === 0;
  }

  residue(input: ReadonlyMap<number, number>): Map<number, number> {
    const vector = new Map(input);
    const pending = new IndexHeap();
    for (const column of vector.keys()) {
      const index = this.rowOfPivot.get(column);
      if (index !== undefined) pending.push(index);
    }
    while (pending.size > 0) {
      const { pivot, row } = this.rows[pending.pop()]!;
      const factor = vector.get(pivot);
      if (factor === undefined) continue; // a duplicate heap entry, already cleared
      const rowPivot = row.get(pivot)!;
      if (rowPivot !== 1) for (const [column, coef] of vector) vector.set(column, exactMul(coef, rowPivot));
      for (const [column, coef] of row) {
        const previous = vector.get(column);
        const value = (previous ?? 0) - exactMul(factor, coef);
        if (!Number.isSafeInteger(value)) throw new Overflow();
        if (value === 0) vector.delete(column);
        else vector.set(column, value);
        if (previous === undefined && value !== 0) {
          const index = this.rowOfPivot.get(column);
          if (index !== undefined) pending.push(index);
        }
      }
      let divisor = 0;
      for (const coef of vector.values()) {
        divisor = numberGcd(divisor, coef);
        if (divisor === 1) break;
      }
      if (divisor > 1) for (const [column, coef] of vector) vector.set(column, coef / divisor);
    }
    return vector;
  }

  add(vector: ReadonlyMap<number, number>): void {
    const residue = this.residue(vector);
    if (residue.size === 0) return;
    const pivot = residue.keys().next().value as number;
    this.rowOfPivot.set(pivot, this.rows.length);
    this.rows.push({ pivot, row: residue });
  }
}

/** A component's span test: exact doubles while they suffice, BigInt from the first overflow on. */
class ComponentSpan implements SpanTest {
  private basis: SpanTest;

  constructor(private readonly equations: ReadonlyArray<{ vector: ReadonlyMap<number, number> }>) {
    try {
      this.basis = ComponentSpan.build(new NumberEchelonBasis(), equations);
    } catch (e) {
      if (!(e instanceof Overflow)) throw e;
      this.basis = ComponentSpan.build(new BigEchelonBasis(), equations);
    }
  }

  contains(vector: ReadonlyMap<number, number>): boolean {
    try {
      return this.basis.contains(vector);
    } catch (e) {
      if (!(e instanceof Overflow)) throw e;
      this.basis = ComponentSpan.build(new BigEchelonBasis(), this.equations);
      return this.basis.contains(vector);
    }
  }

  private static build<B extends NumberEchelonBasis | BigEchelonBasis>(basis: B, equations: ReadonlyArray<{ vector: ReadonlyMap<number, number> }>): B {
    for (const equation of equations) basis.add(equation.vector);
    return basis;
  }
}

/**
 * Reports every sensitive cell (suppressed publishable or hidden) whose value follows exactly from the published
 * cells. `decomposition` may be passed to reuse the gate's substitution step; `only` limits the attack to those cells
 * (the gate's `cellsToAttack`).
 */
export function linearAttack(
  problem: ProtectionProblem,
  status: ReadonlyMap<string, CellStatus>,
  decomposition: Decomposition = decompose(problem, status),
  only?: ReadonlySet<string>,
): Finding[] {
  const spans = new Map<number, ComponentSpan>();
  const spanOf = (component: number): ComponentSpan => {
    let span = spans.get(component);
    if (!span) spans.set(component, (span = new ComponentSpan(decomposition.components[component]!.equations)));
    return span;
  };

  const findings: Finding[] = [];
  for (const cell of problem.cells) {
    if (!cell.sensitive || isPublished(status, cell) || (only && !only.has(cell.id))) continue;
    const split = splitCell(cell, decomposition);
    if (split.touchesUnboundedInner) continue;
    let determined = true;
    for (const [component, part] of split.parts) {
      if (!spanOf(component).contains(part)) {
        determined = false;
        break;
      }
    }
    if (determined) {
      findings.push({
        cellId: cell.id,
        kind: "LINEAR",
        value: cell.value,
        detail: `${cell.id} is a linear combination of published cells (value ${cell.value})`,
      });
    }
  }
  return findings;
}
