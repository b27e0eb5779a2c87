/**
 * Interval attack: for every sensitive cell, the smallest and largest value it can take over all non-negative integer
 * inner values consistent with the published cells. Each component of unknown inner cells is optimised separately
 * (component-solver.ts); a cell spanning several components adds up the per-component extremes, which is exact
 * because the components share no variable.
 */
import { ComponentSolver, type Direction } from "./component-solver.ts";
import { checkedAdd } from "../exact.ts";
import { loadHighs } from "./highs-loader.ts";
import { decompose, isPublished, splitCell, type Component, type Decomposition } from "./decompose.ts";
import type { CellStatus, Finding, ProtectionProblem } from "../types.ts";

export interface IntervalAttackResult {
  narrow: Finding[];
  /** Feasible range of every sensitive, unpublished cell; an end is ±Infinity when unbounded or not computed. */
  ranges: Map<string, [number, number]>;
  components: number;
  /** Solver runs, LP and MILP. */
  lpSolves: number;
  /** Of which MILP runs (the LP optimum was fractional). */
  mipSolves: number;
}

/** Below this many sensitive parts in a component, seeding the pool (4 solves) costs more than it saves. */
const SEED_POOL_MIN_OBJECTIVES = 8;

export interface IntervalAttackOptions {
  /**
   * Compute both ends for every cell. By default the minimum is skipped when max − true value already reaches the
   * required width (the minimum can only widen the range further), which halves the solver runs.
   */
  exactRanges?: boolean;
  /** Attack only these cells (the gate's `cellsToAttack`); the others get no range. */
  only?: ReadonlySet<string>;
}

export async function intervalAttack(
  problem: ProtectionProblem,
  status: ReadonlyMap<string, CellStatus>,
  decomposition: Decomposition = decompose(problem, status),
  options: IntervalAttackOptions = {},
): Promise<IntervalAttackResult> {
  const highs = await loadHighs();
  const solvers = new Map<number, ComponentSolver>();
  const solverFor = (component: number) => {
    let solver = solvers.get(component);
    if (!solver) {
      solver = new ComponentSolver(highs, decomposition.components[component]!, problem.innerValues);
      solvers.set(component, solver);
    }
    return solver;
  };
  const cache = new Map<string, number>();
  const optimise = (component: number, part: ReadonlyMap<number, number>, direction: Direction) => {
    const key = `${direction}:${component}:${[...part].join(";")}`;
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = solverFor(component).optimise(part, direction)));
    return value;
  };
  const sum = (constant: number, parts: number[]) =>
    parts.reduce((total, part) => (Number.isFinite(total) && Number.isFinite(part) ? checkedAdd(total, part) : total + part), constant);

  const targets = problem.cells
    .filter((cell) => cell.sensitive && !isPublished(status, cell) && (!options.only || options.only.has(cell.id)))
    .map((cell) => ({ cell, split: splitCell(cell, decomposition) }));
  const objectivesByComponent = new Map<number, Array<ReadonlyMap<number, number>>>();
  for (const { split } of targets) {
    if (split.touchesUnboundedInner) continue;
    for (const [component, part] of split.parts) {
      const list = objectivesByComponent.get(component);
      if (list) list.push(part);
      else objectivesByComponent.set(component, [part]);
    }
  }

  const result: IntervalAttackResult = { narrow: [], ranges: new Map(), components: 0, lpSolves: 0, mipSolves: 0 };
  try {
    if (!options.exactRanges) {
      for (const [component, objectives] of objectivesByComponent) {
        if (objectives.length >= SEED_POOL_MIN_OBJECTIVES) solverFor(component).seedPool(objectives);
      }
    }
    for (const { cell, split } of targets) {
      if (split.touchesUnboundedInner) {
        result.ranges.set(cell.id, [-Infinity, Infinity]); // an inner cell in no published equation: no upper bound
        continue;
      }
      const parts = [...split.parts];
      const requiredWidth = cell.requiredWidth ?? problem.k;
      // Feasible points already known prove a range at least this wide; the solver is needed only when they do not.
      const spreads = parts.map(([component, part]) => solverFor(component).poolSpread(part));
      const [knownMin, knownMax] = [sum(split.constant, spreads.map((s) => s[0])), sum(split.constant, spreads.map((s) => s[1]))];
      if (!options.exactRanges && knownMax - knownMin >= requiredWidth) {
        result.ranges.set(cell.id, [-Infinity, Infinity]); // not computed: at least [knownMin, knownMax]
        continue;
      }
      const max = sum(split.constant, parts.map(([component, part]) => optimise(component, part, "maximize")));
      if (!options.exactRanges && max - knownMin >= requiredWidth) {
        result.ranges.set(cell.id, [-Infinity, max]); // minimum not computed: it is ≤ knownMin
        continue;
      }
      const min = sum(split.constant, parts.map(([component, part]) => optimise(component, part, "minimize")));
      result.ranges.set(cell.id, [min, max]);
      if (max - min < requiredWidth) {
        result.narrow.push({
          cellId: cell.id,
          kind: "INTERVAL",
          range: [min, max],
          requiredWidth,
          detail: `${cell.id} (value ${cell.value}) is known to lie in [${min}, ${max}], narrower than ${requiredWidth}`,
        });
      }
    }
  } finally {
    for (const solver of solvers.values()) {
      result.lpSolves += solver.solves;
      result.mipSolves += solver.mipSolves;
      solver.dispose();
    }
    result.components = solvers.size;
  }
  return result;
}
