/** Query.indicators: the deprivation indicators of a standard, labelled in VI or EN. */
import "reflect-metadata";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Lang } from "../common/lang.js";
import type { ApiContext } from "../context.js";
import { defaultStandardId, indicatorsOf } from "./indicator.service.js";
import { Indicator, PovertyStandard } from "./indicator.type.js";

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => [Indicator], { description: "Deprivation indicators of a poverty standard, in official order (the latest release's newest standard when omitted)." })
  async indicators(
    @Ctx() ctx: ApiContext,
    @Arg("standard", () => ID, { nullable: true, description: "Standard id, e.g. ND07-2021." }) standard?: string,
    @Arg("lang", () => Lang, { nullable: true, description: "Language of labels (else Accept-Language, else Vietnamese)." }) lang?: Lang,
    @Arg("release", () => ID, { nullable: true, description: "Release id; the latest when omitted." }) release?: string,
  ): Promise<Indicator[]> {
    const rel = ctx.releases.resolve(release);
    const id = standard ?? (await defaultStandardId(ctx, rel.id));
    return id ? indicatorsOf(ctx, rel.id, id, lang ?? (ctx.lang as Lang)) : [];
  }
}

@Resolver(() => PovertyStandard)
export class PovertyStandardResolver {
  @FieldResolver(() => [Indicator], { description: "The standard's deprivation indicators, in official order." })
  indicators(
    @Root() standard: PovertyStandard,
    @Ctx() ctx: ApiContext,
    @Arg("lang", () => Lang, { nullable: true, description: "Language of labels." }) lang?: Lang,
  ): Promise<Indicator[]> {
    return indicatorsOf(ctx, standard.releaseId, standard.id, lang ?? (ctx.lang as Lang));
  }
}
