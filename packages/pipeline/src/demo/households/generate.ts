/**
 * Generates the five yearly review files (2021–2025) of the demo from the household panel. Why one pass over the
 * years: each review's categories depend on the households' earlier classes, and the panel moves between reviews.
 */
import { standardForYear } from "@minhbach/core/standards/index.ts";
import { Rng } from "../random.js";
import { LUC_BINH, type DemoMap } from "../units.js";
import { assignClasses } from "./calibration.js";
import { DEFAULT_PANEL, Panel, type PanelOptions, type PovertyClass } from "./panel.js";
import { deprivationBits, incomeFor, inconsistentCategory, reviewCategory, type HouseholdRow } from "./rows.js";

export const REVIEW_YEARS = [2021, 2022, 2023, 2024, 2025] as const;
/** Rows per review whose recorded category deliberately contradicts the computed class (never in Lục Bình). */
export const INCONSISTENT_PER_YEAR = 24;

export interface ReviewYear {
  year: number;
  rows: HouseholdRow[]; // sorted by household id
  /** Computed class per household id (what the classification of the row gives). */
  classes: Map<string, PovertyClass>;
  inconsistent: string[]; // household ids with a deliberately wrong category
}

export function generateHouseholds(map: DemoMap, seed: number, options: PanelOptions = DEFAULT_PANEL): ReviewYear[] {
  const rng = new Rng(seed, "households");
  const panel = new Panel(rng, map.communes, options);
  const out: ReviewYear[] = [];
  for (const year of REVIEW_YEARS) {
    if (year > REVIEW_YEARS[0]) panel.advance(year);
    const standard = standardForYear(year);
    const score = (h: Parameters<Panel["score"]>[0]) => panel.score(h);
    const classes = assignClasses(panel.households, year, score);
    // The welfare margin above the near-poor cut-off shapes incomes of households above the line.
    const cut = Math.max(...[...classes].filter(([, c]) => c !== "NOT_POOR").map(([h]) => score(h)));
    const rows: HouseholdRow[] = [];
    const byId = new Map<string, PovertyClass>();
    for (const h of panel.households) {
      const cls = classes.get(h)!;
      const line = h.commune.urban ? standard.incomeLine.urban : standard.incomeLine.rural;
      rows.push({
        householdId: h.id,
        villageCode: h.village,
        urban: h.commune.urban,
        size: h.size,
        income: incomeFor(rng, cls, line, year, score(h) - cut),
        category: reviewCategory(h.history, cls, year === REVIEW_YEARS[0]),
        ethnicMinority: h.ethnicMinority,
        deprivations: deprivationBits(rng, h, cls),
      });
      byId.set(h.id, cls);
      h.history.push(cls);
    }
    rows.sort((a, b) => (a.householdId < b.householdId ? -1 : 1));
    const inconsistent: string[] = [];
    const candidates = rows.filter((r) => !r.villageCode.startsWith(LUC_BINH));
    for (let i = 0; i < INCONSISTENT_PER_YEAR; i++) {
      const r = candidates[Math.floor(((i + rng.next()) * candidates.length) / INCONSISTENT_PER_YEAR)]!;
      r.category = inconsistentCategory(byId.get(r.householdId)!, i);
      inconsistent.push(r.householdId);
    }
    out.push({ year, rows, classes: byId, inconsistent });
  }
  return out;
}
