/** Reads the officially reported figures of a unit (batched) into OfficialFigure, newest year first, then by source. */
import { checkDeadline, type ApiContext } from "../context.js";
import { loaderKey } from "../store/loaders.js";
import { derivedView } from "../store/row-cache.js";
import { OfficialFigure } from "./official.type.js";

export async function officialFiguresOf(ctx: ApiContext, releaseId: string, unitCode: string, year?: number | null): Promise<OfficialFigure[]> {
  checkDeadline(ctx);
  const rows = await ctx.loaders.officialFigures.load(loaderKey(releaseId, unitCode));
  // No language or disclosure k in the key: the figures are published as the sources give them.
  const all = derivedView(rows, "officialFigures", () => rows.map(OfficialFigure.from));
  return year === null || year === undefined ? all : all.filter((f) => f.year === year);
}
