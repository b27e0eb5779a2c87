/**
 * The fast path for /graphql. A request that Apollo would answer with data and no errors is answered here with the
 * same status, headers and bytes, but without Apollo's per-request pipeline (query hashing, plugin hooks, request
 * context cloning) and with the document parsed, validated and compiled once (schema/prepared-documents.ts).
 * Why: an uncached commune profile spent most of its time there rather than in our resolvers.
 *
 * Everything else returns undefined and the caller hands the request to Apollo unchanged: persisted queries (any
 * `extensions`), parse or validation errors, an unknown operation, a mutation over GET, cost over the limit, variables
 * that do not coerce, any error during execution (Apollo executes again, from the same loaders, and formats the
 * errors), an Accept header that needs a 406, a GET with a content-type, repeated or malformed parameters.
 * Every request is still executed: nothing here is keyed on the whole request.
 */
import type { IncomingHttpHeaders } from "node:http";
import { HeaderMap, type HTTPGraphQLResponse } from "@apollo/server";
import { execute, type ExecutionResult, type GraphQLSchema } from "graphql";
import Negotiator from "negotiator";
import type { ApiContext } from "../context.js";
import { isIntrospectionOnly, type CostMemo } from "../schema/limits.js";
import type { PreparedDocuments } from "../schema/prepared-documents.js";

/** Apollo's media types (@apollo/server MEDIA_TYPES), in the order Apollo offers them to the Accept header. */
const OFFERED = [
  "application/json; charset=utf-8",
  "application/graphql-response+json; charset=utf-8",
  "application/json; callbackSpec=1.0; charset=utf-8",
];

export interface FastRequest {
  method: string;
  headers: IncomingHttpHeaders;
  searchParams: URLSearchParams;
  /** POST: the parsed JSON body (anything else is left to Apollo). */
  body: unknown;
}

interface Params {
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
}

const isRecord = (o: unknown): o is Record<string, unknown> => !!o && typeof o === "object" && !Array.isArray(o) && !Buffer.isBuffer(o);

/** GET parameters as Apollo reads them; undefined when Apollo would reject them or they need APQ. */
function getParams(search: URLSearchParams): Params | undefined {
  const query = search.getAll("query");
  const operationName = search.getAll("operationName");
  const variables = search.getAll("variables");
  if (query.length !== 1 || !query[0] || operationName.length > 1 || variables.length > 1 || search.has("extensions")) return undefined;
  let parsed: unknown;
  if (variables.length === 1) {
    try {
      parsed = JSON.parse(variables[0]!);
    } catch {
      return undefined;
    }
    if (!isRecord(parsed)) return undefined;
  }
  return { query: query[0], operationName: operationName[0], variables: parsed as Record<string, unknown> | undefined };
}

/** POST body fields as Apollo reads them; undefined when Apollo would reject them or they need APQ. */
function postParams(body: unknown): Params | undefined {
  if (!isRecord(body) || "extensions" in body) return undefined;
  const { query, operationName, variables } = body;
  if (typeof query !== "string" || query === "") return undefined;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string") return undefined;
  return { query, operationName: operationName ?? undefined, variables: variables ?? undefined };
}

export class FastGraphQL {
  /** Accept header → Apollo's choice of content type (null: none acceptable, Apollo answers 406). */
  private readonly contentTypes = new Map<string, string | null>();
  /** Requests answered here (tests check that the fast path is really taken). */
  answered = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    readonly documents: PreparedDocuments,
    private readonly costs: CostMemo,
    private readonly maxCost: number,
  ) {}

  /** The response Apollo would give, when it is a success; undefined: ask Apollo. */
  async run(req: FastRequest, ctx: ApiContext): Promise<HTTPGraphQLResponse | undefined> {
    if (req.method === "GET" && req.headers["content-type"] !== undefined) return undefined;
    const params = req.method === "GET" ? getParams(req.searchParams) : req.method === "POST" ? postParams(req.body) : undefined;
    if (!params) return undefined;
    const contentType = this.contentType(req.headers.accept);
    if (!contentType) return undefined;
    const doc = this.documents.get(params.query);
    if (!doc) return undefined;
    const op = this.documents.operation(doc, params.operationName);
    if (!op || (req.method === "GET" && op.operation.operation !== "query") || isIntrospectionOnly(op.operation)) return undefined;
    if (this.costs.cost(this.schema, doc.document, op.operation, params.variables) > this.maxCost) return undefined;

    const compiled = this.documents.compiled(doc, op, params.operationName);
    const result: ExecutionResult = compiled
      ? await compiled.query(undefined, ctx, params.variables)
      : await execute({ schema: this.schema, document: doc.document, contextValue: ctx, variableValues: params.variables, operationName: params.operationName });
    if (result.errors?.length || !result.data || result.extensions) return undefined;
    this.answered += 1;
    // Apollo: `stringifyResult({ errors, data, extensions })` = JSON.stringify(…) + "\n"; undefined keys drop out.
    return { headers: new HeaderMap([["content-type", contentType]]), body: { kind: "complete", string: JSON.stringify({ data: result.data }) + "\n" } };
  }

  /** Apollo's chooseContentTypeForSingleResultResponse, memoised per Accept header (a handful of distinct values). */
  private contentType(accept: string | undefined): string | null {
    if (!accept) return OFFERED[0]!;
    let type = this.contentTypes.get(accept);
    if (type === undefined) {
      type = new Negotiator({ headers: { accept } }).mediaType(OFFERED) ?? null;
      if (this.contentTypes.size < 200) this.contentTypes.set(accept, type);
    }
    return type;
  }
}
