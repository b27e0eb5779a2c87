/** Reads credit and jobs rows of a unit (batched) into CreditStat / JobsStat. */
import { countMeasure } from "@minhbach/core/release/rates.ts";
import type { Lang } from "../common/lang.js";
import { Measure } from "../common/measure.type.js";
import { safeNumber } from "../common/scalars.js";
import { checkDeadline, type ApiContext } from "../context.js";
import { loaderKey } from "../store/loaders.js";
import { CreditStat, JobsStat } from "./support.type.js";

export async function creditOf(ctx: ApiContext, releaseId: string, unitCode: string, year?: number | null): Promise<CreditStat[]> {
  checkDeadline(ctx);
  const k = ctx.releases.disclosureK(releaseId);
  const rows = await ctx.loaders.credit.load(loaderKey(releaseId, unitCode));
  return rows
    .filter((r) => year === null || year === undefined || r.year === year)
    .map((r) => Object.assign(new CreditStat(), {
      year: r.year, programme: r.programme, outstandingVnd: safeNumber(r.outstandingVnd), synthetic: r.synthetic, releaseId, sourceIds: r.sourceIds,
      loanTurns: Measure.of(countMeasure({ value: r.loanTurnsValue, status: r.loanTurnsStatus, reason: r.loanTurnsReason }, ctx.lang as Lang, k)),
    }));
}

export async function jobsOf(ctx: ApiContext, releaseId: string, unitCode: string, year?: number | null): Promise<JobsStat[]> {
  checkDeadline(ctx);
  const k = ctx.releases.disclosureK(releaseId);
  const lang = ctx.lang as Lang;
  const rows = await ctx.loaders.jobs.load(loaderKey(releaseId, unitCode));
  return rows
    .filter((r) => year === null || year === undefined || r.year === year)
    .map((r) => Object.assign(new JobsStat(), {
      year: r.year, synthetic: r.synthetic, releaseId, sourceIds: r.sourceIds,
      domestic: Measure.of(countMeasure({ value: r.domesticValue, status: r.domesticStatus, reason: r.domesticReason }, lang, k)),
      abroad: Measure.of(countMeasure({ value: r.abroadValue, status: r.abroadStatus, reason: r.abroadReason }, lang, k)),
    }));
}
