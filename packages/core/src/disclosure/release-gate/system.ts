/**
 * The outsider's system: one integer variable per hidden figure (0 ≤ x ≤ the unit's published households), every
 * published figure a constant, each relation row a linear constraint, split into connected components so each solve
 * is small. Figures an earlier release still served published with the same value are constants too: the outsider
 * holds them. A row the true values do not satisfy is not a fact about this data and is left out.
 */
import { connectedComponents, type Component, type ResidualEquation } from "../attacker/decompose.ts";
import type { ReleaseIndex } from "./release-index.ts";
import type { RelationRow, ReleaseGateInput } from "./types.ts";

export interface GateSystem {
  /** variable index → true value */
  truth: number[];
  varOf: Map<string, number>;
  /** value of every key the outsider knows (published now or earlier) that the rows or targets name */
  known: Map<string, number>;
  components: Component[];
  /** variable → component; a variable in no row is absent (its range is [0, upper]) */
  componentOf: Map<number, number>;
  upper: number[];
  rowsNotHolding: number;
  publishedEarlier: Set<string>;
}

function unitYearOf(key: string): [string, number] {
  const [unit, year] = key.split("|", 2) as [string, string];
  return [unit, Number(year)];
}

class SystemBuilder {
  readonly system: GateSystem = {
    truth: [], varOf: new Map(), known: new Map(), components: [], componentOf: new Map(), upper: [], rowsNotHolding: 0, publishedEarlier: new Set(),
  };

  constructor(private readonly index: ReleaseIndex, private readonly input: ReleaseGateInput) {}

  /** The known value of a key, or the variable standing for it. */
  resolve(key: string): { known: number } | { variable: number } {
    const s = this.system;
    const known = s.known.get(key);
    if (known !== undefined) return { known };
    const variable = s.varOf.get(key);
    if (variable !== undefined) return { variable };
    const [unit, year] = unitYearOf(key);
    const cell = this.index.usable(unit, year, key.slice(key.indexOf("|", key.indexOf("|") + 1) + 1));
    if (!cell) throw new Error(`release gate: ${key} is not a figure of the release`);
    if (cell.status === "PUBLISHED") return this.know(key, cell.value!);
    const truth = this.input.hiddenValues.get(key);
    if (truth === undefined) throw new Error(`release gate: no true value for hidden cell ${key}`);
    if (this.input.earlier.some((r) => r.published.get(key) === truth)) {
      s.publishedEarlier.add(key);
      return this.know(key, truth);
    }
    const index = s.truth.push(truth) - 1;
    s.varOf.set(key, index);
    s.upper.push(this.index.households(unit, year) ?? Infinity);
    return { variable: index };
  }

  private know(key: string, value: number): { known: number } {
    this.system.known.set(key, value);
    return { known: value };
  }

  /** The row over variables only, or undefined when it names none or the truth does not satisfy it. */
  residual(row: RelationRow): ResidualEquation | undefined {
    let constant = 0;
    let truth = 0;
    const vector = new Map<number, number>();
    for (const [key, coef] of row.terms) {
      const r = this.resolve(key);
      if ("known" in r) constant += coef * r.known;
      else {
        vector.set(r.variable, (vector.get(r.variable) ?? 0) + coef);
        truth += coef * this.system.truth[r.variable]!;
      }
    }
    const [lower, upper] = [row.lower - constant, row.upper - constant];
    if (truth < lower || truth > upper) {
      this.system.rowsNotHolding++;
      return undefined;
    }
    if (vector.size === 0) return undefined;
    return { cellId: row.relation, vector, rhs: lower, range: { lower, upper } };
  }
}

/** The components of the variables through the rows, each with its variables' upper bounds. */
function components(system: GateSystem, rows: ResidualEquation[]): void {
  const { components: found, componentOf } = connectedComponents(rows);
  for (const c of found) c.upper = c.inners.map((v) => system.upper[v]!);
  system.components.push(...found);
  for (const [v, c] of componentOf) system.componentOf.set(v, c);
}

export function buildSystem(index: ReleaseIndex, input: ReleaseGateInput, rows: RelationRow[], targetKeys: Iterable<string>): GateSystem {
  const builder = new SystemBuilder(index, input);
  for (const key of targetKeys) builder.resolve(key);
  const residual: ResidualEquation[] = [];
  for (const row of rows) {
    const r = builder.residual(row);
    if (r) residual.push(r);
  }
  components(builder.system, residual);
  return builder.system;
}
