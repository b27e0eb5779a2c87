/**
 * createApp(): the whole HTTP application over the public store, not yet listening — tests call `app.handler`
 * in-process or listen on port 0; main.ts calls startServer(). Routes: /graphql, /healthz, /readyz, /export/*.csv,
 * the explorer's assets, and static files from `staticDir` at /. Every response carries the security headers; every
 * route but the health checks passes the rate limiter (when configured). It refuses to start on a missing, corrupt or
 * empty public store unless `requireRelease` is false.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import pino, { type Logger } from "pino";
import type { ApolloServer } from "@apollo/server";
import type { ApiContext } from "../context.js";
import { handleExport } from "../export/export.route.js";
import { EXPLORER_ASSET_PREFIX, serveExplorer, serveExplorerAsset } from "../http/explorer.js";
import { handleGraphQL } from "../http/graphql-route.js";
import { setSecurityHeaders } from "../http/security-headers.js";
import { RateLimiter, type RateLimitOptions } from "../ratelimit/rate-limit.js";
import { preflight, sendText } from "../http/respond.js";
import { ResponseCache } from "../http/response-cache.js";
import { oembedRoute, type OEmbedOptions } from "../http/oembed-route.js";
import { serveStatic } from "../http/static.js";
import { ReleaseRegistry } from "../release/release.service.js";
import { FastGraphQL } from "../http/fast-graphql.js";
import { buildApiSchema } from "../schema/build-schema.js";
import { CostMemo, DEFAULT_QUERY_LIMITS, type QueryLimits } from "../schema/limits.js";
import { PreparedDocuments } from "../schema/prepared-documents.js";
import { checkReleases, checkStoreFile } from "../store/preflight.js";
import { openApiStore, type ApiStore } from "../store/public-store.js";
import { RowCache } from "../store/row-cache.js";
import { createApollo, limitRules } from "./apollo.js";
import { Drain } from "./drain.js";

export interface AppOptions {
  /** PUBLIC store URL (never the private one). */
  publicUrl: string;
  /** Folder of the built portal, served at `/`. */
  staticDir?: string;
  logger?: Logger;
  limits?: Partial<QueryLimits>;
  /** Largest accepted request body (default 100 kB). */
  maxBodyBytes?: number;
  /** Per-request time limit (default 10 s). */
  timeoutMs?: number;
  /** How often the list of releases is re-read (default 30 s). */
  releaseRefreshMs?: number;
  /** Stack traces and internal messages in errors (default: NODE_ENV is "development"). */
  development?: boolean;
  /** Finished responses kept (default 2000; 0 turns the response cache off). */
  responseCacheEntries?: number;
  /** Immutable release rows kept across requests (default 300,000; 0 turns the row cache off). */
  rowCacheRows?: number;
  /** Per-client token buckets (off when omitted: main.ts turns them on from the configuration). */
  rateLimit?: RateLimitOptions;
  /** Refuse to start without a readable store holding a complete release (default true). */
  requireRelease?: boolean;
  /** Serve this release as the latest, hiding newer ones (RELEASE_PIN). */
  releasePin?: string;
  /** Answer successful queries on the fast path (http/fast-graphql.ts; default true). False: Apollo answers everything. */
  fastPath?: boolean;
  /** `/oembed` for news-site CMSs; the format comes from the portal (main.ts wires it when the portal is built). */
  oembed?: OEmbedOptions;
}

export interface App {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  server: http.Server;
  store: ApiStore;
  releases: ReleaseRegistry;
  cache: ResponseCache;
  rows: RowCache;
  apollo: ApolloServer<ApiContext>;
  /** The /graphql fast path (absent with `fastPath: false`). */
  fast: FastGraphQL | undefined;
  limiter: RateLimiter | undefined;
  /** Close at once (tests). */
  close(): Promise<void>;
  /** SIGTERM: stop accepting, finish in-flight requests (at most `timeoutMs`), then close; true if none was cut off. */
  shutdown(timeoutMs: number): Promise<boolean>;
}

