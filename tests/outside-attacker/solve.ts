/**
 * The outside attacker's solver: for every hidden figure, its smallest and largest value over all non-negative integer
 * solutions of the model (HiGHS, npm `highs`, wasm). The model is split into connected components of variables; each
 * component is written as CPLEX LP text and read by HiGHS once, then re-solved with one objective after another.
 * The LP relaxation is solved first (warm-started primal simplex) and accepted when its optimum is integral;
 * otherwise the MILP is solved with a gap under 1 (objectives are integral, so that is exact). Every integral optimum
 * joins a pool of feasible points; a cell whose pool values already span a safe range needs no solve of its own.
 */
import { createHash } from "node:crypto";
import highsLoader from "highs";
import type { Highs, Model } from "highs";
import type { AttackModel, Constraint, Variable } from "./model.js";

export interface CellRange {
  key: string;
  n: number | undefined;
  /** exact when `exact`, else what the pool of feasible points showed (a range inside the true one) */
  min: number;
  max: number;
  exact: boolean;
  fails: boolean;
  why?: string;
}

export interface AttackResult {
  ranges: CellRange[];
  failing: CellRange[];
  pinned: CellRange[];
  stats: { components: number; largestComponent: number; lpSolves: number; mipSolves: number; cachedComponents: number; skippedByPool: number; ms: number };
}

type Loader = (options?: object) => Promise<Highs>;
const load = ((highsLoader as unknown as { default?: Loader }).default ?? (highsLoader as unknown as Loader)) as Loader;
let highsPromise: Promise<Highs> | undefined;

/** Cache of solved components (LP text and required widths → ranges), shared by every attack in the process. */
const cache = new Map<string, { min: number; max: number; exact: boolean }[]>();

/** The width a hidden count's range must have: min(k, n) (the unit publishes n households, so no range exceeds [0, n]). */
export const requiredWidth = (k: number, n: number | undefined) => Math.min(k, n ?? Infinity);

/** The failure rule: pinned inside [1, k−1], or narrower than min(k, n). */
export function failureOf(k: number, n: number | undefined, min: number, max: number): string | undefined {
  if (min >= 1 && max <= k - 1) return min === max ? `pinned: exactly ${min}` : `inside [1, ${k - 1}]: [${min}, ${max}]`;
  if (max - min < requiredWidth(k, n)) return `narrow: [${min}, ${max}] is narrower than ${requiredWidth(k, n)}`;
  return undefined;
}

class UnionFind {
  parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    while (this.parent[x] !== x) x = this.parent[x] = this.parent[this.parent[x]!]!;
    return x;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(9));
const term = (coef: number, name: string, first: boolean) =>
  `${coef < 0 ? "- " : first ? "" : "+ "}${Math.abs(coef) === 1 ? "" : num(Math.abs(coef)) + " "}${name}`;

/** CPLEX LP text of one component: integer x_i (and a binary per "fewer than N" disjunction). */
function lpText(vars: Variable[], constraints: Constraint[], integer: boolean): string {
  const lines = ["Minimize", ` obj: ${vars.map((v, i) => term(1, `x${v.index}`, i === 0)).join(" ")}`, "Subject To"];
  let row = 0;
  for (const c of constraints) {
    const sense = c.sense === "=" ? "=" : c.sense;
    lines.push(` r${row++}: ${c.vars.map((t, i) => term(t.coef, `x${t.v}`, i === 0)).join(" ")} ${sense} ${num(c.rhs)}`);
  }
  const binaries: string[] = [];
  for (const v of vars) {
    const N = v.primaryBelow;
    // "fewer than N households" in a unit of n: x ∈ [1, N−1] ∪ [n−N+1, n]. One binary b when the two parts are apart:
    // b = 0 → x ≤ N−1; b = 1 → x ≥ n−N+1.
    if (N !== undefined && v.n !== undefined && v.n - N + 1 > N) {
      const b = `b${v.index}`;
      binaries.push(b);
      lines.push(` r${row++}: x${v.index} - ${num(v.n - N)} ${b} >= 1`);
      lines.push(` r${row++}: x${v.index} - ${num(v.n - N + 1)} ${b} <= ${num(N - 1)}`);
    }
  }
  lines.push("Bounds");
  for (const v of vars) {
    lines.push(Number.isFinite(v.upper) ? ` ${num(v.lower)} <= x${v.index} <= ${num(v.upper)}` : ` x${v.index} >= ${num(v.lower)}`);
  }
  for (const b of binaries) lines.push(` 0 <= ${b} <= 1`);
  if (integer) {
    lines.push("General", ` ${vars.map((v) => `x${v.index}`).join(" ")}`);
    if (binaries.length) lines.push(` ${binaries.join(" ")}`);
  }
  lines.push("End");
  return lines.join("\n") + "\n";
}

