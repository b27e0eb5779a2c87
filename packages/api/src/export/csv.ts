/**
 * CSV writing (RFC 4180, UTF-8 with BOM so spreadsheet programs read Vietnamese correctly). Text starting with `=`,
 * `+`, `-`, `@`, tab or CR is prefixed with `'` (OWASP's advice against CSV formula injection): names come from
 * provincial spreadsheets, and a journalist opening the export must see `=HYPERLINK(…)` as text, not run it.
 * Numbers are written as they are (a negative number is data, not a formula).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  let text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  const formula = FORMULA_START.test(text);
  if (formula) text = `'${text}`;
  return formula || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}

export const BOM = "\uFEFF";

/** A table as CSV: the header row is the columns' fixed keys and statuses stay codes, in every language, so scripts
 *  (and the outside attacker's harvest) read any language's CSV alike; words in the language are in label columns. */
export function tableCsv(table: { columns: { key: string }[]; rows: unknown[][] }): string {
  let out = BOM + csvLine(table.columns.map((c) => c.key));
  for (const row of table.rows) out += csvLine(row);
  return out;
}
