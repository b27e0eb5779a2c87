/** The release gate's entry point: the whole release as published, attacked with the relations an outsider knows. */
export { runReleaseGate } from "./gate.ts";
export { cellKey, parseCellKey } from "./types.ts";
export { runReleaseGateWithRepair, type RepairChoice, type RepairedGate } from "./repair.ts";
export type { DifferencingPair, HierarchyEdge, ReleaseCell, ReleaseFinding, ReleaseGateInput, ReleaseGateReport } from "./types.ts";
