/** Public API of disclosure control: everything the product publishes passes through `protect` and its gate. */
export type {
  CellStatus,
  Finding,
  FindingKind,
  GateReport,
  GateStats,
  PrimaryReason,
  ProtectionCell,
  ProtectionProblem,
  ProtectionResult,
  SuppressionReason,
} from "./types.ts";
export { DEFAULT_K, MIN_K, assertValidK, isPrimarySensitive } from "./rules.ts";
export { protect, DisclosureGateError } from "./protect.ts";
export { gaussSuppress, cellWeight, type GaussOutcome } from "./gauss-suppression.ts";
export { linearAttack, intervalAttack, runGate, smallPublishedCounts, type IntervalAttackResult } from "./attacker/index.ts";
export { buildCategoryProblem, cellId, differenceCellId, TOTAL_CATEGORY, type CategoryTableInput } from "./table-builder.ts";
export { categoryTableOutcomes, type CategoryCellOutcome } from "./table-result.ts";
