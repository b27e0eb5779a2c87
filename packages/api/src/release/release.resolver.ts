/** Query.release / releases and the fields of Release that read other rows. */
import "reflect-metadata";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { ApiContext } from "../context.js";
import { standardsOf } from "../indicator/indicator.service.js";
import { PovertyStandard } from "../indicator/indicator.type.js";
import { allSources } from "../source/source.service.js";
import { Source } from "../source/source.type.js";
import { Release } from "./release.type.js";

@Resolver(() => Release)
export class ReleaseResolver {
  @Query(() => Release, { nullable: true, description: "A complete release by id; the latest complete one when `id` is omitted. Incomplete releases are never served." })
  release(@Ctx() ctx: ApiContext, @Arg("id", () => ID, { nullable: true, description: "Release id, e.g. \"2026.1\"." }) id?: string): Release | null {
    const row = id ? ctx.releases.byId(id) : ctx.releases.latest();
    return row ? Release.from(row, ctx.releases.latest()?.id) : null;
  }

  @Query(() => [Release], { description: "All complete releases, newest first." })
  releases(@Ctx() ctx: ApiContext): Release[] {
    const latest = ctx.releases.latest()?.id;
    return [...ctx.releases.list()].reverse().map((r) => Release.from(r, latest));
  }

  @FieldResolver(() => Release, { nullable: true, description: "The release this one corrects." })
  supersedes(@Root() release: Release, @Ctx() ctx: ApiContext): Release | null {
    const row = release.supersedesId ? ctx.releases.byId(release.supersedesId) : undefined;
    return row ? Release.from(row, ctx.releases.latest()?.id) : null;
  }

  @FieldResolver(() => Release, { nullable: true, description: "The release that corrects this one, if any." })
  supersededBy(@Root() release: Release, @Ctx() ctx: ApiContext): Release | null {
    const row = ctx.releases.supersededBy(release.id);
    return row ? Release.from(row, ctx.releases.latest()?.id) : null;
  }

  @FieldResolver(() => [PovertyStandard], { description: "Poverty standards the release uses." })
  standards(@Root() release: Release, @Ctx() ctx: ApiContext): Promise<PovertyStandard[]> {
    return standardsOf(ctx, release.id);
  }

  @FieldResolver(() => [Source], { description: "Every source the release cites." })
  sources(@Root() release: Release, @Ctx() ctx: ApiContext): Promise<Source[]> {
    return allSources(ctx, release.id);
  }
}
