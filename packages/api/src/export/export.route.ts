/** /export/<connection>.csv and .xlsx: download of a connection's rows, cached like GraphQL responses (strong ETag per
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
import { tableCsv } from "./csv.js";
import { projectsTable, unitsTable } from "./export.service.js";
import type { ExportTable } from "./table.js";
import { tableXlsx } from "./xlsx.js";

const TABLES = { units: unitsTable, projects: projectsTable } as const;
const FORMATS = {
  csv: { type: "text/csv; charset=utf-8", render: async (_t: ExportTable, csv: string) => Buffer.from(csv, "utf8") },
  xlsx: { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", render: (t: ExportTable) => tableXlsx(t) },
} as const;
const EXPORT_NAMES = Object.keys(TABLES).flatMap((t) => Object.keys(FORMATS).map((f) => `${t}.${f}`));

/** "units.xlsx" → the table's builder and the format; undefined for an unknown name. */
function exportOf(name: string): { build: (typeof TABLES)[keyof typeof TABLES]; format: (typeof FORMATS)[keyof typeof FORMATS] } | undefined {
  const m = /^(\w+)\.(\w+)$/.exec(name);
  if (!m || !Object.hasOwn(TABLES, m[1]!) || !Object.hasOwn(FORMATS, m[2]!)) return undefined;
  return { build: TABLES[m[1] as keyof typeof TABLES], format: FORMATS[m[2] as keyof typeof FORMATS] };
}

export interface ExportDeps {
  store: ApiStore;
  releases: ReleaseRegistry;
  cache: ResponseCache;
  rows: RowCache;
  logger: Logger;
  timeoutMs: number;
}

export async function handleExport(deps: ExportDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const name = url.pathname.slice("/export/".length);
  const exp = exportOf(name);
  if (!exp) return sendText(res, 404, `Unknown export. Try ${EXPORT_NAMES.map((n) => `/export/${n}`).join(", ")}`, CORS_HEADERS);
  if (req.method !== "GET" && req.method !== "HEAD") return sendText(res, 405, "Method not allowed", { ...CORS_HEADERS, allow: "GET, HEAD, OPTIONS" });
  const lang = negotiateLang(url.searchParams.get("lang"), req.headers["accept-language"]);
  const key = ["export", deps.releases.version, lang, url.pathname, url.search].join("\n");
  let entry = deps.cache.get(key);
  if (!entry) {
    let table: ExportTable;
    try {
      table = await exp.build(createContext(deps.store, deps.releases, lang, deps.timeoutMs, deps.rows), url.searchParams);
    } catch (err) {
      if (err instanceof GraphQLError) return sendText(res, err.extensions.code === "BAD_USER_INPUT" ? 400 : 404, err.message, CORS_HEADERS);
      throw err;
    }
    const csv = tableCsv(table);
    const body = await exp.format.render(table, csv);
    // Hash of the content (the CSV text), not of the bytes: an XLSX zip carries the time it was written, and the ETag
    // must not change when another process (or a cache eviction) writes the same workbook again.
    const content = `${name}\n${lang}\n${csv}`;
    const etag = `"${deps.releases.latest()?.id ?? "none"}-${createHash("sha256").update(deps.releases.version).update(content).digest("base64url").slice(0, 32)}"`;
    const lastModified = deps.releases.latest()?.createdAt;
    entry = {
      status: 200, body, etag, variants: {}, ...(lastModified ? { lastModified } : {}),
      headers: {
        ...CORS_HEADERS, "content-type": exp.format.type, "content-disposition": `attachment; filename="minhbach-${name}"`,
        "cache-control": "public, max-age=300", etag, vary: "accept-language, accept-encoding",
      },
    };
    deps.cache.set(key, entry);
  }
  sendCached(req, res, deps.cache, entry);
}
