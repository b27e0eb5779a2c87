/**
 * The rows of a record file, with every header problem AND every row problem in one pass. Why: the shared reader
 * refuses a file at its header (unknown, personal or missing columns), so an officer would fix the header, import
 * again, and only then learn about the rows. Here a refused header is reported, and the rows are still read and
 * checked with the columns that could be matched: unknown columns are ignored, personal ones skipped unread, missing
 * ones left out.
 */
import type { ColumnSpec } from "@minhbach/core/households/columns.ts";
import { ImportError, readTable, type ImportProblem, type ProblemCollector, type TableRow } from "../shared/index.js";

export interface ReadRowsOptions {
  file: string;
  columns: readonly ColumnSpec[];
  dropPersonalColumns: boolean;
  problems: ProblemCollector;
  /** Personal-data headers skipped unread (only with dropPersonalColumns). */
  onDropped?: (headers: string[], headerRow: number) => void;
  /** Filled with the canonical headers of required columns the file lacks: the caller drops its rows' "required
   *  value is empty" for them, which would only repeat the missing-column problem once per row. */
  missingColumns: Set<string>;
}

/** The rows, or nothing more once a problem makes the rows unreadable (reported in `problems`). */
export async function* readRecordRows(o: ReadRowsOptions): AsyncGenerator<TableRow> {
  let started = false;
  try {
    for await (const row of readTable(o.file, readOptions(o, o.columns, o.dropPersonalColumns))) {
      started = true;
      yield row;
    }
    return;
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    o.problems.addAll(err.problems);
    if (started || !isHeaderRefusal(err.problems)) return;
    const lenient = lenientColumns(o.columns, err.problems);
    if (!lenient) return;
    for (const header of lenient.missing) o.missingColumns.add(header);
    yield* rowsDespiteHeader(o, lenient.columns);
  }
}

function readOptions(o: ReadRowsOptions, columns: readonly ColumnSpec[], dropPersonalColumns: boolean) {
  return {
    columns, problems: o.problems, dropPersonalColumns,
    onHeader: (h: { dropped: string[]; headerRow: number }) => (h.dropped.length ? o.onDropped?.(h.dropped, h.headerRow) : undefined),
  };
}

/** Header problems name a column on the header row; file-level ones (encoding, empty file, file type) do not. */
function isHeaderRefusal(problems: readonly ImportProblem[]): boolean {
  return problems.length > 0 && problems.every((p) => p.row !== undefined && p.column !== undefined);
}

interface Lenient {
  columns: ColumnSpec[];
  /** Canonical headers of required columns the file lacks. */
  missing: Set<string>;
}

/** The columns to read the rows with despite the header's problems; undefined when a column appears twice (which of
 *  the two holds the values cannot be known). */
function lenientColumns(columns: readonly ColumnSpec[], problems: readonly ImportProblem[]): Lenient | undefined {
  if (problems.some((p) => /appears twice/.test(p.reason))) return undefined;
  const missing = new Set(problems.filter((p) => /^required column/.test(p.reason)).map((p) => p.column!));
  const unknown = problems.filter((p) => /^unknown column/.test(p.reason)).map((p) => p.column!);
  const lenient = columns.map((c) => (missing.has(c.headerVi) ? { ...c, required: false } : c));
  // An unknown column becomes a column of its own that nothing reads.
  unknown.forEach((header, i) => lenient.push({ key: `__ignored_${i}`, headerVi: header, required: false, description: "ignored" }));
  return { columns: lenient, missing };
}

async function* rowsDespiteHeader(o: ReadRowsOptions, columns: readonly ColumnSpec[]): AsyncGenerator<TableRow> {
  try {
    yield* readTable(o.file, readOptions(o, columns, true));
  } catch (err) {
    if (!(err instanceof ImportError)) throw err; // e.g. legacy-font text further down: reported with the header's
    o.problems.addAll(err.problems);
  }
}
