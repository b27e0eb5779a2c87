/**
 * Test helpers that write import files in code: CSV in UTF-8 or a legacy encoding, and real XLSX workbooks. Why in
 * code: fixtures in TCVN3/VNI/CP1258 cannot be reviewed as text, and generated files show exactly what is tested.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { tempDir as testTempDir } from "@minhbach/db/test-temp-dir.ts";
import { encodeVni } from "./vni.js";

export type FileEncoding = "UTF-8" | "UTF-8-BOM" | "TCVN3" | "VNI" | "WINDOWS-1258";

/** A fresh folder for the calling test, removed when it finishes (one helper for every package's tests). */
export function tempDir(prefix = "minhbach-import-"): string {
  return testTempDir(prefix);
}

/** Windows-1258 keeps â ê ô ơ ư ă đ precomposed and writes tones as combining marks after them. */
export function encode1258(text: string): Buffer {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const nfd = ch.normalize("NFD");
    const tones = nfd.replace(/[^\u0300\u0301\u0303\u0309\u0323]/g, "");
    out += nfd.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, "").normalize("NFC") + tones;
  }
  return iconv.encode(out, "windows-1258");
}

export function encodeText(text: string, encoding: FileEncoding): Buffer {
  switch (encoding) {
    case "UTF-8":
      return Buffer.from(text, "utf8");
    case "UTF-8-BOM":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "TCVN3":
      return iconv.encode(text, "tcvn");
    case "VNI":
      return encodeVni(text);
    case "WINDOWS-1258":
      return encode1258(text);
  }
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export function writeCsv(dir: string, name: string, rows: readonly (readonly (string | number)[])[], encoding: FileEncoding = "UTF-8"): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, encodeText(csvText(rows), encoding));
  return file;
}

/** A real workbook; cells may be formula objects ({ formula, result }) to test formula handling. */
export async function writeXlsx(
  dir: string,
  name: string,
  sheets: { name: string; rows: readonly (readonly unknown[])[] }[],
): Promise<string> {
  const file = path.join(dir, name);
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow([...r]);
  }
  await wb.xlsx.writeFile(file);
  return file;
}
