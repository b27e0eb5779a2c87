/** Builds PovertyStat objects from PubUnitYear and PubCell rows (batched), with rates and notes in the request's language. */
import { countMeasure, rateMeasure, type CellLike } from "@minhbach/core/release/rates.ts";
import { Measure } from "../common/measure.type.js";
import { checkDeadline, type ApiContext } from "../context.js";
import { indicatorsOf } from "../indicator/indicator.service.js";
import type { Lang } from "../common/lang.js";
import type { PublicModels } from "@minhbach/db/public.ts";
import { loaderKey } from "../store/loaders.js";
import { derivedView } from "../store/row-cache.js";
import { DeprivationShare, PovertyStat } from "./poverty.type.js";

type UnitYearRow = PublicModels.PubUnitYear;
type CellRow = PublicModels.PubCell;

const COUNTS = ["households", "poor", "nearPoor", "newlyPoor", "rePoor", "escapedPoor", "newlyNearPoor", "escapedNearPoor", "projectParticipants"] as const;

/** All review years of a unit (oldest first), or one year. */
export async function povertyOf(ctx: ApiContext, releaseId: string, unitCode: string, year?: number | null): Promise<PovertyStat[]> {
  checkDeadline(ctx);
  const key = loaderKey(releaseId, unitCode);
  const [years, cells] = await Promise.all([ctx.loaders.unitYears.load(key), ctx.loaders.cells.load(key)]);
  const k = ctx.releases.disclosureK(releaseId);
  const lang = ctx.lang as Lang;
  // Per-release memo on the cached row arrays (both of them): the stats are pure functions of the rows, language and k.
  const byCells = derivedView(years, "poverty", () => new WeakMap<object, Map<string, PovertyStat[]>>());
  let byKey = byCells.get(cells);
  if (!byKey) byCells.set(cells, (byKey = new Map()));
  let stats = byKey.get(`${lang}\u0000${k}`);
  if (!stats) byKey.set(`${lang}\u0000${k}`, (stats = buildStats(years, cells, releaseId, unitCode, lang, k)));
  return year === null || year === undefined ? stats : stats.filter((s) => s.year === year);
}

function buildStats(years: readonly UnitYearRow[], cells: readonly CellRow[], releaseId: string, unitCode: string, lang: Lang, k: number | undefined): PovertyStat[] {
  const byYear = new Map<number, Map<string, CellLike>>();
  for (const c of cells) {
    const m = byYear.get(c.year) ?? new Map<string, CellLike>();
    m.set(c.measure, c);
    byYear.set(c.year, m);
  }
  return years.map((y) => {
    const m = byYear.get(y.year) ?? new Map<string, CellLike>();
    const stat = new PovertyStat();
    for (const name of COUNTS) stat[name] = Measure.of(countMeasure(m.get(name), lang, k));
    stat.poorRate = Measure.of(rateMeasure(m.get("poor"), m.get("households"), lang, k));
    stat.nearPoorRate = Measure.of(rateMeasure(m.get("nearPoor"), m.get("households"), lang, k));
    stat.lacking = new Map();
    for (const [measure, cell] of m) {
      if (!measure.startsWith("lacking.")) continue;
      stat.lacking.set(measure.slice("lacking.".length), {
        households: Measure.of(countMeasure(cell, lang, k)),
        share: Measure.of(rateMeasure(cell, m.get("households"), lang, k)),
      });
    }
    return Object.assign(stat, { year: y.year, synthetic: y.synthetic, releaseId, unitCode, standardId: y.standardId, sourceIds: y.sourceIds });
  });
}

/** One entry per indicator of the year's standard, in official order; missing cells are NOT_AVAILABLE. */
export async function deprivationsOf(ctx: ApiContext, stat: PovertyStat): Promise<DeprivationShare[]> {
  const lang = ctx.lang as Lang;
  const indicators = await indicatorsOf(ctx, stat.releaseId, stat.standardId, lang);
  return indicators.map((indicator) => {
    const found = stat.lacking.get(indicator.code);
    const missing = Measure.of(countMeasure(undefined, lang));
    return Object.assign(new DeprivationShare(), { indicator, households: found?.households ?? missing, share: found?.share ?? missing });
  });
}
