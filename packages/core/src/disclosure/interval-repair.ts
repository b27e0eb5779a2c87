/**
 * The heuristic that widens narrow intervals (suppression beyond Gaussian elimination). For a sensitive cell s whose
 * feasible range is too narrow, the published cell E containing s with the least "slack" (the part of E's value the
 * attacker cannot attribute) is what binds s; suppressing a published sub-cell of E disjoint from s adds that
 * sub-cell's value to the slack (e.g. a second/third village of the commune). The cheapest such sub-cell is chosen
 * (lowest weight, then largest value, since a zero adds no slack); if E has none, E itself is suppressed and the next
 * level up binds. It is a heuristic — the loop in protect.ts re-attacks until nothing is narrow.
 */
import { cellWeight } from "./gauss-suppression.ts";
import { vectorFromTerms, type SparseVector } from "./exact.ts";
import type { CellStatus, ProtectionCell, ProtectionProblem } from "./types.ts";

interface PublishedCell {
  cell: ProtectionCell;
  vector: SparseVector;
  /** Unattributable part of the value: Σ over inner cells the attacker does not know of coef · true value. */
  slack: number;
}

function isSubset(inner: SparseVector, outer: SparseVector): boolean {
  for (const key of inner.keys()) if (!outer.has(key)) return false;
  return true;
}

function intersects(a: SparseVector, b: ReadonlySet<number> | SparseVector): boolean {
  for (const key of a.keys()) if (b.has(key)) return true;
  return false;
}

/** Lower weight first; among equals, larger values (more slack); a zero-valued cell last. */
function bySuppressionCost(a: ProtectionCell, b: ProtectionCell): number {
  return Number(a.value === 0) - Number(b.value === 0) || cellWeight(a) - cellWeight(b) || b.value - a.value || (a.id < b.id ? -1 : 1);
}

export function chooseExtraSuppressions(
  problem: ProtectionProblem,
  status: ReadonlyMap<string, CellStatus>,
  narrowCellIds: readonly string[],
  knownInner: ReadonlyMap<number, number>,
): Set<string> {
  const published: PublishedCell[] = [];
  const byInner = new Map<number, PublishedCell[]>();
  for (const cell of problem.cells) {
    if (status.get(cell.id) !== "PUBLISHED") continue;
    const vector = vectorFromTerms(cell.terms);
    let slack = 0;
    for (const [inner, coef] of vector) if (!knownInner.has(inner)) slack += coef * problem.innerValues[inner]!;
    const entry = { cell, vector, slack };
    published.push(entry);
    for (const inner of vector.keys()) {
      const list = byInner.get(inner);
      if (list) list.push(entry);
      else byInner.set(inner, [entry]);
    }
  }
  const cellsById = new Map(problem.cells.map((cell) => [cell.id, cell]));
  const canSuppress = (cell: ProtectionCell) => cell.publishable && cell.forced === undefined;

  const picks = new Set<string>();
  for (const id of narrowCellIds) {
    const sensitive = vectorFromTerms(cellsById.get(id)!.terms);
    const binding = new Set<PublishedCell>();
    for (const inner of sensitive.keys()) for (const entry of byInner.get(inner) ?? []) binding.add(entry);
    const ordered = [...binding].sort((a, b) => a.slack - b.slack || a.vector.size - b.vector.size);
    const pick = pickFor(sensitive, ordered, byInner, canSuppress) ?? fallback(ordered, byInner, canSuppress);
    if (pick) picks.add(pick.id);
  }
  return picks;
}

function pickFor(
  sensitive: SparseVector,
  ordered: PublishedCell[],
  byInner: Map<number, PublishedCell[]>,
  canSuppress: (cell: ProtectionCell) => boolean,
): ProtectionCell | undefined {
  for (const binding of ordered) {
    const subCells = new Set<ProtectionCell>();
    for (const inner of binding.vector.keys()) {
      for (const entry of byInner.get(inner) ?? []) {
        if (entry === binding || !canSuppress(entry.cell)) continue;
        if (isSubset(entry.vector, binding.vector) && !intersects(entry.vector, sensitive)) subCells.add(entry.cell);
      }
    }
    const cheapest = [...subCells].sort(bySuppressionCost)[0];
    if (cheapest) return cheapest;
    if (canSuppress(binding.cell)) return binding.cell;
  }
  return undefined;
}

/** Last resort so the loop always progresses: the cheapest suppressible published cell next to a binding cell. */
function fallback(
  ordered: PublishedCell[],
  byInner: Map<number, PublishedCell[]>,
  canSuppress: (cell: ProtectionCell) => boolean,
): ProtectionCell | undefined {
  const near = new Set<ProtectionCell>();
  for (const binding of ordered) {
    for (const inner of binding.vector.keys()) {
      for (const entry of byInner.get(inner) ?? []) if (canSuppress(entry.cell)) near.add(entry.cell);
    }
  }
  return [...near].sort(bySuppressionCost)[0];
}
