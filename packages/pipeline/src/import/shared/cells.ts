/**
 * Cell-level rules shared by every importer: turning a spreadsheet cell into text, and refusing formula injection.
 * Why refuse "=…" cells: values are re-exported to spreadsheets (templates, reports); a stored "=HYPERLINK(…)" would
 * run in someone else's Excel (OWASP "CSV injection").
 */

/** Plain numbers may start with + or - ("-5" is then rejected by range checks, not as a formula). */
const PLAIN_NUMBER = /^[+-]?\d[\d.,\s]*$/;

/** The reason a trimmed cell is refused as a formula, or undefined when it is safe. */
export function formulaInjection(value: string): string | undefined {
  const first = value.charCodeAt(0);
  // = + - @ only; checked on the char code because this runs for every cell.
  if (first !== 0x3d && first !== 0x2b && first !== 0x2d && first !== 0x40) return undefined;
  if (PLAIN_NUMBER.test(value)) return undefined;
  return `cell starts with "${value[0]}" and would be read as a spreadsheet formula; formulas are refused (remove the leading "${value[0]}")`;
}

/** Spreadsheet value → text. Formula cells give their cached result; a formula without one is an error. */
export function xlsxCellText(value: unknown): { text: string } | { error: string } {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "string") return { text: value };
  if (typeof value === "number") return { text: String(value) };
  if (typeof value === "boolean") return { text: value ? "1" : "0" };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return { text: (v.richText as { text?: string }[]).map((r) => r.text ?? "").join("") };
    if ("formula" in v || "sharedFormula" in v) {
      if (v.result === undefined || v.result === null) {
        return { error: "formula cell without a saved value; save the file in Excel (or paste values) and try again" };
      }
      if (typeof v.result === "object" && v.result !== null && "error" in v.result) return { error: `formula error ${String((v.result as { error: unknown }).error)}` };
      return xlsxCellText(v.result);
    }
    if ("error" in v) return { error: `cell error ${String(v.error)}` };
    if ("text" in v) return { text: String(v.text) }; // hyperlink cell: keep the shown text only
  }
  return { text: String(value) };
}
