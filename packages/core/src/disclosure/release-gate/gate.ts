/**
 * The release gate: attacks the release as it will be published. Each target's feasible range over the outsider's
 * system (system.ts) must stay at least its required width, min(k, n); a release with any narrower target is not
 * written. Ranges come from HiGHS through the same component solver as the per-table interval attack, with its pool
 * of feasible points, so most targets are settled without a solve of their own.
 */
import { ComponentSolver, type Direction } from "../attacker/component-solver.ts";
import { loadHighs } from "../attacker/highs-loader.ts";
import { relationRows } from "./relations.ts";
import { ReleaseIndex } from "./release-index.ts";
import { buildSystem, type GateSystem } from "./system.ts";
import { gateTargets } from "./targets.ts";
import type { GateTarget, RelationRow, ReleaseFinding, ReleaseGateInput, ReleaseGateReport } from "./types.ts";

/** Below this many objectives in a component, seeding the pool (4 solves) costs more than it saves. */
const SEED_POOL_MIN_OBJECTIVES = 8;

interface SplitTarget {
  target: GateTarget;
  constant: number;
  /** [min, max] contributed by variables that appear in no row (each only bounded by 0 and its unit's size) */
  free: [number, number];
  parts: Map<number, Map<number, number>>;
}

function split(target: GateTarget, system: GateSystem): SplitTarget | undefined {
  const s: SplitTarget = { target, constant: 0, free: [0, 0], parts: new Map() };
  let unknown = 0;
  for (const [key, coef] of target.terms) {
    const known = system.known.get(key);
    if (known !== undefined) {
      s.constant += coef * known;
      continue;
    }
    const v = system.varOf.get(key)!;
    unknown++;
    const component = system.componentOf.get(v);
    if (component === undefined) {
      const reach = coef * system.upper[v]!;
      s.free = [s.free[0] + Math.min(0, reach), s.free[1] + Math.max(0, reach)];
      continue;
    }
    let part = s.parts.get(component);
    if (!part) s.parts.set(component, (part = new Map()));
    part.set(v, (part.get(v) ?? 0) + coef);
  }
  // Every hidden term already published by an earlier release still served: nothing this release can protect.
  return unknown === 0 ? undefined : s;
}

class Solvers {
  lpSolves = 0;
  mipSolves = 0;
  private readonly solvers = new Map<number, ComponentSolver>();
  constructor(
    private readonly highs: Awaited<ReturnType<typeof loadHighs>>,
    private readonly system: GateSystem,
    /** every target's part in each component, to seed the pool of a large component's solver when it is made */
    private readonly objectives: ReadonlyMap<number, Map<number, number>[]>,
  ) {}

  of(component: number): ComponentSolver {
    let solver = this.solvers.get(component);
    if (!solver) {
      this.solvers.set(component, (solver = new ComponentSolver(this.highs, this.system.components[component]!, this.system.truth)));
      const objectives = this.objectives.get(component) ?? [];
      if (objectives.length >= SEED_POOL_MIN_OBJECTIVES) solver.seedPool(objectives);
    }
    return solver;
  }

  /** Frees a component's models. Why: a national release has thousands of components, and HiGHS's wasm heap cannot
   *  hold a model for each at once (a national publish aborted inside HiGHS when every solver lived to the end). */
  release(component: number): void {
    const solver = this.solvers.get(component);
    if (!solver) return;
    this.lpSolves += solver.solves;
    this.mipSolves += solver.mipSolves;
    solver.dispose();
    this.solvers.delete(component);
  }

  /** Σ over the target's parts of their min or max (exact: the components share no variable). */
  extreme(t: SplitTarget, direction: Direction): number {
    let total = t.constant + (direction === "maximize" ? t.free[1] : t.free[0]);
    for (const [component, part] of t.parts) total += this.of(component).optimise(part, direction);
    return total;
  }

  /** [min, max] over the feasible points already known: a proven lower bound on the range. */
  known(t: SplitTarget): [number, number] {
    let [min, max] = [t.constant + t.free[0], t.constant + t.free[1]];
    for (const [component, part] of t.parts) {
      const [lo, hi] = this.of(component).poolSpread(part);
      [min, max] = [min + lo, max + hi];
    }
    return [min, max];
  }

  close(): void {
    for (const component of [...this.solvers.keys()]) this.release(component);
  }
}

function objectivesByComponent(targets: readonly SplitTarget[]): Map<number, Map<number, number>[]> {
  const byComponent = new Map<number, Map<number, number>[]>();
  for (const t of targets) for (const [component, part] of t.parts) (byComponent.get(component) ?? byComponent.set(component, []).get(component)!).push(part);
  return byComponent;
}

