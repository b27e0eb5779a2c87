/** Apollo Server set-up: schema, limits, APQ, error formatting. Why separate: create-app wires HTTP, this wires GraphQL. */
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError, type ValidationRule } from "graphql";
import type { Logger } from "pino";
import { ErrorCode, LIMIT_CODES, isStoreUnavailable } from "../common/errors.js";
import type { ApiContext } from "../context.js";
import { buildApiSchema } from "../schema/build-schema.js";
import { introspectionLimit } from "../schema/introspection-limit.js";
import { aliasLimit, costLimitPlugin, CostMemo, depthLimit, type QueryLimits } from "../schema/limits.js";

/** Our validation rules (run after graphql-js's own): shared with the fast path, which must accept exactly what Apollo accepts. */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  return [depthLimit(limits.maxDepth), aliasLimit(limits.maxAliases), introspectionLimit(limits.maxIntrospectionLists)];
}

/** Restores our limit codes (Apollo labels every validation error GRAPHQL_VALIDATION_FAILED) and hides internals. */
export function formatError(development: boolean, logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const inner = original instanceof GraphQLError && original.originalError instanceof GraphQLError ? original.originalError : undefined;
    const code = inner?.extensions.code;
    if (typeof code === "string" && LIMIT_CODES.has(code)) return { ...formatted, extensions: { ...formatted.extensions, code } };
    if (isStoreUnavailable(original)) {
      logger.warn({ err: original }, "public store unavailable");
      return { message: "The public store is unavailable (its database cannot be reached); please retry shortly.", path: formatted.path, extensions: { code: ErrorCode.STORE_UNAVAILABLE } };
    }
    if (formatted.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) {
      logger.error({ err: original }, "internal error in a GraphQL request");
      if (!development) return { message: "Internal server error", path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
    }
    return formatted;
  };
}

export async function createApollo(opts: {
  limits: QueryLimits; development: boolean; logger: Logger; plugins?: ApolloServerPlugin<ApiContext>[]; costMemo?: CostMemo;
}) {
  const schema = await buildApiSchema();
  const apollo = new ApolloServer<ApiContext>({
    schema,
    csrfPrevention: false, // no cookies or credentials anywhere: CORS is open and GET must work from a plain link or curl
    introspection: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: opts.development,
    persistedQueries: { ttl: null },
    validationRules: limitRules(opts.limits),
    parseOptions: { maxTokens: opts.limits.maxTokens },
    // Cache-Control comes from our HTTP layer (release-bound ETags); Apollo's per-field cache hints would only cost time.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), costLimitPlugin(opts.limits.maxCost, opts.costMemo), ...(opts.plugins ?? [])],
    formatError: formatError(opts.development, opts.logger),
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  return apollo;
}
