/** Household review import: the entry point other modules (CLI, demo) use. */
export { ImportDeclined, importHouseholds, type ImportHouseholdsOptions, type ImportProgress } from "./import-households.js";
export { formatChange, formatSummary, villagesLosing, type ImportChange, type ImportSummary, type CommuneChange, type VillageChange, type ClassCounts } from "./summary.js";
export { householdKey, normaliseHouseholdId, checkSecret } from "./key.js";
export { confirmWith, type ConfirmPolicy } from "./confirm.js";
