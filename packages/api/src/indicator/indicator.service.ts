/** Standards and indicators of a release, batched. */
import type { ApiContext } from "../context.js";
import { checkDeadline } from "../context.js";
import type { Lang } from "../common/lang.js";
import { loaderKey } from "../store/loaders.js";
import { Indicator, PovertyStandard } from "./indicator.type.js";

export async function standardById(ctx: ApiContext, releaseId: string, id: string): Promise<PovertyStandard | null> {
  checkDeadline(ctx);
  const row = await ctx.loaders.standard.load(loaderKey(releaseId, id));
  return row ? PovertyStandard.from(row) : null;
}

export async function indicatorsOf(ctx: ApiContext, releaseId: string, standardId: string, lang: Lang): Promise<Indicator[]> {
  checkDeadline(ctx);
  const rows = await ctx.loaders.indicators.load(loaderKey(releaseId, standardId));
  return rows.map((r) => Indicator.from(r, lang));
}

export async function standardsOf(ctx: ApiContext, releaseId: string): Promise<PovertyStandard[]> {
  const rows = await ctx.store.db.pubStandard.findMany({ where: { releaseId }, orderBy: { fromYear: "asc" } });
  return rows.map(PovertyStandard.from);
}

/** The standard in force for the release's latest year, when none is named. */
export async function defaultStandardId(ctx: ApiContext, releaseId: string): Promise<string | undefined> {
  const standards = await standardsOf(ctx, releaseId);
  return standards.at(-1)?.id;
}