/** One component: an LP model and (lazily) a MILP model of the same LP text, and the pool of feasible points. */
class ComponentSolver {
  private lp: Model;
  private mip: Model | undefined;
  private readonly cols = new Map<Model, Int32Array>();
  readonly seenMin: number[];
  readonly seenMax: number[];
  lpSolves = 0;
  mipSolves = 0;
  private readonly hasBinaries: boolean;

  constructor(private readonly highs: Highs, private readonly vars: Variable[], private readonly constraints: Constraint[]) {
    this.seenMin = vars.map(() => Infinity);
    this.seenMax = vars.map(() => -Infinity);
    this.hasBinaries = vars.some((v) => v.primaryBelow !== undefined && v.n !== undefined && v.n - v.primaryBelow + 1 > v.primaryBelow);
    this.lp = this.open(false);
  }

  private open(integer: boolean): Model {
    const model = this.highs.createModel({ format: "lp", data: lpText(this.vars, this.constraints, integer) });
    model.options.set(integer
      ? { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.99, time_limit: 60 }
      : { output_flag: false, presolve: "off", simplex_strategy: 4 });
    this.cols.set(model, Int32Array.from(this.vars.map((v) => model.getColByName(`x${v.index}`))));
    return model;
  }

  dispose(): void {
    this.lp.dispose();
    this.mip?.dispose();
  }

  /** Optimises Σ weights[i] · x_i; returns the optimum (±Infinity when unbounded) and records an integral optimum. */
  optimise(weights: Map<number, number>, direction: "minimize" | "maximize"): number {
    // With disjunction binaries the relaxation is rarely integral: go to the MILP at once.
    if (!this.hasBinaries) {
      const relaxed = this.run(this.lp, weights, direction, false);
      if (relaxed.integral) return relaxed.value;
    }
    this.mip ??= this.open(true);
    return this.run(this.mip, weights, direction, true).value;
  }

  private run(model: Model, weights: Map<number, number>, direction: "minimize" | "maximize", integer: boolean) {
    const cols = this.cols.get(model)!;
    const n = model.getDimensions().numCols;
    const costs = new Float64Array(n);
    for (const [i, w] of weights) costs[cols[i]!] = w;
    model.changeColsCost({ kind: "range", from: 0, to: n - 1 }, costs);
    model.changeObjectiveSense(this.highs.constants.objectiveSense[direction]);
    model.run();
    if (integer) this.mipSolves++;
    else this.lpSolves++;
    const status = model.getModelStatus();
    const s = this.highs.constants.modelStatus;
    if (status === s.unbounded || status === s.unboundedOrInfeasible) return { value: direction === "maximize" ? Infinity : -Infinity, integral: true };
    if (status !== s.optimal) {
      if (integer && status === s.timeLimit) {
        // Stopped early: the dual bound is still a valid (wider) bound.
        const bound = Number(model.info.get("mip_dual_bound"));
        return { value: direction === "maximize" ? Math.floor(bound + 1e-6) : Math.ceil(bound - 1e-6), integral: true };
      }
      throw new Error(`outside attacker: HiGHS status ${status} (infeasible model? a relation the release does not satisfy)`);
    }
    const point = model.getSolution().colValue;
    const values = Array.from(cols, (c) => point[c]!);
    const integral = values.every((x) => Math.abs(x - Math.round(x)) < 1e-7);
    if (integral) {
      values.forEach((x, i) => {
        const r = Math.round(x);
        if (r < this.seenMin[i]!) this.seenMin[i] = r;
        if (r > this.seenMax[i]!) this.seenMax[i] = r;
      });
    }
    return { value: Math.round(model.getObjectiveValue() * 1e6) / 1e6, integral };
  }
}

