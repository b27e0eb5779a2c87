/** Shared import building blocks: one streaming table reader and one problem format for every importer. */
export { ImportError, ProblemCollector, formatProblem, type ImportProblem } from "./problems.js";
export { readTable, readTableBatches, type ReadTableOptions, type TableRow } from "./table.js";
export { normaliseHeader, personalDataKind, type PersonalDataKind } from "./headers.js";
export { formulaInjection } from "./cells.js";
export { guessLegacyEncoding, legacyFontMojibake, type LegacyEncoding } from "./encoding.js";
export { parseFlag, parseWholeNumber } from "./values.js";
