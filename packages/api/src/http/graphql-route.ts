/**
 * /graphql over HTTP (GET and POST, GraphQL-over-HTTP spec via Apollo's integration API): body limit, language,
 * response cache with strong release-bound ETags and 304s, per-request timeout, CORS. Why our own node:http glue:
 * a cached GET must be answered at near bare-server speed, before Apollo parses anything.
 */
import { createHash, hash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from "@apollo/server";
import type { Logger } from "pino";
import { ErrorCode } from "../common/errors.js";
import { negotiateLang } from "../common/lang.js";
import { createContext, type ApiContext } from "../context.js";
import type { ReleaseRegistry } from "../release/release.service.js";
import type { ApiStore } from "../store/public-store.js";
import type { RowCache } from "../store/row-cache.js";
import { decodeUtf8, jsonNestingExceeds, MAX_JSON_NESTING, PayloadTooLargeError, readBody } from "./body.js";
import type { FastGraphQL } from "./fast-graphql.js";
import { CORS_HEADERS, preflight, sendGraphQLError } from "./respond.js";
import { sendCached, type CachedResponse, type ResponseCache } from "./response-cache.js";

export interface GraphQLRouteDeps {
  apollo: ApolloServer<ApiContext>;
  store: ApiStore;
  releases: ReleaseRegistry;
  cache: ResponseCache;
  rows: RowCache;
  logger: Logger;
  maxBodyBytes: number;
  timeoutMs: number;
  explorer: (res: ServerResponse) => void;
  /** Answers successful queries without Apollo's pipeline, with the same bytes (absent: Apollo answers everything). */
  fast?: FastGraphQL;
}

const GET_CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=86400";
const VARY = "accept, accept-language, accept-encoding";

function errorMediaType(req: IncomingMessage): string {
  return String(req.headers.accept ?? "").includes("application/graphql-response+json")
    ? "application/graphql-response+json; charset=utf-8"
    : "application/json; charset=utf-8";
}

/** Longest cache key kept verbatim (bytes of a typical GET query string are a few hundred). */
const MAX_RAW_KEY = 2_048;

function send(req: IncomingMessage, res: ServerResponse, cache: ResponseCache, entry: CachedResponse, hit: boolean): void {
  sendCached(req, res, cache, entry, { "x-response-cache": hit ? "HIT" : "MISS" });
}

export async function handleGraphQL(deps: GraphQLRouteDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? "GET";
  if (method === "OPTIONS") return preflight(res);
  if (method !== "GET" && method !== "POST") {
    res.writeHead(405, { ...CORS_HEADERS, allow: "GET, HEAD, POST, OPTIONS", "content-length": "0" });
    res.end();
    return;
  }
  const hasParams = url.searchParams.has("query") || url.searchParams.has("extensions");
  if (method === "GET" && !hasParams && String(req.headers.accept ?? "").includes("text/html")) return deps.explorer(res);

  let bodyText = "";
  if (method === "POST") {
    let raw: Buffer;
    try {
      raw = await readBody(req, deps.maxBodyBytes);
    } catch (err) {
      if (err instanceof PayloadTooLargeError) return sendGraphQLError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, err.message, errorMediaType(req));
      throw err;
    }
    const text = decodeUtf8(raw);
    if (text === undefined) return sendGraphQLError(res, 400, ErrorCode.BAD_USER_INPUT, "The request body is not valid UTF-8", errorMediaType(req));
    bodyText = text;
  }
  const jsonParts = method === "POST" ? [bodyText] : [url.searchParams.get("variables") ?? "", url.searchParams.get("extensions") ?? ""];
  if (jsonParts.some((t) => jsonNestingExceeds(t, MAX_JSON_NESTING))) {
    return sendGraphQLError(res, 400, ErrorCode.BAD_USER_INPUT, `JSON nested deeper than ${MAX_JSON_NESTING} levels`, errorMediaType(req));
  }
  const lang = negotiateLang(url.searchParams.get("lang"), req.headers["accept-language"]);
  // Long keys are hashed: a key holding a 100 kB body would let 2000 padded queries pin 200 MB of keys. Short ones
  // (every ordinary GET) are used as they are, which keeps the cached path close to a bare server's speed.
  const rawKey = [deps.releases.version, method, req.headers.accept ?? "", lang, method === "GET" ? url.search : bodyText].join("\n");
  const key = rawKey.length <= MAX_RAW_KEY ? rawKey : "#" + createHash("sha256").update(rawKey).digest("base64url");
  const cached = deps.cache.get(key);
  if (cached) return send(req, res, deps.cache, cached, true);

  let body: unknown = bodyText;
  if (method === "POST" && String(req.headers["content-type"] ?? "").includes("json")) {
    try {
      body = JSON.parse(bodyText) as unknown;
    } catch {
      return sendGraphQLError(res, 400, ErrorCode.BAD_USER_INPUT, "The request body is not valid JSON", errorMediaType(req));
    }
  }

  const ctx = createContext(deps.store, deps.releases, lang, deps.timeoutMs, deps.rows);
  const viaApollo = () => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    return deps.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method, headers, search: url.search, body }, context: async () => ctx });
  };
  const fast = deps.fast;
  const execution = fast
    ? fast.run({ method, headers: req.headers, searchParams: url.searchParams, body }, ctx).then((answer) => answer ?? viaApollo(), () => viaApollo())
    : viaApollo();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => { timer = setTimeout(() => resolve("timeout"), deps.timeoutMs); });
  const result = await Promise.race([execution, timedOut]).finally(() => clearTimeout(timer));
  if (result === "timeout") {
    execution.catch(() => undefined);
    deps.logger.warn({ path: url.pathname, timeoutMs: deps.timeoutMs }, "request timed out");
    return sendGraphQLError(res, 503, ErrorCode.TIMEOUT, `The request took longer than ${deps.timeoutMs} ms`, errorMediaType(req));
  }
  const entry = await toEntry(result, deps, method);
  if (entry.cacheable) deps.cache.set(key, entry);
  send(req, res, deps.cache, entry, false);
}