/** Targets ordered by the first component they touch, and for each component the position of its last target: a
 *  component's solver is made at its first target and freed after its last, so few live at once. */
function solveOrder(targets: SplitTarget[]): { ordered: SplitTarget[]; lastUse: Map<number, number> } {
  const first = (t: SplitTarget) => Math.min(Infinity, ...t.parts.keys());
  const ordered = [...targets].sort((a, b) => first(a) - first(b));
  const lastUse = new Map<number, number>();
  ordered.forEach((t, i) => {
    for (const component of t.parts.keys()) lastUse.set(component, i);
  });
  return { ordered, lastUse };
}

/** The width of a target's range, or undefined when the known points already prove it wide enough. */
function narrowWidth(solvers: Solvers, t: SplitTarget): number | undefined {
  const required = t.target.requiredWidth;
  const [knownMin, knownMax] = solvers.known(t);
  if (knownMax - knownMin >= required) return undefined;
  const max = solvers.extreme(t, "maximize");
  if (max - knownMin >= required) return undefined;
  const width = max - solvers.extreme(t, "minimize");
  return width < required ? width : undefined;
}

/** What a repair round needs again: the release's index, its relation rows and its targets as just attacked. */
export interface GateState {
  index: ReleaseIndex;
  rows: RelationRow[];
  targets: GateTarget[];
}

export interface GateOptions {
  /**
   * Attack again only what these keys touch, after a repair hid them: the targets naming one, or sharing a component
   * with one, and the targets in `recheck` (the last attack's findings). Why it is exact: a component holding none of
   * the newly hidden figures has the same rows and constants as in the last attack, so its ranges are unchanged.
   */
  changed?: ReadonlySet<string>;
  recheck?: ReadonlySet<string>;
}

/** The targets to attack: all, or (after a repair) those whose system the repair changed, and the last findings. */
function toAttack(splits: SplitTarget[], system: GateSystem, opts: GateOptions): SplitTarget[] {
  const { changed, recheck } = opts;
  if (!changed) return splits;
  const touched = new Set<number>();
  for (const key of changed) {
    const component = system.componentOf.get(system.varOf.get(key) ?? -1);
    if (component !== undefined) touched.add(component);
  }
  return splits.filter((t) => recheck?.has(t.target.id) || t.target.terms.some(([key]) => changed.has(key)) ||
    [...t.parts.keys()].some((c) => touched.has(c)));
}

export async function runReleaseGate(input: ReleaseGateInput): Promise<ReleaseGateReport> {
  return (await attackRelease(input)).report;
}

/** The gate's attack, with the state a repair round reads (repair.ts). */
export async function attackRelease(input: ReleaseGateInput, opts: GateOptions = {}): Promise<{ report: ReleaseGateReport; state: GateState }> {
  const started = performance.now();
  const index = new ReleaseIndex(input.cells);
  const rows = relationRows(index, input);
  const targets = gateTargets(index, input);
  const system = buildSystem(index, input, rows, targets.flatMap((t) => t.terms.map(([key]) => key)));
  const splits = toAttack(targets.map((t) => split(t, system)).filter((t): t is SplitTarget => t !== undefined), system, opts);
  const solvers = new Solvers(await loadHighs(), system, objectivesByComponent(splits));
  const findings: ReleaseFinding[] = [];
  try {
    const { ordered, lastUse } = solveOrder(splits);
    ordered.forEach((t, i) => {
      const width = narrowWidth(solvers, t);
      for (const component of t.parts.keys()) if (lastUse.get(component) === i) solvers.release(component);
      if (width === undefined) return;
      const { id, unit, year, table, requiredWidth } = t.target;
      findings.push({ target: id, unit, year, table, width, requiredWidth });
    });
  } finally {
    solvers.close();
  }
  const report: ReleaseGateReport = {
    ok: findings.length === 0,
    findings,
    stats: {
      cells: input.cells.length, hidden: input.hiddenValues.size, targets: targets.length, attacked: splits.length,
      rows: system.components.reduce((sum, c) => sum + c.equations.length, 0), rowsNotHolding: system.rowsNotHolding,
      publishedEarlier: system.publishedEarlier.size, components: system.components.length,
      lpSolves: solvers.lpSolves, mipSolves: solvers.mipSolves, millis: Math.round(performance.now() - started),
    },
  };
  return { report, state: { index, rows, targets } };
}
