/**
 * The attacker's first move: take every published cell as an equation over the inner cells, solve the equations
 * that have a single unknown left (repeatedly), and split the remaining unknown inner cells into connected
 * components through the remaining equations. Components are small in hierarchical tables (the suppressed cells of a
 * commune and the few totals above them), which is what makes the exact attacks fast.
 */
import { checkedAdd, checkedMul, vectorFromTerms, type SparseVector } from "../exact.ts";
import type { CellStatus, ProtectionCell, ProtectionProblem } from "../types.ts";

export interface ResidualEquation {
  cellId: string;
  /** Coefficients over unknown inner cells only. */
  vector: SparseVector;
  /** Published value minus the contribution of inner cells already known. */
  rhs: number;
  /** An inequality instead of an equation (the release gate's relations): rhs is then unused. Why here: the solver
   *  takes both from one row list, so the per-table and the release-wide attacks share it. */
  range?: { lower: number; upper: number };
}

export interface Component {
  inners: number[];
  equations: ResidualEquation[];
  /** Upper bound of each inner cell, by position in `inners` (default: none; every inner cell is ≥ 0). */
  upper?: number[];
}

export interface Decomposition {
  /** Inner cells whose value follows from the published cells alone (by substitution). */
  known: Map<number, number>;
  components: Component[];
  /** Unknown inner cell → index into `components`; unknown cells absent here appear in no equation (unbounded). */
  componentOf: Map<number, number>;
}

/** What a sensitive cell looks like to the attacker: a constant plus one part per component plus unbounded parts. */
export interface SplitCell {
  constant: number;
  parts: Map<number, SparseVector>;
  touchesUnboundedInner: boolean;
}

export function isPublished(status: ReadonlyMap<string, CellStatus>, cell: ProtectionCell): boolean {
  return status.get(cell.id) === "PUBLISHED";
}

export function decompose(problem: ProtectionProblem, status: ReadonlyMap<string, CellStatus>): Decomposition {
  const equations = problem.cells
    .filter((cell) => isPublished(status, cell))
    .map((cell) => ({ cellId: cell.id, vector: vectorFromTerms(cell.terms), rhs: cell.value }));

  const equationsByInner = new Map<number, number[]>();
  equations.forEach((equation, index) => {
    for (const inner of equation.vector.keys()) {
      const list = equationsByInner.get(inner);
      if (list) list.push(index);
      else equationsByInner.set(inner, [index]);
    }
  });

  const known = new Map<number, number>();
  const queue = equations.map((_, index) => index).filter((index) => equations[index]!.vector.size === 1);
  while (queue.length > 0) {
    const equation = equations[queue.pop()!]!;
    if (equation.vector.size !== 1) continue;
    const [inner, coef] = equation.vector.entries().next().value as [number, number];
    if (equation.rhs % coef !== 0) throw new Error(`published values are inconsistent at ${equation.cellId}`);
    const value = equation.rhs / coef;
    known.set(inner, value);
    for (const index of equationsByInner.get(inner) ?? []) {
      const other = equations[index]!;
      const otherCoef = other.vector.get(inner);
      if (otherCoef === undefined) continue;
      other.vector.delete(inner);
      other.rhs = checkedAdd(other.rhs, -checkedMul(otherCoef, value));
      if (other.vector.size === 1) queue.push(index);
      if (other.vector.size === 0 && other.rhs !== 0) throw new Error(`published values are inconsistent at ${other.cellId}`);
    }
  }

  const residual = equations.filter((equation) => equation.vector.size > 0);
  return { known, ...connectedComponents(residual) };
}

/**
 * Splits unknowns into connected components through the rows that name them (union-find with path compression).
 * Shared by this per-table attack and the release gate (release-gate/system.ts), whose rows may be inequalities.
 */
export function connectedComponents(rows: readonly ResidualEquation[]): Pick<Decomposition, "components" | "componentOf"> {
  const parent = new Map<number, number>();
  const find = (inner: number): number => {
    let root = inner;
    while (parent.get(root) !== root) root = parent.get(root)!;
    while (inner !== root) {
      const next = parent.get(inner)!;
      parent.set(inner, root);
      inner = next;
    }
    return root;
  };
  for (const row of rows) {
    const [first, ...rest] = row.vector.keys();
    if (!parent.has(first!)) parent.set(first!, first!);
    for (const inner of rest) {
      if (!parent.has(inner)) parent.set(inner, inner);
      const [a, b] = [find(first!), find(inner)];
      if (a !== b) parent.set(b, a);
    }
  }
  const componentOf = new Map<number, number>();
  const components: Component[] = [];
  const componentOfRoot = new Map<number, number>();
  for (const inner of parent.keys()) {
    const root = find(inner);
    let index = componentOfRoot.get(root);
    if (index === undefined) {
      index = components.push({ inners: [], equations: [] }) - 1;
      componentOfRoot.set(root, index);
    }
    components[index]!.inners.push(inner);
    componentOf.set(inner, index);
  }
  for (const row of rows) components[componentOf.get(row.vector.keys().next().value as number)!]!.equations.push(row);
  return { components, componentOf };
}


export function splitCell(cell: ProtectionCell, decomposition: Decomposition): SplitCell {
  const split: SplitCell = { constant: 0, parts: new Map(), touchesUnboundedInner: false };
  for (const [inner, coef] of vectorFromTerms(cell.terms)) {
    const value = decomposition.known.get(inner);
    if (value !== undefined) {
      split.constant = checkedAdd(split.constant, checkedMul(coef, value));
      continue;
    }
    const component = decomposition.componentOf.get(inner);
    if (component === undefined) {
      split.touchesUnboundedInner = true;
      continue;
    }
    let part = split.parts.get(component);
    if (!part) split.parts.set(component, (part = new Map()));
    part.set(inner, coef);
  }
  return split;
}
