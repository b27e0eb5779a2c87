/**
 * What one household import changed, for the CLI and the ImportBatch audit row. Why per commune: a re-import replaces
 * whole commune-years, and the officer must see which communes moved and how their poverty counts changed.
 */
import type { HouseholdClass } from "@minhbach/core/standards/standards.ts";

export type ClassCounts = Record<HouseholdClass, number> & { households: number };

export interface CommuneChange {
  commune: string;
  before: ClassCounts;
  after: ClassCounts;
  added: number;
  removed: number;
  changed: number;
}

export interface ClassMismatch {
  row: number;
  recorded: string;
  computed: HouseholdClass;
}

export interface ImportSummary {
  importId: number;
  file: string;
  sha256: string;
  year: number;
  standard: string;
  rows: number;
  droppedColumns: string[];
  communes: CommuneChange[];
  totals: Omit<CommuneChange, "commune">;
  /** Rows whose recorded review category disagrees with the class computed by the standard (a warning). */
  classMismatches: { count: number; examples: ClassMismatch[] };
  seconds: number;
  rowsPerSecond: number;
}

export function emptyCounts(): ClassCounts {
  return { households: 0, POOR: 0, NEAR_POOR: 0, NOT_POOR: 0 };
}

const fmtCounts = (c: ClassCounts) => `${c.households} hộ (nghèo ${c.POOR}, cận nghèo ${c.NEAR_POOR}, không nghèo ${c.NOT_POOR})`;

export function formatSummary(s: ImportSummary): string {
  const lines = [
    `Imported ${s.rows} households from ${s.file} for the ${s.year} review (standard ${s.standard}); import #${s.importId}.`,
    `  ${s.communes.length} commune(s) replaced: +${s.totals.added} added, -${s.totals.removed} removed, ${s.totals.changed} changed.`,
    `  before: ${fmtCounts(s.totals.before)}`,
    `  after:  ${fmtCounts(s.totals.after)}`,
  ];
  for (const c of s.communes) {
    lines.push(`  commune ${c.commune}: +${c.added} -${c.removed} ~${c.changed}; ${fmtCounts(c.before)} → ${fmtCounts(c.after)}`);
  }
  if (s.droppedColumns.length) lines.push(`  personal columns dropped unread: ${s.droppedColumns.join(", ")}`);
  if (s.classMismatches.count) {
    const ex = s.classMismatches.examples.map((e) => `row ${e.row} (${e.recorded} → ${e.computed})`).join(", ");
    lines.push(`  warning: ${s.classMismatches.count} row(s) whose review category disagrees with ${s.standard}, e.g. ${ex}`);
  }
  lines.push(`  ${s.rows} rows in ${s.seconds.toFixed(2)} s (${Math.round(s.rowsPerSecond)} rows/s)`);
  return lines.join("\n");
}
