/**
 * CSV downloads (pure). Why these columns: one row per unit and review year, every figure beside its status, so a
 * hidden figure is an empty cell marked SUPPRESSED, never a zero, with no column saying which rule hid it; coverage
 * beside them, so an empty total of a year too few villages reported in is not read as "no data". UTF-8 with BOM so
 * spreadsheet apps show Vietnamese.
 */
import type { Fig, UnitData } from "./model.js";

const MEASURES = ["households", "poor", "nearPoor", "poorRate", "nearPoorRate", "newlyPoor", "rePoor", "escapedPoor", "projectParticipants"] as const;

export const CSV_HEADER = ["release", "unit_code", "unit_name", "level", "parent_code", "year", "standard",
  ...MEASURES.flatMap((m) => [m, `${m}_status`]), "coverage_reported", "coverage_expected", "synthetic", "source_ids"];

function cell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return values.map(cell).join(",") + "\r\n";
}

export function unitCsvRows(release: string, u: UnitData): string {
  return u.poverty.map((p) => csvLine([release, u.code, u.name, u.level, u.parentCode, p.year, p.standardId,
    ...MEASURES.flatMap((m) => { const f: Fig = p[m]; return [f.value, f.status]; }), p.coverage?.reported ?? null, p.coverage?.expected ?? null,
    p.synthetic ? 1 : 0, p.sourceIds.join(";")])).join("");
}

export const BOM = "\uFEFF";
