/** Small response helpers shared by the routes: CORS headers, JSON errors, compression negotiation. */
import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";
import type { ErrorCodeName } from "../common/errors.js";

/** Open to any origin, never with credentials: the API is public and cookie-less. */
export const CORS_HEADERS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": "content-type, accept, accept-language, if-none-match",
  "access-control-expose-headers": "etag, x-minhbach-release, x-response-cache",
  "access-control-max-age": "86400",
};

export function preflight(res: ServerResponse): void {
  res.writeHead(204, { ...CORS_HEADERS, "content-length": "0" });
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

/** If-None-Match matches the strong ETag (or `*`). */
export function etagMatches(req: IncomingMessage, etag: string): boolean {
  const header = req.headers["if-none-match"];
  if (!header) return false;
  return header.split(",").some((t) => { const v = t.trim(); return v === "*" || v === etag; });
}
