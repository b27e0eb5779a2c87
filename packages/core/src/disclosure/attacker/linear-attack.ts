/**
 * Linear attack: which sensitive cells are exact linear combinations of the published cells? Deliberately written
 * apart from the suppressor (BigInt arithmetic, one echelon basis per component after substitution) so that a bug in
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

/**
 * Row-echelon basis (not back-substituted): each row is free of the pivots of the rows added before it, so reducing
 * rows in insertion order clears every pivot. Only rows whose pivot is present are visited, via a heap of indices.
 */
class EchelonBasis {
  private readonly rows: Array<{ pivot: number; row: BigVector }> = [];
  private readonly rowOfPivot = new Map<number, number>();

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
 * Reports every sensitive cell (suppressed publishable or hidden) whose value follows exactly from the published
 * cells. `decomposition` may be passed to reuse the gate's substitution step.
 */
export function linearAttack(
  problem: ProtectionProblem,
  status: ReadonlyMap<string, CellStatus>,
  decomposition: Decomposition = decompose(problem, status),
): Finding[] {
  const bases = new Map<number, EchelonBasis>();
  const basisFor = (component: number): EchelonBasis => {
    let basis = bases.get(component);
    if (!basis) {
      basis = new EchelonBasis();
      for (const equation of decomposition.components[component]!.equations) basis.add(equation.vector);
      bases.set(component, basis);
    }
    return basis;
  };

  const findings: Finding[] = [];
  for (const cell of problem.cells) {
    if (!cell.sensitive || isPublished(status, cell)) continue;
    const split = splitCell(cell, decomposition);
    if (split.touchesUnboundedInner) continue;
    let determined = true;
    for (const [component, part] of split.parts) {
      if (basisFor(component).residue(part).size > 0) {
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
