/** Reads projects: by code, pages of all projects or of a unit's projects (a unit lists the projects of its villages). */
import type { PublicModels } from "@minhbach/db/public.ts";
import { lazy, slicePage, type Page } from "../common/connection.js";
import type { Lang } from "../common/lang.js";
import { safeNumber } from "../common/scalars.js";
import { checkDeadline, type ApiContext } from "../context.js";
import { loaderKey } from "../store/loaders.js";
import { derivedView } from "../store/row-cache.js";
import { Project, ProjectFunding } from "./project.type.js";

/** One Project per cached row, language and k (see derivedView). */
const toProject = (ctx: ApiContext, row: PublicModels.PubProject): Project => {
  const k = ctx.releases.disclosureK(row.releaseId);
  return derivedView(row, `${ctx.lang}\u0000${k}`, () => Project.from(row, ctx.lang as Lang, k));
};

export async function projectByCode(ctx: ApiContext, releaseId: string, code: string): Promise<Project | null> {
  checkDeadline(ctx);
  const row = await ctx.loaders.project.load(loaderKey(releaseId, code));
  return row ? toProject(ctx, row) : null;
}

export async function listProjects(
  ctx: ApiContext, releaseId: string, opts: { unitCode?: string | null; first: number; after?: string },
): Promise<Page<Project>> {
  checkDeadline(ctx);
  if (opts.unitCode) {
    const links = await ctx.loaders.projectLinks.load(loaderKey(releaseId, opts.unitCode));
    const codes = [...new Set(links.map((l) => l.projectCode))].sort();
    const page = slicePage(codes, (c) => c, opts.first, opts.after);
    const rows = await ctx.loaders.project.loadMany(page.items.map((c) => loaderKey(releaseId, c)));
    return { ...page, items: rows.flatMap((r) => (r && !(r instanceof Error) ? [toProject(ctx, r)] : [])) };
  }
  const rows = await ctx.store.db.pubProject.findMany({
    where: { releaseId, ...(opts.after !== undefined ? { code: { gt: opts.after } } : {}) },
    orderBy: { code: "asc" },
    take: opts.first + 1,
  });
  return {
    items: rows.slice(0, opts.first).map((r) => toProject(ctx, r)),
    hasNextPage: rows.length > opts.first,
    hasPreviousPage: opts.after !== undefined,
    totalCount: lazy(() => ctx.store.db.pubProject.count({ where: { releaseId } })),
  };
}

export async function villageCodesOf(ctx: ApiContext, project: Project): Promise<string[]> {
  checkDeadline(ctx);
  const links = await ctx.loaders.projectUnits.load(loaderKey(project.releaseId, project.code));
  return links.map((l) => l.unitCode).sort();
}

export async function fundingOf(ctx: ApiContext, project: Project): Promise<ProjectFunding[]> {
  checkDeadline(ctx);
  const rows = await ctx.loaders.funding.load(loaderKey(project.releaseId, project.code));
  return rows.map((f) => Object.assign(new ProjectFunding(), {
    source: f.fundingSource, budgetVnd: safeNumber(f.budgetVnd), disbursedVnd: safeNumber(f.disbursedVnd), lang: ctx.lang,
  }));
}
