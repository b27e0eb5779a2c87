/** /export/<connection>.csv: CSV download of a connection's rows, cached like GraphQL responses (strong ETag per
 *  coding, Last-Modified from the release, 304), readable from any origin; HEAD answers with the GET's headers. */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { GraphQLError } from "graphql";
import type { Logger } from "pino";
import { negotiateLang } from "../common/lang.js";
import { createContext } from "../context.js";
import type { ReleaseRegistry } from "../release/release.service.js";
import type { ApiStore } from "../store/public-store.js";
import type { RowCache } from "../store/row-cache.js";
import { CORS_HEADERS, sendText } from "../http/respond.js";
import { sendCached, type ResponseCache } from "../http/response-cache.js";
import { projectsCsv, unitsCsv } from "./export.service.js";

const EXPORTS = { "units.csv": unitsCsv, "projects.csv": projectsCsv } as const;

export interface ExportDeps {
  store: ApiStore;
  releases: ReleaseRegistry;
  cache: ResponseCache;
  rows: RowCache;
  logger: Logger;
  timeoutMs: number;
}

export async function handleExport(deps: ExportDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const name = url.pathname.slice("/export/".length) as keyof typeof EXPORTS;
  const build = EXPORTS[name];
  if (!build) return sendText(res, 404, `Unknown export. Try ${Object.keys(EXPORTS).map((n) => `/export/${n}`).join(", ")}`, CORS_HEADERS);
  if (req.method !== "GET" && req.method !== "HEAD") return sendText(res, 405, "Method not allowed", { ...CORS_HEADERS, allow: "GET, HEAD, OPTIONS" });
  const lang = negotiateLang(url.searchParams.get("lang"), req.headers["accept-language"]);
  const key = ["export", deps.releases.version, lang, url.pathname, url.search].join("\n");
  let entry = deps.cache.get(key);
  if (!entry) {
    let text: string;
    try {
      text = await build(createContext(deps.store, deps.releases, lang, deps.timeoutMs, deps.rows), url.searchParams);
    } catch (err) {
      if (err instanceof GraphQLError) return sendText(res, err.extensions.code === "BAD_USER_INPUT" ? 400 : 404, err.message, CORS_HEADERS);
      throw err;
    }
    const body = Buffer.from(text, "utf8");
    const etag = `"${deps.releases.latest()?.id ?? "none"}-${createHash("sha256").update(deps.releases.version).update(body).digest("base64url").slice(0, 32)}"`;
    const lastModified = deps.releases.latest()?.createdAt;
    entry = {
      status: 200, body, etag, variants: {}, ...(lastModified ? { lastModified } : {}),
      headers: {
        ...CORS_HEADERS, "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="minhbach-${name}"`,
        "cache-control": "public, max-age=300", etag, vary: "accept-language, accept-encoding",
      },
    };
    deps.cache.set(key, entry);
  }
  sendCached(req, res, deps.cache, entry);
}
