/**
 * Shared vocabulary of disclosure control: the generic protection problem (cells as integer linear combinations of
 * inner cells, as in SSBtools), the suppressor's result and the attacker's verdict. Kept in one place so the
 * suppressor and the independent attacker agree on the problem and nothing else.
 */

export type CellStatus = "PUBLISHED" | "SUPPRESSED";
export type PrimaryReason = "PRIMARY" | "SMALL_UNIT" | "DIFFERENCING";
export type SuppressionReason = PrimaryReason | "SECONDARY" | "HISTORY";

export interface ProtectionCell {
  /** Stable across releases, e.g. "poverty|01990|2023|poor". */
  id: string;
  /** Integer linear combination of inner cells: [inner index, coefficient] (usually coefficient 1). */
  terms: ReadonlyArray<readonly [inner: number, coef: number]>;
  /** True value = Σ coef · innerValues[inner]. */
  value: number;
  /** false: a hidden cell (e.g. "neither poor nor near-poor", a movers' difference) that is never published. */
  publishable: boolean;
  /** Primary-sensitive: its value must not be disclosed, exactly or within a narrow interval. */
  sensitive: boolean;
  primaryReason?: PrimaryReason;
  /** Interval protection: the attacker's feasible range must be at least this wide (default k). */
  requiredWidth?: number;
  /** Cost of suppressing it as a secondary; higher = prefer to keep published. Default: its number of inner cells. */
  weight?: number;
  /** Decided by an earlier release of the same cell: a cell once published or suppressed stays so. */
  forced?: CellStatus;
  /**
   * Households in the unit the cell counts in (n). Optional; when given, the gate re-applies the primary rule to
   * published cells independently of the caller's `sensitive` flag.
   */
  householdsInUnit?: number;
}

export interface ProtectionProblem {
  k: number;
  innerValues: number[];
  cells: ProtectionCell[];
}

export type FindingKind = "LINEAR" | "INTERVAL" | "SMALL_COUNT";

export interface Finding {
  cellId: string;
  kind: FindingKind;
  /** What the attacker learns: the exact value (LINEAR, SMALL_COUNT) or the feasible range (INTERVAL). */
  value?: number;
  range?: [min: number, max: number];
  requiredWidth?: number;
  detail: string;
}

export interface GateStats {
  cells: number;
  suppressed: number;
  /** Connected components of unknown inner cells that contain a sensitive cell's unknown part. */
  components: number;
  /** LP/MILP solver runs (each min or max of one objective counts once). */
  lpSolves: number;
  /** Of which MILP runs, needed only where the LP relaxation's optimum was fractional. */
  mipSolves: number;
  /** Sensitive cells attacked: "all", or how many were left after an earlier round's verdict (attacker/gate.ts). */
  attacked: number | "all";
  millis: number;
}

export interface GateReport {
  ok: boolean;
  linearDisclosures: Finding[];
  narrowIntervals: Finding[];
  /** Published cells that the primary rule makes sensitive (e.g. a published count of 1..k−1). */
  smallPublishedCounts: Finding[];
  stats: GateStats;
}

export interface ProtectionResult {
  /** For every publishable cell. */
  status: Map<string, CellStatus>;
  /** For suppressed publishable cells. */
  reason: Map<string, SuppressionReason>;
  /** Cells forced PUBLISHED by history that are now sensitive (suppressed anyway, reported). */
  historyConflicts: string[];
  gate: GateReport;
}
