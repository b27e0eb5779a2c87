/**
 * Inspections of poverty-reduction work. The table has no year column, so the date is required and a file replaces
 * the inspections of each unit in each calendar year it contains (the unit-year rule of the other record files).
 */
import { INSPECTION_COLUMNS } from "../columns.js";
import { knownSources, knownUnit } from "../context.js";
import type { RecordKind } from "../runner.js";
import { coveredUnitYears } from "./unit-year.js";

interface InspectionRow {
  unitCode: string;
  date: Date;
  body: string;
  subject: string;
  synthetic: boolean;
  sourceIds: string;
}

export const inspectionsKind: RecordKind<InspectionRow> = {
  batchKind: "INSPECTIONS",
  columns: INSPECTION_COLUMNS,
  parse(f, ctx) {
    const unitCode = knownUnit(f, ctx, "unit_code");
    const date = f.date("date", { required: true });
    const body = f.text("body", { required: true });
    const subject = f.text("subject", { required: true, max: 2000 });
    const synthetic = f.flag("synthetic");
    const sourceIds = knownSources(f, ctx);
    if (unitCode === undefined || date === undefined || body === undefined || subject === undefined) return undefined;
    if (synthetic === undefined || sourceIds === undefined) return undefined;
    return { unitCode, date, body, subject, synthetic, sourceIds };
  },
  key: (r) => `${r.unitCode}|${r.date.toISOString()}|${r.body.toLowerCase()}|${r.subject.toLowerCase()}`,
  keyLabel: "unit, date, body and subject",
  duplicateColumn: "subject",
  year: (r) => r.date.getUTCFullYear(),
  synthetic: (r) => r.synthetic,
  async store(tx, rows) {
    const covered = coveredUnitYears(rows.map((r) => ({ unitCode: r.unitCode, year: r.date.getUTCFullYear() })));
    let replaced = 0;
    for (const { unitCode, year } of covered) {
      const where = { unitCode, date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } };
      replaced += (await tx.inspection.deleteMany({ where })).count;
    }
    await tx.inspection.createMany({ data: [...rows] });
    return { unitYears: covered.length, inserted: rows.length, replaced };
  },
};
