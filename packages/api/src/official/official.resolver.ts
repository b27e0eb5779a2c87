/** The source of an officially reported figure. */
import "reflect-metadata";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ApiContext } from "../context.js";
import { sourceOf } from "../source/source.service.js";
import { Source } from "../source/source.type.js";
import { OfficialFigure } from "./official.type.js";

@Resolver(() => OfficialFigure)
export class OfficialFigureResolver {
  @FieldResolver(() => Source, { description: "The source that reports the figure: cite it with the figure." })
  source(@Root() figure: OfficialFigure, @Ctx() ctx: ApiContext): Promise<Source | null> {
    return sourceOf(ctx, figure.releaseId, figure.sourceId);
  }
}