function json(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

export async function createApp(options: AppOptions): Promise<App> {
  const logger = options.logger ?? pino({ level: process.env.LOG_LEVEL ?? "info" });
  const development = options.development ?? process.env.NODE_ENV === "development";
  const timeoutMs = options.timeoutMs ?? 10_000;
  const requireRelease = options.requireRelease ?? true;
  if (requireRelease) checkStoreFile(options.publicUrl);
  const store = openApiStore(options.publicUrl);
  const releases = new ReleaseRegistry(store.db, options.releaseRefreshMs ?? 30_000, options.releasePin);
  if (requireRelease) {
    try {
      await checkReleases(store, releases, options.publicUrl.replace(/\/\/[^@/]*@/, "//"), options.releasePin);
    } catch (err) {
      await store.close();
      throw err;
    }
  }
  await releases.start();
  const limiter = options.rateLimit && options.rateLimit.perSecond > 0 ? new RateLimiter(options.rateLimit, logger) : undefined;
  const drain = new Drain();
  const cache = new ResponseCache(options.responseCacheEntries ?? 2000);
  const rows = new RowCache(options.rowCacheRows ?? 300_000);
  const limits = { ...DEFAULT_QUERY_LIMITS, ...options.limits };
  const costMemo = new CostMemo();
  const apollo = await createApollo({ limits, development, logger, costMemo });
  const schema = await buildApiSchema();
  const fast = options.fastPath === false ? undefined : new FastGraphQL(schema, new PreparedDocuments(schema, limitRules(limits), limits.maxTokens), costMemo, limits.maxCost);
  const graphqlDeps = { apollo, store, releases, cache, rows, logger, timeoutMs, maxBodyBytes: options.maxBodyBytes ?? 100_000, explorer: serveExplorer, fast };
  const exportDeps = { store, releases, cache, rows, logger, timeoutMs };

  const oembed = options.oembed ? oembedRoute(options.oembed, store, releases) : undefined;

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const p = url.pathname;
    if (p === "/graphql" || p === "/graphql/") return handleGraphQL(graphqlDeps, req, res, url);
    if (req.method === "OPTIONS") return preflight(res, "GET, HEAD, OPTIONS"); // every other resource is read-only
    if (p === "/healthz") return json(res, 200, { status: "ok" });
    if (p === "/readyz") {
      if (drain.draining) return json(res, 503, { status: "unavailable", reason: "shutting down" });
      try {
        await releases.refresh();
      } catch (err) {
        return json(res, 503, { status: "unavailable", reason: `public store not readable: ${(err as Error).message}` });
      }
      const latest = releases.latest();
      return latest ? json(res, 200, { status: "ready", release: latest.id }) : json(res, 503, { status: "unavailable", reason: "no complete release" });
    }
    if (p.startsWith("/export/")) return handleExport(exportDeps, req, res, url);
    if (p === "/oembed" && oembed) return oembed(req, res, url);
    if (p.startsWith(EXPLORER_ASSET_PREFIX) && serveExplorerAsset(p.slice(EXPLORER_ASSET_PREFIX.length), res)) return;
    if (options.staticDir) return serveStatic(options.staticDir, req, res, url);
    if (p === "/") {
      res.writeHead(302, { location: "/graphql" });
      res.end();
      return;
    }
    return sendText(res, 404, "Not found");
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    drain.track(res);
    // One parse for every decision (headers, limiter, route), so "/embed/%2e%2e/graphql" is /graphql everywhere.
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://localhost");
    } catch {
      url = new URL("http://localhost/");
    }
    setSecurityHeaders(res, url.pathname);
    // HEAD is GET without the body: routes see GET and send the GET's headers, and Node drops the body because this
    // response was made for a HEAD request (ServerResponse looked at the method when it was created).
    const method = req.method;
    if (method === "HEAD") req.method = "GET";
    res.on("finish", () => {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const line = { method, url: req.url, status: res.statusCode, ms, cache: res.getHeader("x-response-cache") };
      if (res.statusCode >= 500) logger.warn(line, "request");
      else logger.debug(line, "request");
    });
    const admitted = limiter ? limiter.admit(req, res, url.pathname) : Promise.resolve(true);
    admitted.then((ok) => (ok ? route(req, res, url) : undefined)).catch((err: unknown) => {
      logger.error({ err }, "unhandled error");
      if (!res.headersSent) json(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
      else res.destroy();
    });
  };

  const server = http.createServer({ keepAliveTimeout: 65_000 }, handler);
  server.requestTimeout = timeoutMs + 5_000;
  const release = async () => {
    releases.stop();
    await limiter?.close();
    await apollo.stop();
    await store.close();
  };
  return {
    handler, server, store, releases, cache, rows, apollo, fast, limiter,
    async close() {
      if (server.listening) await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
      await release();
    },
    async shutdown(timeoutMs) {
      const finished = await drain.run(server, timeoutMs);
      await release();
      return finished;
    },
  };
}

export interface StartOptions extends AppOptions {
  port: number;
  host?: string;
}

/** Listen on `port` (0 = any free port); resolves once listening. */
export async function startServer(options: StartOptions): Promise<App & { url: string }> {
  const app = await createApp(options);
  await new Promise<void>((resolve, reject) => {
    app.server.once("error", reject);
    app.server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  (options.logger ?? pino()).info({ url: `${url}/graphql`, release: app.releases.latest()?.id ?? null }, "Minh Bạch API listening");
  return { ...app, url };
}
