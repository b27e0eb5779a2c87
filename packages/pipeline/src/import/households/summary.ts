/**
 * What one household import changes, for the CLI, the confirmation and the ImportBatch audit row. Why per village: a
 * re-import replaces exactly the village-years its file names (docs/import-format.md), so the officer must see, before
 * anything is stored, which villages move and whether any household would be removed; the communes are their sums.
 */
import type { HouseholdClass } from "@minhbach/core/standards/standards.ts";

export type ClassCounts = Record<HouseholdClass, number> & { households: number };

/** What an import changes in one unit: households before and after (by class), and how many were added, removed, or
 *  kept with a field changed. For every unit, before − removed + added = after. */
export interface UnitChange {
  before: ClassCounts;
  after: ClassCounts;
  added: number;
  removed: number;
  changed: number;
}

export interface VillageChange extends UnitChange {
  village: string;
  /** the village's commune at the review year */
  commune: string;
}

/** The sums of the file's villages in one commune (its other villages are not touched, so not counted). */
export interface CommuneChange extends UnitChange {
  commune: string;
}

/** What an import would change, measured inside its transaction before anything is replaced: what `confirm` sees. */
export interface ImportChange {
  file: string;
  year: number;
  rows: number;
  /** every village the file names, by code; the village-years the import replaces */
  villages: VillageChange[];
  communes: CommuneChange[];
  totals: UnitChange;
}

export interface ClassMismatch {
  row: number;
  recorded: string;
  computed: HouseholdClass;
}

/** Stored as the batch's summary. Older batches' summaries have no `villages` (they replaced whole communes). */
export interface ImportSummary extends ImportChange {
  importId: number;
  sha256: string;
  standard: string;
  droppedColumns: string[];
  /** Rows whose recorded review category disagrees with the class computed by the standard (a warning). */
  classMismatches: { count: number; examples: ClassMismatch[] };
  seconds: number;
  rowsPerSecond: number;
}

export function emptyCounts(): ClassCounts {
  return { households: 0, POOR: 0, NEAR_POOR: 0, NOT_POOR: 0 };
}

export function emptyChange(): UnitChange {
  return { before: emptyCounts(), after: emptyCounts(), added: 0, removed: 0, changed: 0 };
}

function addCounts(a: ClassCounts, b: ClassCounts): void {
  for (const k of Object.keys(a) as (keyof ClassCounts)[]) a[k] += b[k];
}

export function addChange(to: UnitChange, c: UnitChange): void {
  addCounts(to.before, c.before);
  addCounts(to.after, c.after);
  to.added += c.added;
  to.removed += c.removed;
  to.changed += c.changed;
}

/** The per-village changes, sorted by village, with their sums per commune and in all. */
export function importChange(file: string, year: number, rows: number, byVillage: Iterable<VillageChange>): ImportChange {
  const villages = [...byVillage].sort((a, b) => (a.village < b.village ? -1 : a.village > b.village ? 1 : 0));
  const communes = new Map<string, CommuneChange>();
  const totals = emptyChange();
  for (const v of villages) {
    let c = communes.get(v.commune);
    if (!c) communes.set(v.commune, (c = { commune: v.commune, ...emptyChange() }));
    addChange(c, v);
    addChange(totals, v);
  }
  return { file, year, rows, villages, communes: [...communes.values()].sort((a, b) => a.commune.localeCompare(b.commune)), totals };
}

/** Villages that would lose households: the import then needs a confirmation (or --yes). */
export function villagesLosing(change: ImportChange): VillageChange[] {
  return change.villages.filter((v) => v.removed > 0);
}

const fmtCounts = (c: ClassCounts) => `${c.households} hộ (nghèo ${c.POOR}, cận nghèo ${c.NEAR_POOR}, không nghèo ${c.NOT_POOR})`;
const fmtMoves = (c: UnitChange) => `+${c.added} added, -${c.removed} removed, ${c.changed} changed`;

/** One line per village of the file, shown before the import commits. */
export function formatChange(c: ImportChange): string {
  const lines = [
    `${c.file}, ${c.year} review: replaces ${c.villages.length} village(s) in ${c.communes.length} commune(s); ` +
      `households ${c.totals.before.households} → ${c.totals.after.households} (${fmtMoves(c.totals)}); other villages are not touched.`,
  ];
  for (const v of c.villages) {
    lines.push(`  village ${v.village} (commune ${v.commune}): ${v.before.households} → ${v.after.households} households; ${fmtMoves(v)}`);
  }
  return lines.join("\n");
}

export function formatSummary(s: ImportSummary): string {
  const lines = [
    `Imported ${s.rows} households from ${s.file} for the ${s.year} review (standard ${s.standard}); import #${s.importId}.`,
    `  ${s.villages.length} village(s) in ${s.communes.length} commune(s) replaced: ${fmtMoves(s.totals)}.`,
    `  before: ${fmtCounts(s.totals.before)}`,
    `  after:  ${fmtCounts(s.totals.after)}`,
  ];
  for (const c of s.communes) {
    lines.push(`  commune ${c.commune} (its villages in the file): +${c.added} -${c.removed} ~${c.changed}; ${fmtCounts(c.before)} → ${fmtCounts(c.after)}`);
  }
  if (s.droppedColumns.length) lines.push(`  personal columns dropped unread: ${s.droppedColumns.join(", ")}`);
  if (s.classMismatches.count) {
    const ex = s.classMismatches.examples.map((e) => `row ${e.row} (${e.recorded} → ${e.computed})`).join(", ");
    lines.push(`  warning: ${s.classMismatches.count} row(s) whose review category disagrees with ${s.standard}, e.g. ${ex}`);
  }
  lines.push(`  ${s.rows} rows in ${s.seconds.toFixed(2)} s (${Math.round(s.rowsPerSecond)} rows/s)`);
  return lines.join("\n");
}
