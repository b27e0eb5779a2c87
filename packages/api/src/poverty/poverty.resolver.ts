/** Field resolvers of PovertyStat: its standard, deprivations and sources (batched). */
import "reflect-metadata";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ApiContext } from "../context.js";
import { standardById } from "../indicator/indicator.service.js";
import { PovertyStandard } from "../indicator/indicator.type.js";
import { sourcesFor } from "../source/source.service.js";
import { Source } from "../source/source.type.js";
import { deprivationsOf } from "./poverty.service.js";
import { DeprivationShare, PovertyStat } from "./poverty.type.js";

@Resolver(() => PovertyStat)
export class PovertyStatResolver {
  @FieldResolver(() => PovertyStandard, { description: "The poverty standard the review applied (ND07-2021 for 2021–2026, ND351-2025 for 2027–2030)." })
  async standard(@Root() stat: PovertyStat, @Ctx() ctx: ApiContext): Promise<PovertyStandard> {
    const found = await standardById(ctx, stat.releaseId, stat.standardId);
    if (!found) throw new Error(`Release ${stat.releaseId} names standard ${stat.standardId} but does not publish it`);
    return found;
  }

  @FieldResolver(() => [DeprivationShare], { description: "Households lacking each indicator of the standard, in official order." })
  deprivations(@Root() stat: PovertyStat, @Ctx() ctx: ApiContext): Promise<DeprivationShare[]> {
    return deprivationsOf(ctx, stat);
  }

  @FieldResolver(() => [Source], { description: "Where this year's figures for the unit come from." })
  sources(@Root() stat: PovertyStat, @Ctx() ctx: ApiContext): Promise<Source[]> {
    return sourcesFor(ctx, stat.releaseId, stat.sourceIds);
  }
}
