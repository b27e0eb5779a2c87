/** Reads credit and jobs rows of a unit (batched) into CreditStat / JobsStat. */
import { countMeasure } from "@minhbach/core/release/rates.ts";
import type { Lang } from "../common/lang.js";
import { Measure } from "../common/measure.type.js";
import { safeNumber } from "../common/scalars.js";
import { checkDeadline, type ApiContext } from "../context.js";
import { loaderKey } from "../store/loaders.js";
import { derivedView } from "../store/row-cache.js";
import { CreditStat, JobsStat } from "./support.type.js";

export async function creditOf(ctx: ApiContext, releaseId: string, unitCode: string, year?: number | null): Promise<CreditStat[]> {
  checkDeadline(ctx);
  const k = ctx.releases.disclosureK(releaseId);
  const rows = await ctx.loaders.credit.load(loaderKey(releaseId, unitCode));
  const all = derivedView(rows, `credit\u0000${ctx.lang}\u0000${k}`, () => rows.map((r) => Object.assign(new CreditStat(), {
      year: r.year, programme: r.programme, outstandingVnd: safeNumber(r.outstandingVnd), synthetic: r.synthetic, releaseId, sourceIds: r.sourceIds,
      loanTurns: Measure.of(countMeasure({ value: r.loanTurnsValue, status: r.loanTurnsStatus }, ctx.lang as Lang, k)),
    })));
  return year === null || year === undefined ? all : all.filter((s) => s.year === year);
}

export async function jobsOf(ctx: ApiContext, releaseId: string, unitCode: string, year?: number | null): Promise<JobsStat[]> {
  checkDeadline(ctx);
  const k = ctx.releases.disclosureK(releaseId);
  const lang = ctx.lang as Lang;
  const rows = await ctx.loaders.jobs.load(loaderKey(releaseId, unitCode));
  const all = derivedView(rows, `jobs\u0000${lang}\u0000${k}`, () => rows.map((r) => Object.assign(new JobsStat(), {
      year: r.year, synthetic: r.synthetic, releaseId, sourceIds: r.sourceIds,
      domestic: Measure.of(countMeasure({ value: r.domesticValue, status: r.domesticStatus }, lang, k)),
      abroad: Measure.of(countMeasure({ value: r.abroadValue, status: r.abroadStatus }, lang, k)),
    })));
  return year === null || year === undefined ? all : all.filter((s) => s.year === year);
}
