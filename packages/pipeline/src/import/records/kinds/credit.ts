/** Social-policy credit per unit, year and programme (loan turns, outstanding balance in đồng). Replaced by unit-year. */
import { CREDIT_COLUMNS } from "../columns.js";
import { knownSources, knownUnit } from "../context.js";
import type { RecordKind } from "../runner.js";
import { replaceUnitYears } from "./unit-year.js";

interface CreditRow {
  unitCode: string;
  year: number;
  programme: string;
  loanTurns: number;
  outstandingVnd: bigint;
  synthetic: boolean;
  sourceIds: string;
}

export const creditKind: RecordKind<CreditRow> = {
  batchKind: "CREDIT",
  columns: CREDIT_COLUMNS,
  parse(f, ctx) {
    const unitCode = knownUnit(f, ctx, "unit_code");
    const year = f.year("year");
    const programme = f.text("programme", { required: true });
    const loanTurns = f.int("loan_turns");
    const outstandingVnd = f.vnd("outstanding_vnd");
    const synthetic = f.flag("synthetic");
    const sourceIds = knownSources(f, ctx);
    if (unitCode === undefined || year === undefined || programme === undefined || loanTurns === undefined) return undefined;
    if (outstandingVnd === undefined || synthetic === undefined || sourceIds === undefined) return undefined;
    return { unitCode, year, programme, loanTurns, outstandingVnd, synthetic, sourceIds };
  },
  key: (r) => `${r.unitCode}|${r.year}|${r.programme}`,
  keyLabel: "unit, year and programme",
  duplicateColumn: "programme",
  year: (r) => r.year,
  synthetic: (r) => r.synthetic,
  store: (tx, rows) => replaceUnitYears(tx, "creditRecord", rows),
};
