/**
 * A table as an XLSX workbook for spreadsheet users. Why beside the CSV: LibreOffice opens the CSV with unit codes as
 * numbers (01990 → 1990, 063 → 63) and, under a Vietnamese locale (decimal comma), rates such as 8.9 as text. Here
 * identifiers are text cells, figures number cells (rates with one decimal), hidden figures empty cells whose status
 * cell says so, headers and status words in the export's language, and a sheet says which release to cite.
 * No formula injection: exceljs writes every string as a string cell (never a formula), so names are kept unchanged.
 */
import ExcelJS from "exceljs";
import { STATUS_LABELS, type Lang } from "@minhbach/core/release/labels.ts";
import type { Column, ExportRelease, ExportTable } from "./table.js";

const NUMBER_FORMATS: Partial<Record<Column["kind"], string>> = { int: "#,##0", rate: "0.0", date: "yyyy-mm-dd" };

/** One cell's value as exceljs should store it: its type follows the column, never the value's look. */
function cellValue(column: Column, value: unknown, lang: Lang): ExcelJS.CellValue {
  if (value === null || value === undefined || value === "") return null;
  switch (column.kind) {
    case "int":
    case "rate":
      return typeof value === "number" ? value : Number(value);
    case "status":
      return STATUS_LABELS[String(value)]?.[lang] ?? String(value);
    case "flag":
      return value ? (lang === "VI" ? "có" : "yes") : (lang === "VI" ? "không" : "no");
    case "date":
      return value instanceof Date ? value : String(value);
    default:
      return String(value);
  }
}

function addDataSheet(wb: ExcelJS.Workbook, table: ExportTable): void {
  const ws = wb.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = table.columns.map((c) => ({ key: c.key, width: c.width, style: NUMBER_FORMATS[c.kind] ? { numFmt: NUMBER_FORMATS[c.kind] } : {} }));
  const header = ws.addRow(table.columns.map((c) => c.label[table.lang]));
  header.font = { bold: true };
  for (const row of table.rows) ws.addRow(table.columns.map((c, i) => cellValue(c, row[i], table.lang)));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}

/** The citation in the portal's "cite this" words, without a unit (the workbook may hold many). */
export function citation(release: ExportRelease, lang: Lang): string {
  const year = release.createdAt.getUTCFullYear();
  const day = release.createdAt.toISOString().slice(0, 10);
  return lang === "VI"
    ? `Minh Bạch (${year}). Số liệu hộ nghèo, hộ cận nghèo. Bản công bố ${release.id}, ${day}.`
    : `Minh Bạch (${year}). Poor and near-poor household figures. Release ${release.id}, ${day}.`;
}

/** Reuse terms. The repository licenses its code (AGPL-3.0-or-later) but names no licence for the data: this says
 *  only what the docs ask (cite the release) until the publisher chooses one. */
const LICENCE: Record<Lang, string> = {
  VI: "Được dùng lại số liệu đã công bố khi trích dẫn bản công bố (mã và ngày). Phần mềm: AGPL-3.0-or-later.",
  EN: "The published figures may be reused with a citation of the release (id and date). Software: AGPL-3.0-or-later.",
};

function addReleaseSheet(wb: ExcelJS.Workbook, table: ExportTable): void {
  const { release: r, lang } = table;
  const vi = lang === "VI";
  const ws = wb.addWorksheet(vi ? "bản công bố" : "release");
  ws.columns = [{ width: 24 }, { width: 90 }];
  const rows: [string, string | number][] = [
    [vi ? "Bản công bố" : "Release", r.id], [vi ? "Tiêu đề" : "Title", r.title], [vi ? "Ngày tạo" : "Created", r.createdAt.toISOString()],
    [vi ? "Mã kiểm tra (SHA-256)" : "Checksum (SHA-256)", r.checksum], [vi ? "Trích dẫn" : "Citation", citation(r, lang)], [vi ? "Giấy phép" : "Licence", LICENCE[lang]],
    [vi ? "Ngưỡng bảo vệ k (hộ)" : "Disclosure threshold k (households)", r.disclosureK ?? ""],
    [vi ? "Số liệu giả lập" : "Synthetic figures", r.synthetic ? (vi ? "Có: xem cột Số liệu giả lập của từng dòng" : "Yes: see each row's Synthetic figures column") : (vi ? "Không" : "No")],
    [vi ? "Số liệu bị ẩn" : "Hidden figures", vi ? "Ô trống, cột tình trạng ghi Ẩn (không bao giờ là 0)" : "Empty cells whose status column says Hidden (never 0)"],
  ];
  for (const [k, v] of rows) ws.addRow([k, v]).getCell(1).font = { bold: true };
}

export async function tableXlsx(table: ExportTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Minh Bạch";
  wb.created = table.release.createdAt;
  wb.modified = table.release.createdAt;
  addDataSheet(wb, table);
  addReleaseSheet(wb, table);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
