/**
 * Streams the records of a CSV file as raw cells, refusing anything that is not UTF-8 text. Why a strict decoder: a
 * lenient one turns TCVN3 bytes into U+FFFD silently; we want a clear "this looks like TCVN3, convert it" error.
 */
import fs from "node:fs";
import { CsvSplitter, CsvSyntaxError, type SplitRecord } from "./csv-split.js";
import { guessLegacyEncoding, legacyEncodingReason } from "./encoding.js";
import { ImportError } from "./problems.js";

export interface RawRow {
  /** Line of the file (or spreadsheet row) where the record starts; the header is usually 1. */
  rowNumber: number;
  cells: string[];
  /** Cells that could not be read (spreadsheet errors), by zero-based position. */
  cellErrors?: { index: number; reason: string }[];
}

const HEAD_BYTES = 64 * 1024;

function readHead(file: string): Buffer {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    return buf.subarray(0, fs.readSync(fd, buf, 0, HEAD_BYTES, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** Refuse files that are not CSV text at all, and pick the delimiter from the first line (Excel may write ";"). */
function inspectHead(file: string, head: Buffer): string {
  const fail = (reason: string): never => {
    throw new ImportError([{ file, reason }]);
  };
  if (head.length === 0) fail("the file is empty");
  if (head[0] === 0x50 && head[1] === 0x4b) fail("this is a zip/XLSX file, not CSV; give it the .xlsx extension");
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    fail('the file is UTF-16 ("Unicode text"); save it as "CSV UTF-8" instead');
  }
  if (head.includes(0)) fail('the file contains NUL bytes (UTF-16 or binary); save it as "CSV UTF-8"');
  const firstLine = head.toString("utf8").split(/\r?\n/, 1)[0] ?? "";
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ",";
}

/** Why not TextDecoder's own error: we want to say which legacy encoding the bytes look like. */
function notUtf8(file: string, offset: number, sample: Buffer, chunk: Buffer): ImportError {
  const guess = guessLegacyEncoding(sample) ?? guessLegacyEncoding(chunk);
  const reason = guess
    ? legacyEncodingReason(guess, "bytes")
    : `the file is not valid UTF-8 (bad bytes after byte ${offset}); save it as "CSV UTF-8"`;
  return new ImportError([{ file, reason }]);
}

/** Yields the records of each chunk as one batch (one await per chunk, not per row: this is the hot loop). */
export async function* readCsvRows(file: string): AsyncGenerator<RawRow[]> {
  const head = readHead(file);
  const splitter = new CsvSplitter(inspectHead(file, head));
  const decoder = new TextDecoder("utf-8", { fatal: true }); // also drops a UTF-8 BOM
  const source = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  let offset = 0;
  const records: SplitRecord[] = [];
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw notUtf8(file, offset, offset < HEAD_BYTES ? head : chunk, chunk);
      }
      offset += chunk.length;
      splitter.push(text, records);
      if (records.length > 0) yield records.map((r) => ({ rowNumber: r.line, cells: r.cells }));
      records.length = 0;
    }
    try {
      splitter.push(decoder.decode(), records);
    } catch {
      throw new ImportError([{ file, reason: "the file ends in the middle of a UTF-8 character (truncated?)" }]);
    }
    splitter.end(records);
    if (records.length > 0) yield records.map((r) => ({ rowNumber: r.line, cells: r.cells }));
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new ImportError([{ file, row: err.line, reason: `CSV syntax error: ${err.message}` }]);
    throw err;
  } finally {
    source.destroy();
  }
}
