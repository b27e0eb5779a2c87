/** Job placements per unit and year (in Vietnam and abroad under contract). Replaced by unit-year. */
import { JOBS_COLUMNS } from "../columns.js";
import { knownSources, knownUnit } from "../context.js";
import type { RecordKind } from "../runner.js";
import { replaceUnitYears } from "./unit-year.js";

interface JobsRow {
  unitCode: string;
  year: number;
  domestic: number;
  abroad: number;
  synthetic: boolean;
  sourceIds: string;
}

export const jobsKind: RecordKind<JobsRow> = {
  batchKind: "JOBS",
  columns: JOBS_COLUMNS,
  parse(f, ctx) {
    const unitCode = knownUnit(f, ctx, "unit_code");
    const year = f.year("year");
    const domestic = f.int("domestic");
    const abroad = f.int("abroad");
    const synthetic = f.flag("synthetic");
    const sourceIds = knownSources(f, ctx);
    if (unitCode === undefined || year === undefined || domestic === undefined || abroad === undefined) return undefined;
    if (synthetic === undefined || sourceIds === undefined) return undefined;
    return { unitCode, year, domestic, abroad, synthetic, sourceIds };
  },
  key: (r) => `${r.unitCode}|${r.year}`,
  keyLabel: "unit and year",
  duplicateColumn: "year",
  year: (r) => r.year,
  synthetic: (r) => r.synthetic,
  store: (tx, rows) => replaceUnitYears(tx, "jobsRecord", rows),
};
