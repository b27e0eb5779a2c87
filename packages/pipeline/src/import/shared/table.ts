/**
 * readTable: one streaming reader for every import file (CSV in UTF-8, or XLSX), yielding rows keyed by the canonical
 * column keys. Why one reader: header matching, personal-data refusal, encoding checks and formula refusal must be
 * identical for households, projects and every later importer.
 */
import path from "node:path";
import { isMainThread } from "node:worker_threads";
import type { ColumnSpec } from "@minhbach/core/households/columns.ts";
import { legacyFontMojibake, legacyEncodingReason } from "./encoding.js";
import { formulaInjection } from "./cells.js";
import { planColumns, type ColumnPlan } from "./headers.js";
import { ImportError, ProblemCollector } from "./problems.js";
import { readCsvRows, type RawRow } from "./read-csv.js";
import { readXlsxRows } from "./read-xlsx.js";
import { readXlsxRowsInWorker } from "./xlsx-thread.js";

export interface TableRow {
  rowNumber: number;
  /** Keyed by canonical ColumnSpec.key; trimmed, NFC-normalised; "" when blank or the column is absent. */
  values: Record<string, string>;
  /** The same values in the order of the columns asked for (ReadTableOptions.columns): for hot loops, where reading
   *  an array by position is several times cheaper than reading an object by a key that varies. */
  fields: string[];
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

/** Whether the file is read as an XLSX workbook (by its extension, as batchesOf decides). */
export function isWorkbookFile(file: string): boolean {
  const ext = path.extname(file).toLowerCase();
  return ext === ".xlsx" || ext === ".xlsm";
}

/** A workbook read on the main thread is read on a worker (xlsx-thread.ts: what exceljs parks on disk goes to a private
 *  folder); one read on a worker already (the household check) is read there. */
function batchesOf(file: string, sheet: string | undefined): AsyncGenerator<RawRow[]> {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv" || ext === ".txt") return readCsvRows(file);
  if (isWorkbookFile(file)) return isMainThread ? readXlsxRowsInWorker(file, sheet) : readXlsxRows(file, sheet);
  const hint = ext === ".xls" ? ' (old Excel format: save it as .xlsx or "CSV UTF-8")' : "";
  throw new ImportError([{ file, reason: `unsupported file type "${ext || "(none)"}"${hint}; use .csv (UTF-8) or .xlsx` }]);
}

const NON_ASCII = /[^\u0000-\u007f]/;

/** NFC forms of the non-ASCII values seen (files repeat a few words: "nông thôn", "nghèo"); bounded. */
const nfcCache = new Map<string, string>();

function clean(raw: string | undefined): string {
  if (raw === undefined || raw === "") return "";
  const t = raw.trim();
  if (!NON_ASCII.test(t)) return t;
  let n = nfcCache.get(t);
  if (n === undefined) {
    n = t.normalize("NFC");
    if (nfcCache.size > 10_000) nfcCache.clear();
    nfcCache.set(t, n);
  }
  return n;
}

function mojibakeError(file: string, row: number, text: string): ImportError | undefined {
  const enc = legacyFontMojibake(text);
  return enc ? new ImportError([{ file, row, reason: legacyEncodingReason(enc, "font") }]) : undefined;
}

/**
 * A function building a row's values object from its fields, as one object literal with the column keys written out.
 * Why generated: filling `{}` key by key in a loop (a store whose key varies) cost ~1.1 µs per 22-column row, the
 * literal ~25 ns; the keys are the importer's own column keys, written as JSON strings.
 */
function valuesBuilder(keys: readonly string[]): (fields: string[]) => Record<string, string> {
  return new Function("f", `return { ${keys.map((k, i) => `${JSON.stringify(k)}: f[${i}]`).join(", ")} };`) as (fields: string[]) => Record<string, string>;
}

/** Turns raw cells into a TableRow for one header. A plain class, not generator code: this is the hot loop. */
class RowMapper {
  /** Every column in spec order with its position in the file (-1 when absent). */
  private readonly slots: { key: string; index: number; header: string }[];
  private readonly buildValues: (fields: string[]) => Record<string, string>;
  private dataRows = 0;

