/**
 * The demo's officially reported figures (data/official-figures.csv): the shared province file and the national and
 * regional file, in one file of the import format (docs/import-format-records.md, "Official figures"), rows in a fixed
 * order. Why derived and committed: `../shared` exists only on development and CI machines, while a fresh clone's
 * `pnpm start` imports these figures through the real importer; national-data.test.ts checks the committed file
 * equals what this derives. The figures are public facts, copied as their sources give them, never edited.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { OFFICIAL_FIGURE_COLUMNS } from "../../import/records/index.js";
import { toCsv } from "../csv.js";

export const OFFICIAL_FIGURES_FILE = path.resolve(import.meta.dirname, "../data/official-figures.csv");
const SOURCE_FILES = ["national-regional-figures.csv", "province-figures.csv"] as const;

type Row = Record<string, string>;

/** Country first, then regions, then provinces by code; within a unit by year, then source. */
function order(a: Row, b: Row): number {
  const rank = (r: Row) => (r.level === "national" ? 0 : r.level === "region" ? 1 : 2);
  const unit = (r: Row) => r.province_code || r.name || "";
  return rank(a) - rank(b) || unit(a).localeCompare(unit(b), "vi") || Number(a.review_year) - Number(b.review_year) ||
    (a.source_title ?? "").localeCompare(b.source_title ?? "", "vi") || (a.source_publisher ?? "").localeCompare(b.source_publisher ?? "", "vi");
}

/** Reads both shared files (in `figuresDir`, e.g. ../shared/data/official-figures) and returns the combined file. */
export function deriveOfficialFigures(figuresDir: string): { text: string; rows: number } {
  const known = new Set(OFFICIAL_FIGURE_COLUMNS.map((c) => c.key));
  const rows: Row[] = [];
  for (const name of SOURCE_FILES) {
    const records = parse(fs.readFileSync(path.join(figuresDir, name), "utf8"), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
    for (const r of records) {
      const unknown = Object.keys(r).filter((k) => !known.has(k));
      if (unknown.length) throw new Error(`${name}: columns ${unknown.join(", ")} are not in the import format`);
      rows.push(r);
    }
  }
  rows.sort(order);
  return { text: toCsv(OFFICIAL_FIGURE_COLUMNS, rows), rows: rows.length };
}
