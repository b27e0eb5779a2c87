/** Builds the GraphQL schema from the domain modules. Why one place: the server, the schema emitter and tests share it. */
import "reflect-metadata";
import { lexicographicSortSchema, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { IndicatorResolver, PovertyStandardResolver } from "../indicator/indicator.resolver.js";
import { OfficialFigureResolver } from "../official/official.resolver.js";
import { PovertyStatResolver } from "../poverty/poverty.resolver.js";
import { ProjectResolver } from "../project/project.resolver.js";
import { ReleaseResolver } from "../release/release.resolver.js";
import { CreditStatResolver, JobsStatResolver } from "../support/support.resolver.js";
import { UnitChangeResolver, UnitParentPeriodResolver, UnitResolver } from "../unit/unit.resolver.js";
import { useDirectResolvers } from "./direct-resolvers.js";

let cached: Promise<GraphQLSchema> | undefined;
/** Fields whose type-graphql wrappers were replaced by direct calls (schema/direct-resolvers.ts). */
export let directResolvers: readonly string[] = [];

// Every @ObjectType says `simpleResolvers: true`: plain property fields then have no resolver of type-graphql's
// (which wraps each one to run middlewares we do not have), so graphql-js and graphql-jit read the property directly.
// Fields with methods or @FieldResolver keep their resolvers; the printed schema is the same.

export function buildApiSchema(): Promise<GraphQLSchema> {
  const resolvers = [
    ReleaseResolver, UnitResolver, UnitChangeResolver, UnitParentPeriodResolver, PovertyStatResolver, ProjectResolver,
    CreditStatResolver, JobsStatResolver, IndicatorResolver, PovertyStandardResolver, OfficialFigureResolver,
  ] as const;
  cached ??= buildSchema({
    resolvers,
    validate: false,
    emitSchemaFile: false,
  }).then((schema) => {
    // type-graphql has no way to describe the root type; set it before the sorted copy is made from the config.
    Object.assign(schema.getQueryType()!, {
      description: "Minh Bạch public API: village-level poverty statistics for Vietnam from immutable, disclosure-controlled releases. Every field reads the latest complete release unless a `release` id is given.",
    });
    const sorted = lexicographicSortSchema(schema);
    directResolvers = useDirectResolvers(sorted, resolvers);
    return sorted;
  });
  return cached;
}
