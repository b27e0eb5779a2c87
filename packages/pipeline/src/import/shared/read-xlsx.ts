/**
 * Streams the rows of one worksheet of an XLSX file with exceljs' streaming reader (the whole workbook is never
 * loaded; only its shared-string table is cached, as Excel requires). Why wrap every failure: a truncated upload must
 * give the officer "the file is damaged", not a zip-library stack trace.
 */
import fs from "node:fs";
import type ExcelJS from "exceljs";
import { xlsxCellText } from "./cells.js";
import { ImportError } from "./problems.js";
import type { RawRow } from "./read-csv.js";

function checkMagic(file: string): void {
  const fd = fs.openSync(file, "r");
  const head = Buffer.alloc(8);
  const n = fs.readSync(fd, head, 0, 8, 0);
  fs.closeSync(fd);
  const fail = (reason: string): never => {
    throw new ImportError([{ file, reason }]);
  };
  if (n === 0) fail("the file is empty");
  if (head.readUInt32BE(0) === 0xd0cf11e0) fail('this is an old Excel 97–2003 (.xls) file; open it in Excel and save it as .xlsx or "CSV UTF-8"');
  if (head[0] !== 0x50 || head[1] !== 0x4b) fail("not an XLSX file (it does not start like a zip archive); save it from Excel as .xlsx");
}

type SheetReader = AsyncIterable<ExcelJS.Row> & { name: string };

export async function* readXlsxRows(file: string, sheet?: string): AsyncGenerator<RawRow[]> {
  checkMagic(file);
  // Loaded on first use: exceljs takes ~0.5 s to load, which every other command (publish, serve) would pay. Before
  // the file is opened, so that a failed load leaves no open file behind.
  const { default: excel } = await import("exceljs");
  const source = fs.createReadStream(file);
  const reader = new excel.stream.xlsx.WorkbookReader(source, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  // The zip parser may emit errors outside the iterator (e.g. on a truncated file); capture them instead of crashing.
  let streamError: unknown;
  source.on("error", (e) => (streamError = e));
  const seen: string[] = [];
  let found = false;
  try {
    for await (const ws of reader as unknown as AsyncIterable<SheetReader>) {
      seen.push(ws.name);
      if (found || (sheet !== undefined && ws.name !== sheet)) {
        // Read past the other sheets rather than stop: exceljs parks worksheets that come before the shared strings in
        // temp files and removes them itself once read; abandoning it mid-way let a parked file be opened after removal
        // (an uncaught ENOENT, seen once in CI).
        for await (const _row of ws) void _row;
        continue;
      }
      found = true;
      for await (const row of ws) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        let cellErrors: RawRow["cellErrors"];
        for (let i = 1; i < values.length; i++) {
          const r = xlsxCellText(values[i]);
          if ("text" in r) cells.push(r.text);
          else {
            cells.push("");
            (cellErrors ??= []).push({ index: i - 1, reason: r.error });
          }
        }
        yield [cellErrors ? { rowNumber: row.number, cells, cellErrors } : { rowNumber: row.number, cells }];
      }
    }
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const detail = err instanceof Error ? err.message : String(err);
    throw new ImportError([{ file, reason: `cannot read the XLSX file (damaged or truncated?): ${detail}` }]);
  } finally {
    source.destroy();
  }
  if (streamError) throw new ImportError([{ file, reason: `cannot read the XLSX file: ${String(streamError)}` }]);
  if (!found) {
    const reason = sheet === undefined ? "the workbook has no worksheet" : `no worksheet named "${sheet}" (found: ${seen.join(", ") || "none"})`;
    throw new ImportError([{ file, reason }]);
  }
}
