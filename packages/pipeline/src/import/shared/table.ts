/**
 * readTable: one streaming reader for every import file (CSV in UTF-8, or XLSX), yielding rows keyed by the canonical
 * column keys. Why one reader: header matching, personal-data refusal, encoding checks and formula refusal must be
 * identical for households, projects and every later importer.
 */
import path from "node:path";
import type { ColumnSpec } from "@minhbach/core/households/columns.ts";
import { legacyFontMojibake, legacyEncodingReason } from "./encoding.js";
import { formulaInjection } from "./cells.js";
import { planColumns, type ColumnPlan } from "./headers.js";
import { ImportError, ProblemCollector } from "./problems.js";
import { readCsvRows, type RawRow } from "./read-csv.js";
import { readXlsxRows } from "./read-xlsx.js";

export interface TableRow {
  rowNumber: number;
  /** Keyed by canonical ColumnSpec.key; trimmed, NFC-normalised; "" when blank or the column is absent. */
  values: Record<string, string>;
}

export interface ReadTableOptions {
  columns: readonly ColumnSpec[];
  /** Skip personal-data columns unread instead of refusing the file. */
  dropPersonalColumns?: boolean;
  /** XLSX only: worksheet name (default: the first sheet). */
  sheet?: string;
  /**
   * Where row-level problems (formula cells, unreadable cells, values under a blank header) go. Rows with such a
   * problem are not yielded. Without a collector, readTable throws them all as one ImportError after the last row.
   */
  problems?: ProblemCollector;
  /** Called once the header is matched, e.g. to report which personal columns were dropped. */
  onHeader?: (info: { matched: string[]; dropped: string[]; headerRow: number; headers: Record<string, string> }) => void;
}

/** Data rows checked for text typed in a legacy font; mojibake shows at once, so the first rows suffice. */
const MOJIBAKE_ROWS = 50;

function rowsOf(file: string, sheet: string | undefined): AsyncGenerator<RawRow> {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv" || ext === ".txt") return readCsvRows(file);
  if (ext === ".xlsx" || ext === ".xlsm") return readXlsxRows(file, sheet);
  const hint = ext === ".xls" ? ' (old Excel format: save it as .xlsx or "CSV UTF-8")' : "";
  throw new ImportError([{ file, reason: `unsupported file type "${ext || "(none)"}"${hint}; use .csv (UTF-8) or .xlsx` }]);
}

const NON_ASCII = /[^\u0000-\u007f]/;

function clean(raw: string | undefined): string {
  if (raw === undefined || raw === "") return "";
  const t = raw.trim();
  return NON_ASCII.test(t) ? t.normalize("NFC") : t;
}

export async function* readTable(file: string, opts: ReadTableOptions): AsyncGenerator<TableRow> {
  const own = opts.problems === undefined;
  const problems = opts.problems ?? new ProblemCollector();
  const encodingError = (row: number, text: string): ImportError | undefined => {
    const enc = legacyFontMojibake(text);
    return enc ? new ImportError([{ file, row, reason: legacyEncodingReason(enc, "font") }]) : undefined;
  };
  let plan: ColumnPlan | undefined;
  let headerLength = 0;
  let dataRows = 0;
  for await (const raw of rowsOf(file, opts.sheet)) {
    if (plan === undefined) {
      const headers = raw.cells.map(clean);
      if (headers.every((h) => h === "")) continue;
      const err = encodingError(raw.rowNumber, headers.join(" "));
      if (err) throw err;
      plan = planColumns(file, headers, opts.columns, opts.dropPersonalColumns ?? false, raw.rowNumber);
      headerLength = headers.length;
      opts.onHeader?.({
        matched: plan.fields.map((f) => f.header),
        dropped: plan.dropped,
        headerRow: raw.rowNumber,
        headers: Object.fromEntries(plan.fields.map((f) => [f.spec.key, f.header])),
      });
      continue;
    }
    const values: Record<string, string> = {};
    for (const spec of opts.columns) values[spec.key] = "";
    let bad = false;
    let blank = true;
    for (const f of plan.fields) {
      const v = clean(raw.cells[f.index]);
      if (v === "") continue;
      blank = false;
      const reason = formulaInjection(v);
      if (reason) {
        problems.add({ file, row: raw.rowNumber, column: f.header, reason });
        bad = true;
      }
      values[f.spec.key] = v;
    }
    for (const e of raw.cellErrors ?? []) {
      const field = plan.fields.find((f) => f.index === e.index);
      if (!field) continue; // an unread (dropped) or unnamed column
      problems.add({ file, row: raw.rowNumber, column: field.header, reason: e.reason });
      bad = true;
    }
    for (let i = 0; i < raw.cells.length; i++) {
      if ((i >= headerLength || plan.unnamed.includes(i)) && clean(raw.cells[i]) !== "") {
        problems.add({ file, row: raw.rowNumber, column: `#${i + 1}`, reason: "value in a column without a header; add a header or delete the value" });
        bad = true;
        break;
      }
    }
    if (blank) continue; // Excel keeps formatted empty rows; dropped columns alone do not make a row
    if (dataRows++ < MOJIBAKE_ROWS) {
      const err = encodingError(raw.rowNumber, Object.values(values).join(" "));
      if (err) throw err;
    }
    if (!bad) yield { rowNumber: raw.rowNumber, values };
  }
  if (plan === undefined) throw new ImportError([{ file, reason: "the file has no header row (it is empty)" }]);
  if (own) problems.throwIfAny();
}
