/**
 * A minimal deterministic CSV writer (UTF-8, "\n", RFC 4180 quoting). Why not a library: the demo files must be
 * byte-identical for a seed, and the rules here are few and fixed.
 */
import type { ColumnSpec } from "@minhbach/core/households/columns.ts";

export type Cell = string | number | bigint | boolean | null | undefined;

function cell(v: Cell): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "boolean" ? (v ? "1" : "0") : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text with the Vietnamese headers of `columns`; each row is keyed by column key. */
export function toCsv(columns: readonly ColumnSpec[], rows: readonly Record<string, Cell>[]): string {
  const lines = [columns.map((c) => cell(c.headerVi)).join(",")];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c.key])).join(","));
  return lines.join("\n") + "\n";
}