/** Deterministic pseudo-random numbers (the attack must give the same answer every run). */
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Attacks every hidden figure of the model. */
export async function attack(model: AttackModel): Promise<AttackResult> {
  const started = performance.now();
  const highs = await (highsPromise ??= load());
  const { variables, constraints, k } = model;
  const uf = new UnionFind(variables.length);
  for (const c of constraints) for (let i = 1; i < c.vars.length; i++) uf.union(c.vars[0]!.v, c.vars[i]!.v);
  const groups = new Map<number, number[]>();
  for (const v of variables) {
    const r = uf.find(v.index);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(v.index);
  }
  const byComponent = new Map<number, Constraint[]>();
  for (const c of constraints) {
    const r = uf.find(c.vars[0]!.v);
    (byComponent.get(r) ?? byComponent.set(r, []).get(r)!).push(c);
  }

  const ranges: CellRange[] = new Array(variables.length);
  const stats = { components: groups.size, largestComponent: 0, lpSolves: 0, mipSolves: 0, cachedComponents: 0, skippedByPool: 0, ms: 0 };
  for (const [root, members] of groups) {
    stats.largestComponent = Math.max(stats.largestComponent, members.length);
    const vars = members.map((i) => variables[i]!);
    const cons = byComponent.get(root) ?? [];
    const req = vars.map((v) => requiredWidth(k, v.n));
    const cacheKey = createHash("sha256").update(lpText(vars, cons, true)).update(JSON.stringify([k, req])).digest("hex");
    let found = cache.get(cacheKey);
    if (found) stats.cachedComponents++;
    else {
      found = solveComponent(highs, vars, cons, k, stats);
      cache.set(cacheKey, found);
    }
    vars.forEach((v, i) => {
      const { min, max, exact } = found![i]!;
      const why = exact ? failureOf(k, v.n, min, max) : undefined;
      ranges[v.index] = { key: v.key, n: v.n, min, max, exact, fails: why !== undefined, ...(why ? { why } : {}) };
    });
  }
  stats.ms = performance.now() - started;
  const failing = ranges.filter((r) => r.fails).sort((a, b) => a.max - a.min - (b.max - b.min) || (a.key < b.key ? -1 : 1));
  return { ranges, failing, pinned: failing.filter((r) => r.min === r.max), stats };
}

function solveComponent(highs: Highs, vars: Variable[], cons: Constraint[], k: number, stats: AttackResult["stats"]): { min: number; max: number; exact: boolean }[] {
  // A variable in no constraint: its bounds are its range.
  if (cons.length === 0 && vars.length === 1 && !(vars[0]!.primaryBelow !== undefined && vars[0]!.n !== undefined)) {
    const v = vars[0]!;
    return [{ min: v.lower, max: v.upper, exact: true }];
  }
  const solver = new ComponentSolver(highs, vars, cons);
  try {
    const exactMin: (number | undefined)[] = vars.map(() => undefined);
    const exactMax: (number | undefined)[] = vars.map(() => undefined);
    const safe = (i: number) => {
      const lo = exactMin[i] ?? solver.seenMin[i]!;
      const hi = exactMax[i] ?? solver.seenMax[i]!;
      return Number.isFinite(lo) && hi >= lo && hi - lo >= requiredWidth(k, vars[i]!.n) && (lo === 0 || hi >= k);
    };
    // Seed the pool: the lowest and highest totals, then random ±1 objectives over the cells not yet shown wide.
    const all = new Map(vars.map((_, i) => [i, 1]));
    solver.optimise(all, "minimize");
    solver.optimise(all, "maximize");
    const random = mulberry32(vars.length * 7919 + cons.length);
    for (let round = 0; round < 12 && vars.length > 2; round++) {
      const open = vars.map((_, i) => i).filter((i) => !safe(i));
      if (open.length < 3) break;
      const before = open.length;
      solver.optimise(new Map(open.map((i) => [i, random() < 0.5 ? -1 : 1])), "maximize");
      const after = vars.filter((_, i) => !safe(i)).length;
      if (before - after < Math.max(1, before / 50)) break;
    }
    for (let i = 0; i < vars.length; i++) {
      if (safe(i)) {
        stats.skippedByPool++;
        continue;
      }
      exactMax[i] = solver.optimise(new Map([[i, 1]]), "maximize");
      if (safe(i)) continue;
      exactMin[i] = solver.optimise(new Map([[i, 1]]), "minimize");
    }
    stats.lpSolves += solver.lpSolves;
    stats.mipSolves += solver.mipSolves;
    return vars.map((_, i) => {
      const exact = exactMin[i] !== undefined && exactMax[i] !== undefined;
      return { min: exactMin[i] ?? solver.seenMin[i]!, max: exactMax[i] ?? solver.seenMax[i]!, exact };
    });
  } finally {
    solver.dispose();
  }
}
