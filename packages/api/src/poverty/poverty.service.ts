/** Builds PovertyStat objects from PubUnitYear and PubCell rows (batched), with rates and notes in the request's language. */
import { countMeasure, rateMeasure, type CellLike, type NoteContext } from "@minhbach/core/release/rates.ts";
import { coverageChildLevel, coverageNote, isCompleteCoverage } from "@minhbach/core/release/labels.ts";
import { Measure } from "../common/measure.type.js";
import { checkDeadline, type ApiContext } from "../context.js";
import { indicatorsOf } from "../indicator/indicator.service.js";
import type { Lang } from "../common/lang.js";
import type { PublicModels } from "@minhbach/db/public.ts";
import { loaderKey } from "../store/loaders.js";
import { derivedView } from "../store/row-cache.js";
import { Coverage, DeprivationShare, PovertyStat } from "./poverty.type.js";

type UnitYearRow = PublicModels.PubUnitYear;
type CellRow = PublicModels.PubCell;

const COUNTS = ["households", "poor", "nearPoor", "newlyPoor", "rePoor", "escapedPoor", "newlyNearPoor", "escapedNearPoor", "projectParticipants"] as const;

/** The unit a series is read for: its code, and its level (which words its coverage: villages or communes). */
export interface SeriesUnit {
  code: string;
  level: string;
}

/** All review years of a unit (oldest first), or one year. */
export async function povertyOf(ctx: ApiContext, releaseId: string, unit: SeriesUnit, year?: number | null): Promise<PovertyStat[]> {
  checkDeadline(ctx);
  const key = loaderKey(releaseId, unit.code);
  const [years, cells] = await Promise.all([ctx.loaders.unitYears.load(key), ctx.loaders.cells.load(key)]);
  const k = ctx.releases.disclosureK(releaseId);
  const lang = ctx.lang as Lang;
  // Per-release memo on the cached row arrays (both of them): the stats are pure functions of the rows, language and k.
  const byCells = derivedView(years, "poverty", () => new WeakMap<object, Map<string, PovertyStat[]>>());
  let byKey = byCells.get(cells);
  if (!byKey) byCells.set(cells, (byKey = new Map()));
  let stats = byKey.get(`${lang}\u0000${k}`);
  if (!stats) byKey.set(`${lang}\u0000${k}`, (stats = buildStats(years, cells, releaseId, unit, lang, k)));
  return year === null || year === undefined ? stats : stats.filter((s) => s.year === year);
}

function buildStats(years: readonly UnitYearRow[], cells: readonly CellRow[], releaseId: string, unit: SeriesUnit, lang: Lang, k: number | undefined): PovertyStat[] {
  const byYear = new Map<number, Map<string, CellLike>>();
  for (const c of cells) {
    const m = byYear.get(c.year) ?? new Map<string, CellLike>();
    m.set(c.measure, c);
    byYear.set(c.year, m);
  }
  return years.map((y) => {
    const coverage = coverageOf(y);
    const complete = isCompleteCoverage(coverage);
    const notes: NoteContext = { k, notAvailable: complete ? undefined : coverageNote(coverage!, y.year, coverageChildLevel(unit.level), lang) };
    // An incomplete unit-year never shows a total, whatever its cells say (the publish step writes them NOT_AVAILABLE).
    const m = complete ? (byYear.get(y.year) ?? new Map<string, CellLike>()) : new Map<string, CellLike>();
    const stat = new PovertyStat();
    for (const name of COUNTS) stat[name] = Measure.of(countMeasure(m.get(name), lang, notes));
    stat.poorRate = Measure.of(rateMeasure(m.get("poor"), m.get("households"), lang, notes));
    stat.nearPoorRate = Measure.of(rateMeasure(m.get("nearPoor"), m.get("households"), lang, notes));
    stat.lacking = new Map();
    for (const [measure, cell] of m) {
      if (!measure.startsWith("lacking.")) continue;
      stat.lacking.set(measure.slice("lacking.".length), {
        households: Measure.of(countMeasure(cell, lang, notes)),
        share: Measure.of(rateMeasure(cell, m.get("households"), lang, notes)),
      });
    }
    return Object.assign(stat, { year: y.year, synthetic: y.synthetic, coverage, notAvailableNote: notes.notAvailable, releaseId, unitCode: unit.code,
      standardId: y.standardId, sourceIds: y.sourceIds });
  });
}

function coverageOf(y: UnitYearRow): Coverage | null {
  if (y.coverageReported === null || y.coverageExpected === null) return null;
  return Object.assign(new Coverage(), { reported: y.coverageReported, expected: y.coverageExpected, complete: y.coverageReported >= y.coverageExpected });
}

/** One entry per indicator of the year's standard, in official order; missing cells are NOT_AVAILABLE. */
export async function deprivationsOf(ctx: ApiContext, stat: PovertyStat): Promise<DeprivationShare[]> {
  const lang = ctx.lang as Lang;
  const indicators = await indicatorsOf(ctx, stat.releaseId, stat.standardId, lang);
  return indicators.map((indicator) => {
    const found = stat.lacking.get(indicator.code);
    const missing = Measure.of(countMeasure(undefined, lang, { notAvailable: stat.notAvailableNote }));
    return Object.assign(new DeprivationShare(), { indicator, households: found?.households ?? missing, share: found?.share ?? missing });
  });
}
