/**
 * createApp(): the whole HTTP application over the public store, not yet listening — tests call `app.handler`
 * in-process or listen on port 0; main.ts calls startServer(). Routes: /graphql, /healthz, /readyz, /export/*.csv,
 * the explorer's assets, and static files from `staticDir` at /.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import pino, { type Logger } from "pino";
import type { ApolloServer } from "@apollo/server";
import type { ApiContext } from "../context.js";
import { handleExport } from "../export/export.route.js";
import { EXPLORER_ASSET_PREFIX, serveExplorer, serveExplorerAsset } from "../http/explorer.js";
import { handleGraphQL } from "../http/graphql-route.js";
import { sendText } from "../http/respond.js";
import { ResponseCache } from "../http/response-cache.js";
import { serveStatic } from "../http/static.js";
import { ReleaseRegistry } from "../release/release.service.js";
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from "../schema/limits.js";
import { openApiStore, type ApiStore } from "../store/public-store.js";
import { RowCache } from "../store/row-cache.js";
import { createApollo } from "./apollo.js";

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
}

export interface App {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  server: http.Server;
  store: ApiStore;
  releases: ReleaseRegistry;
  cache: ResponseCache;
  rows: RowCache;
  apollo: ApolloServer<ApiContext>;
  close(): Promise<void>;
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
  const store = openApiStore(options.publicUrl);
  const releases = new ReleaseRegistry(store.db, options.releaseRefreshMs ?? 30_000);
  await releases.start();
  const cache = new ResponseCache(options.responseCacheEntries ?? 2000);
  const rows = new RowCache(options.rowCacheRows ?? 300_000);
  const apollo = await createApollo({ limits: { ...DEFAULT_QUERY_LIMITS, ...options.limits }, development, logger });
  const graphqlDeps = { apollo, store, releases, cache, rows, logger, timeoutMs, maxBodyBytes: options.maxBodyBytes ?? 100_000, explorer: serveExplorer };
  const exportDeps = { store, releases, cache, rows, logger, timeoutMs };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const p = url.pathname;
    if (p === "/graphql" || p === "/graphql/") return handleGraphQL(graphqlDeps, req, res, url);
    if (p === "/healthz") return json(res, 200, { status: "ok" });
    if (p === "/readyz") {
      try {
        await releases.refresh();
      } catch (err) {
        return json(res, 503, { status: "unavailable", reason: `public store not readable: ${(err as Error).message}` });
      }
      const latest = releases.latest();
      return latest ? json(res, 200, { status: "ready", release: latest.id }) : json(res, 503, { status: "unavailable", reason: "no complete release" });
    }
    if (p.startsWith("/export/")) return handleExport(exportDeps, req, res, url);
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
    res.on("finish", () => {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const line = { method: req.method, url: req.url, status: res.statusCode, ms, cache: res.getHeader("x-response-cache") };
      if (res.statusCode >= 500) logger.warn(line, "request");
      else logger.debug(line, "request");
    });
    route(req, res).catch((err: unknown) => {
      logger.error({ err }, "unhandled error");
      if (!res.headersSent) json(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
      else res.destroy();
    });
  };

  const server = http.createServer({ keepAliveTimeout: 65_000 }, handler);
  server.requestTimeout = timeoutMs + 5_000;
  return {
    handler, server, store, releases, cache, rows, apollo,
    async close() {
      releases.stop();
      if (server.listening) await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
      await apollo.stop();
      await store.close();
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
