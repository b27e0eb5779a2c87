/** Sources of credit and jobs figures. */
import "reflect-metadata";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ApiContext } from "../context.js";
import { sourcesFor } from "../source/source.service.js";
import { Source } from "../source/source.type.js";
import { CreditStat, JobsStat } from "./support.type.js";

@Resolver(() => CreditStat)
export class CreditStatResolver {
  @FieldResolver(() => [Source], { description: "Where the credit figures come from." })
  sources(@Root() stat: CreditStat, @Ctx() ctx: ApiContext): Promise<Source[]> {
    return sourcesFor(ctx, stat.releaseId, stat.sourceIds);
  }
}

@Resolver(() => JobsStat)
export class JobsStatResolver {
  @FieldResolver(() => [Source], { description: "Where the jobs figures come from." })
  sources(@Root() stat: JobsStat, @Ctx() ctx: ApiContext): Promise<Source[]> {
    return sourcesFor(ctx, stat.releaseId, stat.sourceIds);
  }
}
