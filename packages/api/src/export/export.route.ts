/** /export/<connection>.csv: CSV download of a connection's rows, cached like GraphQL responses (strong ETag, 304). */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { GraphQLError } from "graphql";
import type { Logger } from "pino";
import { negotiateLang } from "../common/lang.js";
import { createContext } from "../context.js";
import type { ReleaseRegistry } from "../release/release.service.js";
import type { ApiStore } from "../store/public-store.js";
import type { RowCache } from "../store/row-cache.js";
import { acceptedEncoding, CORS_HEADERS, etagMatches, sendText } from "../http/respond.js";
import type { ResponseCache } from "../http/response-cache.js";
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
  if (req.method !== "GET") return sendText(res, 405, "Method not allowed", { ...CORS_HEADERS, allow: "GET" });
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
    entry = {
      status: 200, body, etag, variants: {},
      headers: {
        ...CORS_HEADERS, "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="minhbach-${name}"`,
        "cache-control": "public, max-age=300", etag, vary: "accept-language, accept-encoding",
      },
    };
    deps.cache.set(key, entry);
  }
  if (etagMatches(req, entry.etag)) {
    res.writeHead(304, { ...entry.headers });
    res.end();
    return;
  }
  const encoding = acceptedEncoding(req);
  const body = deps.cache.encoded(entry, encoding);
  res.writeHead(200, { ...entry.headers, ...(body !== entry.body ? { "content-encoding": encoding } : {}), "content-length": body.length });
  res.end(body);
}
