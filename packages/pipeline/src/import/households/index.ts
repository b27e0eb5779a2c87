/** Household review import: the entry point other modules (CLI, demo) use. */
export { importHouseholds, type ImportHouseholdsOptions, type ImportProgress } from "./import-households.js";
export { formatSummary, type ImportSummary, type CommuneChange, type ClassCounts } from "./summary.js";
export { householdKey, normaliseHouseholdId, checkSecret } from "./key.js";
