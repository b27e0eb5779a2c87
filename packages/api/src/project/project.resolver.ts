/** Query.project / Query.projects and the fields of Project that need other rows (villages, funding, sources). */
import "reflect-metadata";
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { decodeCursor, pageSize, toConnection } from "../common/connection.js";
import type { ApiContext } from "../context.js";
import { sourcesFor } from "../source/source.service.js";
import { Source } from "../source/source.type.js";
import { Unit } from "../unit/unit.type.js";
import { unitByCode } from "../unit/unit.service.js";
import { fundingOf, listProjects, projectByCode, villageCodesOf } from "./project.service.js";
import { Project, ProjectConnection, ProjectFunding } from "./project.type.js";

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => Project, { nullable: true, description: "A project by code (null when the release has none with that code)." })
  project(
    @Ctx() ctx: ApiContext,
    @Arg("code", () => ID, { description: "Project code." }) code: string,
    @Arg("release", () => ID, { nullable: true, description: "Release id; the latest when omitted." }) release?: string,
  ): Promise<Project | null> {
    return projectByCode(ctx, ctx.releases.resolve(release).id, code);
  }

  @Query(() => ProjectConnection, { description: "Projects, by code; with `unitCode`, the projects running in that unit or any unit below it." })
  async projects(
    @Ctx() ctx: ApiContext,
    @Arg("unitCode", () => ID, { nullable: true, description: "Only projects running in this unit (or below it)." }) unitCode?: string,
    @Arg("first", () => Int, { nullable: true, description: "Page size: default 20, max 100." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the item after which the page starts." }) after?: string,
    @Arg("release", () => ID, { nullable: true, description: "Release id; the latest when omitted." }) release?: string,
  ) {
    const page = await listProjects(ctx, ctx.releases.resolve(release).id, { unitCode, first: pageSize(first), after: decodeCursor(after) });
    return toConnection(page, (p) => p.code);
  }

  @FieldResolver(() => [Unit], { description: "Villages where the project runs." })
  async villages(@Root() project: Project, @Ctx() ctx: ApiContext): Promise<Unit[]> {
    const codes = await villageCodesOf(ctx, project);
    const units = await Promise.all(codes.map((c) => unitByCode(ctx, project.releaseId, c)));
    return units.filter((u): u is Unit => u !== null);
  }

  @FieldResolver(() => [ProjectFunding], { description: "Budget and disbursement by funding source." })
  funding(@Root() project: Project, @Ctx() ctx: ApiContext): Promise<ProjectFunding[]> {
    return fundingOf(ctx, project);
  }

  @FieldResolver(() => [Source], { description: "Where the project's figures come from." })
  sources(@Root() project: Project, @Ctx() ctx: ApiContext): Promise<Source[]> {
    return sourcesFor(ctx, project.releaseId, project.sourceIds);
  }
}
