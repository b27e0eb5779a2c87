/**
 * Integer optimisation over one component of unknown inner cells (HiGHS via the `highs` wasm package): x ≥ 0
 * integer, one equality per published equation. The LP relaxation is solved first; when its optimum is an integer
 * point (always for a one-category hierarchy, whose matrix is totally unimodular; in practice almost always) it IS the integer optimum, so the MILP is
 * solved only when the LP optimum is fractional.
 *
 * It also keeps a pool of integer feasible points (the true values and every integral optimum found): the spread of
 * an objective over the pool is a proven lower bound on its feasible range, which settles most cells with no solve.
 */
import type { Highs, Model } from "highs";
import type { Component } from "./decompose.ts";

const INTEGRALITY_TOLERANCE = 1e-6;
const POOL_LIMIT = 64;

export type Direction = "minimize" | "maximize";

export class ComponentSolver {
  solves = 0;
  mipSolves = 0;
  private lp: Model | undefined;
  private mip: Model | undefined;
  private readonly local = new Map<number, number>();
  private readonly pool: Float64Array[] = [];
  /** Columns with a non-zero cost in each model (see setCosts). */
  private readonly costed = new Map<Model, number[]>();

  constructor(private readonly highs: Highs, private readonly component: Component, innerValues: readonly number[]) {
    component.inners.forEach((inner, index) => this.local.set(inner, index));
    this.pool.push(Float64Array.from(component.inners, (inner) => innerValues[inner]!));
  }

  /** [min, max] of the objective over the pool of known feasible integer points. */
  poolSpread(objective: ReadonlyMap<number, number>): [number, number] {
    let [min, max] = [Infinity, -Infinity];
    for (const point of this.pool) {
      let value = 0;
      for (const [inner, coef] of objective) value += coef * point[this.local.get(inner)!]!;
      [min, max] = [Math.min(min, value), Math.max(max, value)];
    }
    return [min, max];
  }

  /**
   * Adds diverse integer feasible points to the pool: optima of aggregate objectives push many cells to an extreme at
   * once (maximise/minimise the sum of all objectives, and of alternating-sign halves). Worth it only for components
   * with many objectives; the caller decides.
   */
  seedPool(objectives: ReadonlyArray<ReadonlyMap<number, number>>): void {
    const aggregate = (sign: (index: number) => number) => {
      const total = new Map<number, number>();
      objectives.forEach((objective, index) => {
        for (const [inner, coef] of objective) total.set(inner, (total.get(inner) ?? 0) + sign(index) * coef);
      });
      return total;
    };
    for (const objective of [aggregate(() => 1), aggregate((index) => (index % 2 === 0 ? 1 : -1))]) {
      this.optimise(objective, "maximize");
      this.optimise(objective, "minimize");
    }
  }

  /** min or max of Σ coef·x over the component's feasible integer points (±Infinity when unbounded). */
  optimise(objective: ReadonlyMap<number, number>, direction: Direction): number {
    const relaxed = this.solve((this.lp ??= this.build(false)), objective, direction);
    if (relaxed.integral || !Number.isFinite(relaxed.value)) return relaxed.value;
    this.mipSolves += 1;
    return this.solve((this.mip ??= this.build(true)), objective, direction).value;
  }

  dispose(): void {
    this.lp?.dispose();
    this.mip?.dispose();
  }

  private solve(model: Model, objective: ReadonlyMap<number, number>, direction: Direction) {
    this.setCosts(model, objective);
    model.changeObjectiveSense(this.highs.constants.objectiveSense[direction]);
    model.run();
    this.solves += 1;
    const status = model.getModelStatus();
    const statuses = this.highs.constants.modelStatus;
    // The true inner values satisfy the system, so "unbounded or infeasible" can only mean unbounded.
    if (status === statuses.unbounded || status === statuses.unboundedOrInfeasible) {
      return { value: direction === "maximize" ? Infinity : -Infinity, integral: true };
    }
    if (status !== statuses.optimal) throw new Error(`interval attack: solver status ${status} on a published system`);
    const point = model.getSolution().colValue;
    const integral = point.every((x) => Math.abs(x - Math.round(x)) < INTEGRALITY_TOLERANCE);
    if (integral) this.remember(point.map(Math.round));
    return { value: Math.round(model.getObjectiveValue()), integral };
  }

  /**
   * Sets the objective by changing only the columns of the previous and the new objective. Why: an objective covers
   * a few of a component's thousands of columns, and rewriting every cost per solve cost as much as the solve itself.
   */
  private setCosts(model: Model, objective: ReadonlyMap<number, number>): void {
    const costs = new Map<number, number>();
    for (const column of this.costed.get(model) ?? []) costs.set(column, 0);
    for (const [inner, coef] of objective) costs.set(this.local.get(inner)!, coef);
    const indices = [...costs.keys()].sort((a, b) => a - b);
    if (indices.length) model.changeColsCost({ kind: "set", indices }, indices.map((column) => costs.get(column)!));
    this.costed.set(model, indices.filter((column) => costs.get(column) !== 0));
  }

  private remember(point: Float64Array): void {
    if (this.pool.length >= POOL_LIMIT) this.pool.splice(1, 1); // keep the true point, drop the oldest optimum
    this.pool.push(point);
  }

  private build(integer: boolean): Model {
    const { inners, equations } = this.component;
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const equation of equations) {
      for (const [inner, coef] of equation.vector) {
        indices.push(this.local.get(inner)!);
        values.push(coef);
      }
      starts.push(indices.length);
    }
    const bound = (value: number) => (Number.isFinite(value) ? value : value > 0 ? this.highs.infinity : -this.highs.infinity);
    const model = this.highs.createModel({
      numCols: inners.length,
      numRows: equations.length,
      colCost: new Array(inners.length).fill(0),
      colLower: new Array(inners.length).fill(0),
      colUpper: this.component.upper?.map(bound) ?? new Array(inners.length).fill(this.highs.infinity),
      rowLower: equations.map((equation) => bound(equation.range?.lower ?? equation.rhs)),
      rowUpper: equations.map((equation) => bound(equation.range?.upper ?? equation.rhs)),
      matrix: { format: "csr", numRows: equations.length, numCols: inners.length, starts, indices, values },
      ...(integer ? { integrality: new Array(inners.length).fill(this.highs.constants.variableType.integer) } : {}),
    });
    // LP: successive objectives share the feasible region, so the last optimal basis stays primal feasible; primal
    // simplex without presolve restarts from it in a pivot or two (measured ~4× faster than the default).
    // MILP: a zero relative gap, since a MILP stopped early would report a narrower range than the truth.
    model.options.set(integer ? { output_flag: false, mip_rel_gap: 0 } : { output_flag: false, presolve: "off", simplex_strategy: 4 });
    return model;
  }
}