  constructor(
    private readonly file: string,
    private readonly plan: ColumnPlan,
    private readonly headerLength: number,
    columns: readonly ColumnSpec[],
    private readonly problems: ProblemCollector,
  ) {
    this.slots = columns.map((spec) => {
      const f = plan.fields.find((x) => x.spec.key === spec.key);
      return { key: spec.key, index: f ? f.index : -1, header: f ? f.header : spec.headerVi };
    });
    this.buildValues = valuesBuilder(columns.map((c) => c.key));
  }

  /** The row, or undefined when it is blank or has a problem (reported). Throws on legacy-font text. */
  map(raw: RawRow): TableRow | undefined {
    const { file, problems, slots } = this;
    const fields: string[] = new Array(slots.length);
    let bad = false;
    let blank = true;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      const v = slot.index < 0 ? "" : clean(raw.cells[slot.index]);
      fields[i] = v;
      if (v === "") continue;
      blank = false;
      const reason = formulaInjection(v);
      if (reason) {
        problems.add({ file, row: raw.rowNumber, column: slot.header, reason });
        bad = true;
      }
    }
    if (raw.cellErrors) {
      for (const e of raw.cellErrors) {
        const field = this.plan.fields.find((f) => f.index === e.index);
        if (!field) continue; // an unread (dropped) or unnamed column
        problems.add({ file, row: raw.rowNumber, column: field.header, reason: e.reason });
        bad = true;
      }
    }
    const stray = strayCell(raw.cells, this.plan.unnamed, this.headerLength);
    if (stray >= 0) {
      problems.add({ file, row: raw.rowNumber, column: `#${stray + 1}`, reason: "value in a column without a header; add a header or delete the value" });
      bad = true;
    }
    if (blank) return undefined; // Excel keeps formatted empty rows; dropped columns alone do not make a row
    if (this.dataRows++ < MOJIBAKE_ROWS) {
      const err = mojibakeError(file, raw.rowNumber, fields.join(" "));
      if (err) throw err;
    }
    return bad ? undefined : { rowNumber: raw.rowNumber, values: this.buildValues(fields), fields };
  }
}

export async function* readTable(file: string, opts: ReadTableOptions): AsyncGenerator<TableRow> {
  for await (const batch of readTableBatches(file, opts)) yield* batch;
}

/**
 * The same rows as readTable, a file chunk at a time. Why: one await per row costs more than the row's checks in
 * importers with a throughput target (households); use readTable unless that matters.
 */
export async function* readTableBatches(file: string, opts: ReadTableOptions): AsyncGenerator<TableRow[]> {
  const own = opts.problems === undefined;
  const problems = opts.problems ?? new ProblemCollector();
  let mapper: RowMapper | undefined;
  for await (const batch of batchesOf(file, opts.sheet)) {
    const out: TableRow[] = [];
    for (const raw of batch) {
      if (mapper) {
        const row = mapper.map(raw);
        if (row) out.push(row);
        continue;
      }
      const headers = raw.cells.map(clean);
      if (headers.every((h) => h === "")) continue;
      const err = mojibakeError(file, raw.rowNumber, headers.join(" "));
      if (err) throw err;
      const plan = planColumns(file, headers, opts.columns, opts.dropPersonalColumns ?? false, raw.rowNumber);
      mapper = new RowMapper(file, plan, headers.length, opts.columns, problems);
      opts.onHeader?.({
        matched: plan.fields.map((f) => f.header),
        dropped: plan.dropped,
        headerRow: raw.rowNumber,
        headers: Object.fromEntries(plan.fields.map((f) => [f.spec.key, f.header])),
      });
    }
    if (out.length > 0) yield out;
  }
  if (!mapper) throw new ImportError([{ file, reason: "the file has no header row (it is empty)" }]);
  if (own) problems.throwIfAny();
}

/** Position of a non-empty cell under a blank header or past the last header, or -1. */
function strayCell(cells: string[], unnamed: readonly number[], headerLength: number): number {
  for (const i of unnamed) if (i < cells.length && clean(cells[i]) !== "") return i;
  for (let i = headerLength; i < cells.length; i++) if (clean(cells[i]) !== "") return i;
  return -1;
}
