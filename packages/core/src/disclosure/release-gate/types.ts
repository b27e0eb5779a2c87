/**
 * The release gate's vocabulary. Why a gate of its own: the per-table gate (attacker/gate.ts) attacks each table it
 * protected, but an outsider holds the whole release as written (every table, level and year, and earlier releases
 * still served) and knows relations between tables that hold for any households (each poor household lacks at least
 * three indicators; nobody escapes poverty who was not poor the year before). This gate attacks that.
 */

/** What the public sees of one figure (PubCell): measure names as in docs/contracts.md. */
export interface ReleaseCell {
  unit: string;
  year: number;
  measure: string;
  status: "PUBLISHED" | "SUPPRESSED" | "NOT_AVAILABLE";
  value: number | null;
}

/** A child unit counts towards a parent in one review year, and the parent's villages are exactly its children's. */
export interface HierarchyEdge {
  year: number;
  child: string;
  parent: string;
}

/** lower ≤ Σ coef · cell ≤ upper over cells named by key (see cellKey). */
export interface RelationRow {
  relation: string;
  terms: Array<[key: string, coef: number]>;
  lower: number;
  upper: number;
}

/** A figure, or a combination of figures, whose feasible range must stay at least `requiredWidth` wide. */
export interface GateTarget {
  /** e.g. "01990|2023|poor", "01990|2023|poor+nearPoor", "01990|2022-2023|poor|change" */
  id: string;
  unit: string;
  year: number;
  table: string;
  terms: Array<[key: string, coef: number]>;
  requiredWidth: number;
}

/** A hidden difference between two years the per-table protection already treats as sensitive (movers < k). */
export interface DifferencingPair {
  unit: string;
  fromYear: number;
  toYear: number;
  measure: string;
  movers: number;
}

export interface ReleaseGateInput {
  k: number;
  /** The release as it will be written. */
  cells: readonly ReleaseCell[];
  edges: readonly HierarchyEdge[];
  /** Per review year: the standard's indicator codes and the fewest a poor household lacks. */
  standards: ReadonlyMap<number, { indicators: readonly string[]; minDeprived: number }>;
  /** The true value of every hidden (SUPPRESSED) cell, by cellKey: the gate proves ranges around the truth. */
  hiddenValues: ReadonlyMap<string, number>;
  /** Earlier releases still served: their published values by cellKey. */
  earlier: ReadonlyArray<{ releaseId: string; published: ReadonlyMap<string, number> }>;
  differencing: readonly DifferencingPair[];
}

export interface ReleaseFinding {
  target: string;
  unit: string;
  year: number;
  table: string;
  /** How wide the outsider's feasible range is, against the width required. Never the value or the range itself. */
  width: number;
  requiredWidth: number;
}

export interface ReleaseGateReport {
  ok: boolean;
  findings: ReleaseFinding[];
  stats: {
    cells: number;
    hidden: number;
    targets: number;
    /** targets attacked: all of them, or after a repair only those whose system it changed (gate.ts, toAttack) */
    attacked?: number;
    rows: number;
    /** relation rows that do not hold on this data (e.g. a household that moved between units): not used */
    rowsNotHolding: number;
    /** hidden cells whose value an earlier release still served publishes: known to the outsider */
    publishedEarlier: number;
    components: number;
    lpSolves: number;
    mipSolves: number;
    millis: number;
  };
}

export const cellKey = (unit: string, year: number, measure: string): string => `${unit}|${year}|${measure}`;

/** The unit, year and measure of a cellKey (codes and measures hold no "|"). */
export function parseCellKey(key: string): { unit: string; year: number; measure: string } {
  const [unit, year, measure] = key.split("|") as [string, string, string];
  return { unit, year: Number(year), measure };
}