async function toEntry(result: HTTPGraphQLResponse, deps: GraphQLRouteDeps, method: string): Promise<CachedResponse & { cacheable: boolean }> {
  let text = "";
  if (result.body.kind === "complete") text = result.body.string;
  else for await (const chunk of result.body.asyncIterator) text += chunk;
  // Apollo writes `errors` as the first key when there are any; no need to parse the body again.
  const hasErrors = text.startsWith('{"errors"');
  // A store outage is the server's condition, not the query's: 503 with Retry-After, never cached.
  const storeDown = hasErrors && text.includes(`"code":"${ErrorCode.STORE_UNAVAILABLE}"`);
  const status = storeDown ? 503 : (result.status ?? 200);
  const ok = status === 200 && !hasErrors;
  const body = Buffer.from(text, "utf8");
  const latest = deps.releases.latest();
  const release = latest?.id ?? "none";
  // One-shot hash of version + text: the same digest as hashing the version and then the body's UTF-8 bytes.
  const etag = `"${release}-${hash("sha256", deps.releases.version + text, "base64url").slice(0, 32)}"`;
  const headers: Record<string, string> = { ...CORS_HEADERS, vary: VARY, "x-minhbach-release": release };
  for (const [name, value] of result.headers) headers[name] = value;
  headers["cache-control"] = ok && method === "GET" ? GET_CACHE_CONTROL : (headers["cache-control"] ?? "no-store");
  if (ok && method === "GET") headers.etag = etag;
  if (storeDown) headers["retry-after"] = "5";
  const lastModified = ok && method === "GET" ? latest?.createdAt : undefined;
  return { status, headers, body, etag, ...(lastModified ? { lastModified } : {}), variants: {}, cacheable: ok };
}

