/** Resolves the JSON source-id lists stored beside figures into Source objects, batched. */
import type { ApiContext } from "../context.js";
import { checkDeadline } from "../context.js";
import { loaderKey } from "../store/loaders.js";
import { derivedView } from "../store/row-cache.js";
import { Source } from "./source.type.js";

export function parseIds(json: string): string[] {
  try {
    const ids = JSON.parse(json) as unknown;
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

export async function sourcesFor(ctx: ApiContext, releaseId: string, sourceIdsJson: string | string[]): Promise<Source[]> {
  checkDeadline(ctx);
  const ids = Array.isArray(sourceIdsJson) ? sourceIdsJson : parseIds(sourceIdsJson);
  const rows = await ctx.loaders.source.loadMany(ids.map((id) => loaderKey(releaseId, id)));
  return rows.flatMap((r) => (r && !(r instanceof Error) ? [derivedView(r, "source", () => Source.from(r))] : []));
}

/** One source by id (null when the release has none by that id: the publish step writes every cited source). */
export async function sourceOf(ctx: ApiContext, releaseId: string, id: string): Promise<Source | null> {
  return (await sourcesFor(ctx, releaseId, [id]))[0] ?? null;
}

export async function allSources(ctx: ApiContext, releaseId: string): Promise<Source[]> {
  const rows = await ctx.store.db.pubSource.findMany({ where: { releaseId }, orderBy: { id: "asc" } });
  return rows.map(Source.from);
}
