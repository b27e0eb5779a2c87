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

/** Row-echelon basis: rows keyed by pivot column, each row free of the pivots of rows added before it. */
class EchelonBasis {
  private readonly rowsInOrder: Array<{ pivot: number; row: BigVector }> = [];

  /** Reduces against every row in insertion order; the result has no pivot column of any row. */
  residue(input: ReadonlyMap<number, number | bigint>): BigVector {
    let vector: BigVector = new Map([...input].map(([column, coef]) => [column, BigInt(coef)]));
    for (const { pivot, row } of this.rowsInOrder) {
      const factor = vector.get(pivot);
      if (factor === undefined) continue;
      const rowPivot = row.get(pivot)!;
      const next: BigVector = new Map();
      for (const [column, coef] of vector) next.set(column, coef * rowPivot);
      for (const [column, coef] of row) {
        const value = (next.get(column) ?? 0n) - factor * coef;
        if (value === 0n) next.delete(column);
        else next.set(column, value);
      }
      let divisor = 0n;
      for (const coef of next.values()) divisor = bigGcd(divisor, coef);
      if (divisor > 1n) for (const [column, coef] of next) next.set(column, coef / divisor);
      vector = next;
    }
    return vector;
  }

  add(vector: ReadonlyMap<number, number>): void {
    const residue = this.residue(vector);
    if (residue.size === 0) return;
    const pivot = Math.min(...residue.keys());
    this.rowsInOrder.push({ pivot, row: residue });
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
