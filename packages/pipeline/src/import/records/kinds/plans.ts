/** Poverty-reduction plans adopted by a unit for a year. Replaced by unit-year. */
import { PLAN_COLUMNS } from "../columns.js";
import { knownSources, knownUnit } from "../context.js";
import type { RecordKind } from "../runner.js";
import { replaceUnitYears } from "./unit-year.js";

interface PlanRow {
  unitCode: string;
  year: number;
  title: string;
  reference: string | null;
  date: Date | null;
  synthetic: boolean;
  sourceIds: string;
}

export const plansKind: RecordKind<PlanRow> = {
  batchKind: "PLANS",
  columns: PLAN_COLUMNS,
  parse(f, ctx) {
    const unitCode = knownUnit(f, ctx, "unit_code");
    const year = f.year("year");
    const title = f.text("title", { required: true });
    const reference = f.text("reference");
    const date = f.date("date");
    const synthetic = f.flag("synthetic");
    const sourceIds = knownSources(f, ctx);
    if (unitCode === undefined || year === undefined || title === undefined || synthetic === undefined || sourceIds === undefined) return undefined;
    return { unitCode, year, title, reference: reference ?? null, date: date ?? null, synthetic, sourceIds };
  },
  // The same title twice for one unit-year is a copy-paste slip; two plans differ in title.
  key: (r) => `${r.unitCode}|${r.year}|${r.title.toLowerCase()}`,
  keyLabel: "unit, year and title",
  duplicateColumn: "title",
  year: (r) => r.year,
  synthetic: (r) => r.synthetic,
  store: (tx, rows) => replaceUnitYears(tx, "plan", rows),
};
