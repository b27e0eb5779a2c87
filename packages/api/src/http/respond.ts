/**
 * Small response helpers shared by the routes: CORS headers, JSON errors, compression negotiation, and the
 * conditional-request rules (RFC 9110 §13): weak If-None-Match comparison, If-Modified-Since, one ETag per coding.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";
import type { ErrorCodeName } from "../common/errors.js";

/** Open to any origin, never with credentials: the API is public and cookie-less. The allowed request headers
 *  include the ones Apollo Client (and Apollo's CSRF prevention) sends, so browser apps need no proxy. */
export const CORS_HEADERS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, HEAD, POST, OPTIONS",
  "access-control-allow-headers": [
    "content-type", "accept", "accept-language", "if-none-match", "if-modified-since",
    "apollographql-client-name", "apollographql-client-version", "x-apollo-operation-name", "apollo-require-preflight",
  ].join(", "),
  "access-control-expose-headers": "etag, last-modified, content-disposition, x-minhbach-release, x-response-cache",
  "access-control-max-age": "86400",
};

/** For public files (the portal, /data/**, oEmbed JSON): readable by scripts on any site, e.g. a newsroom's chart. */
export const PUBLIC_FILE_CORS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "etag, last-modified",
};

/** OPTIONS: `methods` narrows what the resource allows (files and exports are GET/HEAD only). */
export function preflight(res: ServerResponse, methods = "GET, HEAD, POST, OPTIONS"): void {
  res.writeHead(204, { ...CORS_HEADERS, "access-control-allow-methods": methods, "content-length": "0" });
  res.end();
}

/** A GraphQL-shaped error response (used before Apollo runs: body too large, timeout, bad JSON). */
export function sendGraphQLError(res: ServerResponse, status: number, code: ErrorCodeName, message: string, contentType = "application/json; charset=utf-8"): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { ...CORS_HEADERS, "content-type": contentType, "cache-control": "no-store", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export type Encoding = "br" | "gzip" | "identity";

/** Best encoding the client accepts (br over gzip), ignoring q=0. */
export function acceptedEncoding(req: IncomingMessage): Encoding {
  const header = String(req.headers["accept-encoding"] ?? "");
  const accepted = header.split(",").map((p) => p.trim().toLowerCase()).filter((p) => !/;\s*q=0(\.0*)?$/.test(p)).map((p) => p.split(";")[0]);
  if (accepted.includes("br")) return "br";
  if (accepted.includes("gzip")) return "gzip";
  return "identity";
}

export function compress(body: Buffer, encoding: Exclude<Encoding, "identity">): Buffer {
  return encoding === "br"
    ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
    : zlib.gzipSync(body, { level: 6 });
}

/** The ETag of one content coding of a representation: `"x"` → `"x-br"` / `"x-gz"`. Why: a cache holding the
 *  brotli bytes under the identity bytes' tag would hand them to a client that cannot read them (RFC 9110 §8.8.3). */
export function codingEtag(etag: string, encoding: Encoding): string {
  if (encoding === "identity") return etag;
  return etag.replace(/"$/, encoding === "br" ? '-br"' : '-gz"');
}

const opaqueTag = (tag: string) => (tag.startsWith("W/") ? tag.slice(2) : tag);

/** If-None-Match against `etag` with the weak comparison RFC 9110 §13.1.2 prescribes: `W/"x"` matches `"x"` and the
 *  other way round; a list matches if any member does; `*` matches anything. */
export function etagMatches(req: IncomingMessage, etag: string): boolean {
  const header = req.headers["if-none-match"];
  if (!header) return false;
  const mine = opaqueTag(etag);
  return header.split(",").some((t) => { const v = t.trim(); return v === "*" || opaqueTag(v) === mine; });
}

/** Whether a GET may be answered 304 (RFC 9110 §13.2.2): If-None-Match decides when present; only without it does
 *  If-Modified-Since count, against `lastModified` to the second (HTTP dates have no finer unit). */
export function notModified(req: IncomingMessage, etag: string | undefined, lastModified?: Date): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (req.headers["if-none-match"] !== undefined) return etag !== undefined && etagMatches(req, etag);
  const since = Date.parse(String(req.headers["if-modified-since"] ?? ""));
  if (!lastModified || Number.isNaN(since)) return false;
  return Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}

/** An HTTP date for Last-Modified. */
export function httpDate(date: Date): string {
  return date.toUTCString();
}

/** A file's validator from its size and modification time (base 36): changes whenever the file is rewritten. */
export function statTag(stat: { size: number; mtimeMs: number }): string {
  return `${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}`;
}

/** A public file to send: its validator (a quoted ETag before the coding is added), date, coding and body. */
export interface PublicFile {
  type: string;
  cacheControl: string;
  tag: string;
  modified: Date;
  coding: Encoding;
  csp?: string;
  /** the body in `coding`; read only when the client's copy is not current */
  body: () => Buffer;
}

/**
 * Sends a public file: CORS, an ETag per content coding, Last-Modified, 304 when the client's copy is current, else
 * the body with its length. Why one sender: static files and the profiles filled from the shared template must
 * revalidate and cache alike.
 */
export function sendPublicFile(req: IncomingMessage, res: ServerResponse, f: PublicFile): void {
  const etag = codingEtag(f.tag, f.coding);
  const headers: Record<string, string | number> = {
    ...PUBLIC_FILE_CORS, "content-type": f.type, "cache-control": f.cacheControl, etag, "last-modified": httpDate(f.modified), vary: "accept-encoding",
  };
  if (f.csp) headers["content-security-policy"] = f.csp;
  if (notModified(req, etag, f.modified)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const body = f.body();
  if (f.coding !== "identity") headers["content-encoding"] = f.coding;
  headers["content-length"] = body.length;
  res.writeHead(200, headers);
  res.end(body);
}
