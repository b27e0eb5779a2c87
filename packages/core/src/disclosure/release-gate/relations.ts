/**
 * The relations an outsider can check on the data itself, as rows over the release's cells. Why each holds for any
 * set of households (the system then drops an instance the data does not satisfy, e.g. after households moved):
 * - hierarchy: a unit's count is the sum of its children's in that review year's own hierarchy;
 * - a partition: poor + near-poor ≤ households, and the review flows together ≤ households;
 * - deprivation: a poor household lacks at least `minDeprived` indicators, so Σ lacking ≥ minDeprived × poor;
 * - flows bounded by stocks: newly poor + re-poor ≤ poor(t), escaped poor ≤ poor(t−1), escaped near-poor ≤
 *   near-poor(t−1), newly near-poor ≤ near-poor(t).
 * Bounds 0 ≤ x ≤ households of every single figure are column bounds (system.ts), not rows.
 */
import type { ReleaseIndex } from "./release-index.ts";
import { cellKey, type HierarchyEdge, type RelationRow, type ReleaseGateInput } from "./types.ts";

/** Review flows as published (docs/contracts.md); all but "other" categories of one partition of households. */
export const FLOW_MEASURES = ["newlyPoor", "rePoor", "escapedPoor", "newlyNearPoor", "escapedNearPoor"] as const;

type Term = [key: string, coef: number];

/** Terms for the measures of a unit-year, or undefined when any of them is not usable. */
function termsOf(index: ReleaseIndex, unit: string, year: number, measures: ReadonlyArray<readonly [string, number]>): Term[] | undefined {
  const terms: Term[] = [];
  for (const [measure, coef] of measures) {
    if (!index.usable(unit, year, measure)) return undefined;
    terms.push([cellKey(unit, year, measure), coef]);
  }
  return terms;
}

export function hierarchyRows(index: ReleaseIndex, edges: readonly HierarchyEdge[]): RelationRow[] {
  const children = new Map<string, { parent: string; year: number; children: string[] }>();
  for (const e of edges) {
    const key = `${e.parent}|${e.year}`;
    let entry = children.get(key);
    if (!entry) children.set(key, (entry = { parent: e.parent, year: e.year, children: [] }));
    entry.children.push(e.child);
  }
  const rows: RelationRow[] = [];
  for (const { parent, year, children: kids } of children.values()) {
    for (const cell of index.measures(parent, year)) {
      if (cell.status === "NOT_AVAILABLE" || cell.measure === "households") continue;
      const terms = termsOf(index, parent, year, [[cell.measure, 1]]);
      const parts = kids.map((child) => termsOf(index, child, year, [[cell.measure, -1]]));
      if (!terms || parts.some((p) => !p)) continue; // a child without the figure (e.g. villages: flows) says nothing
      rows.push({ relation: "hierarchy", terms: [...terms, ...parts.flatMap((p) => p!)], lower: 0, upper: 0 });
    }
  }
  return rows;
}

function unitYearRows(index: ReleaseIndex, unit: string, year: number, input: ReleaseGateInput): RelationRow[] {
  const rows: RelationRow[] = [];
  const add = (relation: string, measures: ReadonlyArray<readonly [string, number]>, lower: number, upper: number, at = year) => {
    const terms = termsOf(index, unit, at, measures);
    if (terms) rows.push({ relation, terms, lower, upper });
  };
  const n = index.households(unit, year);
  if (n !== undefined) {
    add("poverty partition", [["poor", 1], ["nearPoor", 1]], 0, n);
    add("flow partition", FLOW_MEASURES.map((m) => [m, 1] as const), 0, n);
  }
  const standard = input.standards.get(year);
  if (standard && standard.minDeprived > 0) {
    add("deprivation", [...standard.indicators.map((code) => [`lacking.${code}`, 1] as const), ["poor", -standard.minDeprived]], 0, Infinity);
  }
  add("flows into poverty", [["newlyPoor", 1], ["rePoor", 1], ["poor", -1]], -Infinity, 0);
  add("flows into near-poverty", [["newlyNearPoor", 1], ["nearPoor", -1]], -Infinity, 0);
  for (const [flow, stock] of [["escapedPoor", "poor"], ["escapedNearPoor", "nearPoor"]] as const) {
    const now = termsOf(index, unit, year, [[flow, 1]]);
    const before = termsOf(index, unit, year - 1, [[stock, -1]]);
    if (now && before) rows.push({ relation: `${flow} ≤ ${stock} the year before`, terms: [...now, ...before], lower: -Infinity, upper: 0 });
  }
  return rows;
}

/** Every relation row of the release (hierarchy and per unit-year). */
export function relationRows(index: ReleaseIndex, input: ReleaseGateInput): RelationRow[] {
  const rows = hierarchyRows(index, input.edges);
  for (const { unit, year } of index.unitYears()) rows.push(...unitYearRows(index, unit, year, input));
  return rows;
}
