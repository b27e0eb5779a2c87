/**
 * The one validated-record import every record file kind goes through: read the table, parse and check each row
 * (collecting every problem — the header's, the file's and every row's, in one pass), reject duplicate keys, then
 * replace what the file covers and record an ImportBatch in a single transaction; nothing is stored if any problem.
 * Why one runner: eight kinds share the all-or-nothing rule, problem format and audit trail; a kind only says how to
 * parse a row and what it replaces.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ColumnSpec } from "@minhbach/core/households/columns.ts";
import { openPrivateStore, type PrivateDb } from "@minhbach/db/private";
import { ImportError, ProblemCollector, type ImportProblem } from "../shared/index.js";
import { loadRecordContext, type RecordContext } from "./context.js";
import { RowFields } from "./fields.js";
import { readRecordRows } from "./read-rows.js";

export interface ParsedRow<R> {
  rowNumber: number;
  record: R;
}

/** How one file kind is parsed and stored. */
export interface RecordKind<R, X = unknown> {
  /** ImportBatch.kind, e.g. "CREDIT". */
  batchKind: string;
  columns: readonly ColumnSpec[];
  /** Extra state the rows are checked against (e.g. existing projects). A problem it reports (e.g. no household key)
   *  refuses the file, but the rows are still checked so that every problem is listed at once. */
  prepare?(ctx: RecordContext, report: (reason: string) => void): Promise<X>;
  /** Parse one row; report problems through `f` and return undefined if the row is unusable. */
  parse(f: RowFields, ctx: RecordContext, extra: X): R | undefined;
  /** The file's key: two rows with the same key are a problem, reported on `duplicateColumn`. */
  key(record: R): string;
  keyLabel: string;
  duplicateColumn: string;
  /** Delete what the file covers and insert its rows; returns counts for the summary. Runs inside the transaction. */
  store(tx: PrivateDb, rows: readonly R[], ctx: RecordContext): Promise<Record<string, number>>;
  /** ImportBatch.year when the file is about one year. */
  year?(record: R): number | undefined;
  synthetic?(record: R): boolean;
}

export interface RecordImportOptions {
  /** Private store URL (migrated). */
  privateUrl: string;
  file: string;
  /** HOUSEHOLD_KEY_SECRET; needed by project participants only. */
  secret?: string;
  /** Skip columns holding names, ID numbers, phone numbers or addresses unread, instead of refusing the file. */
  dropPersonalColumns?: boolean;
}

export interface RecordImportSummary {
  kind: string;
  file: string;
  batchId: number;
  rows: number;
  counts: Record<string, number>;
  warnings: ImportProblem[];
}

export async function runRecordImport<R, X>(spec: RecordKind<R, X>, opts: RecordImportOptions): Promise<RecordImportSummary> {
  const { file } = opts;
  if (!fs.existsSync(file)) throw new ImportError([{ file, reason: "file not found" }]);
  const sha256 = createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  const db = openPrivateStore(opts.privateUrl);
  try {
    const ctx = await loadRecordContext(db, file, opts.secret);
    const problems = new ProblemCollector();
    const extra = spec.prepare ? await spec.prepare(ctx, (reason) => problems.add({ file, reason })) : (undefined as X);
    const warnings: ImportProblem[] = [];
    const parsed = await parseRows(spec, ctx, extra, problems, warnings, opts.dropPersonalColumns ?? false);
    if (parsed.length === 0 && problems.count === 0) problems.add({ file, reason: "the file has no data rows" });
    problems.throwIfAny();

    const records = parsed.map((p) => p.record);
    const years = new Set(records.map((r) => spec.year?.(r)));
    const year = years.size === 1 ? ([...years][0] ?? null) : null;
    return await db.$transaction(
      async (itx) => {
        // Prisma's interactive-transaction type drops the model delegates; the object has them (as in release-writer).
        const tx = itx as unknown as PrivateDb;
        const counts = await spec.store(tx, records, ctx);
        const summary = { counts, warnings: warnings.length };
        const batch = await tx.importBatch.create({
          data: {
            kind: spec.batchKind,
            fileName: path.basename(file),
            sha256,
            year,
            rows: records.length,
            synthetic: records.some((r) => spec.synthetic?.(r) ?? false),
            summary: JSON.stringify(summary),
          },
        });
        return { kind: spec.batchKind, file, batchId: batch.id, rows: records.length, counts, warnings };
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
  } finally {
    await db.$disconnect();
  }
}

async function parseRows<R, X>(
  spec: RecordKind<R, X>,
  ctx: RecordContext,
  extra: X,
  problems: ProblemCollector,
  warnings: ImportProblem[],
  dropPersonalColumns: boolean,
): Promise<ParsedRow<R>[]> {
  const columns = new Map(spec.columns.map((c) => [c.key, c]));
  const firstRowOfKey = new Map<string, number>();
  const xlsx = /\.xls[xm]$/i.test(ctx.file);
  const parsed: ParsedRow<R>[] = [];
  const missingColumns = new Set<string>();
  const onDropped = (headers: string[], row: number) => {
    for (const column of headers) warnings.push({ file: ctx.file, row, column, reason: "personal data: skipped unread (--drop-personal-columns)" });
  };
  // A required column the file lacks is one problem (on the header), not one more per row.
  const report = (p: ImportProblem) => (p.column !== undefined && missingColumns.has(p.column) ? undefined : problems.add(p));
  // Row-level reader problems (formula cells, values under no header) go to the same collector; such rows are skipped.
  for await (const row of readRecordRows({ file: ctx.file, columns: spec.columns, dropPersonalColumns, problems, onDropped, missingColumns })) {
    const f = new RowFields(ctx.file, row.rowNumber, row.values, columns, report, (w) => warnings.push(w), xlsx);
    const record = spec.parse(f, ctx, extra);
    if (record === undefined || !f.ok) continue;
    const key = spec.key(record);
    const first = firstRowOfKey.get(key);
    if (first !== undefined) {
      f.problem(spec.duplicateColumn, `duplicate: same ${spec.keyLabel} as row ${first}`);
      continue;
    }
    firstRowOfKey.set(key, row.rowNumber);
    parsed.push({ rowNumber: row.rowNumber, record });
  }
  return parsed;
}
