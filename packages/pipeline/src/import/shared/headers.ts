/**
 * Matches a file's header row to the canonical columns, and recognises personal-data columns. Why here: every importer
 * must accept the headers officers actually type ("MÃ HỘ", "ma ho", "household_id") and must never let a name, ID-card
 * number, phone number or address into the store.
 */
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import type { ColumnSpec } from "@minhbach/core/households/columns.ts";
import { ImportError, type ImportProblem } from "./problems.js";

/** Case, diacritics, spacing and punctuation are ignored: "Mã  thôn/bản" → "mathonban", "household_id" → "householdid". */
export function normaliseHeader(header: string): string {
  return foldVietnamese(header).replace(/[^a-z0-9]/g, "");
}

export type PersonalDataKind = "name" | "ID-card number" | "phone number" | "address" | "date of birth";

/** Patterns over the folded header with single spaces (word boundaries matter: "ten" but not "tien"). */
const PERSONAL_PATTERNS: readonly [RegExp, PersonalDataKind][] = [
  [/\b(ho (va )?ten|ten chu ho|chu ho|ten thanh vien|ten nguoi|nguoi dai dien|(full |given |family |last |first )?name|ten)\b/, "name"],
  [/\b(cmnd|cccd|cmt|can cuoc|chung minh|dinh danh|so dinh danh|id card|national id|identity|passport|ho chieu)\b/, "ID-card number"],
  [/\b(dien thoai|sdt|so dt|dt di dong|di dong|phone|mobile|tel|zalo|email|thu dien tu)\b/, "phone number"],
  [/\b(dia chi|noi o|cho o|so nha|address)\b/, "address"],
  [/\b(ngay sinh|nam sinh|ngay thang nam sinh|date of birth|birth ?date|dob)\b/, "date of birth"],
];

export function personalDataKind(header: string): PersonalDataKind | undefined {
  const folded = foldVietnamese(header).replace(/[^a-z0-9]+/g, " ").trim();
  for (const [pattern, kind] of PERSONAL_PATTERNS) if (pattern.test(folded)) return kind;
  return undefined;
}

/** Where each canonical column sits in the file. */
export interface ColumnPlan {
  /** Zero-based position of each matched column, with its canonical spec and the header as written. */
  fields: { index: number; spec: ColumnSpec; header: string }[];
  /** Positions with a blank header: they must stay empty. */
  unnamed: number[];
  /** Personal-data headers that were dropped unread. */
  dropped: string[];
}

export function planColumns(
  file: string,
  headers: readonly string[],
  columns: readonly ColumnSpec[],
  dropPersonal: boolean,
  headerRow = 1,
): ColumnPlan {
  const byName = new Map<string, ColumnSpec>();
  for (const spec of columns) {
    for (const name of [spec.key, spec.headerVi, ...(spec.aliases ?? [])]) {
      const n = normaliseHeader(name);
      if (!byName.has(n)) byName.set(n, spec);
    }
  }
  const problems: ImportProblem[] = [];
  const plan: ColumnPlan = { fields: [], unnamed: [], dropped: [] };
  const seen = new Map<string, string>();
  headers.forEach((raw, index) => {
    const header = raw.trim();
    if (header === "") return void plan.unnamed.push(index);
    const spec = byName.get(normaliseHeader(header));
    if (spec) {
      const earlier = seen.get(spec.key);
      if (earlier !== undefined) {
        problems.push({ file, row: headerRow, column: header, reason: `the column "${spec.headerVi}" appears twice (also as "${earlier}")` });
      } else {
        seen.set(spec.key, header);
        plan.fields.push({ index, spec, header });
      }
      return;
    }
    const kind = personalDataKind(header);
    if (kind && dropPersonal) return void plan.dropped.push(header);
    if (kind) {
      problems.push({
        file,
        row: headerRow,
        column: header,
        reason: `looks like personal data (${kind}); such columns are refused. Delete the column, or run with --drop-personal-columns to skip it unread`,
      });
      return;
    }
    problems.push({ file, row: headerRow, column: header, reason: `unknown column; expected one of: ${columns.map((c) => c.headerVi).join(", ")}` });
  });
  for (const spec of columns) {
    if (spec.required && !seen.has(spec.key)) {
      problems.push({ file, row: headerRow, column: spec.headerVi, reason: `required column "${spec.headerVi}" (${spec.key}) is missing` });
    }
  }
  if (problems.length > 0) throw new ImportError(problems);
  return plan;
}
