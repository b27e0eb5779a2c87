/**
 * Static files (the portal, once built) from `staticDir` at `/`: content types, precompressed .br/.gz when present
 * (else compressed on the fly for text), immutable caching for hashed assets, ETag/304 for the rest, index.html
 * for folders. Every file is readable from any origin (CORS `*`: the data files and oEmbed JSON are meant for other
 * sites), has one ETag per content coding and a Last-Modified, and answers HEAD with the GET's headers.
 */
import fs from "node:fs";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { acceptedEncoding, compress, PUBLIC_FILE_CORS, sendPublicFile, sendText, statTag, type Encoding } from "./respond.js";
import { htmlCsp, isFramable } from "./security-headers.js";
import { serveUnitTemplate } from "./unit-template.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".geojson": "application/geo+json",
  ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp",
  ".avif": "image/avif", ".ico": "image/x-icon", ".woff2": "font/woff2", ".woff": "font/woff", ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml", ".webmanifest": "application/manifest+json", ".csv": "text/csv; charset=utf-8", ".pdf": "application/pdf",
  ".pbf": "application/x-protobuf", ".wasm": "application/wasm", ".map": "application/json",
};
const TEXT = /^(text\/|application\/(json|geo\+json|xml|manifest\+json)|image\/svg)/;
/** File names carrying a content hash (name.3f9a1c2b.js, name-BxT9_aZ1.css) or living in a hashed-assets folder. */
const HASHED = /([.-][A-Za-z0-9_]{8,}\.[a-z0-9]+$)|(^\/(_astro|assets|_app\/immutable)\/)/;

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

export function isHashedAsset(urlPath: string): boolean {
  return HASHED.test(urlPath) && !urlPath.endsWith(".html");
}

function resolveFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0") || decoded.split(/[\\/]/).includes("..")) return undefined;
  const file = path.resolve(root, "." + path.posix.normalize(decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat?.isFile()) return file;
  if (stat?.isDirectory()) {
    const index = path.join(file, "index.html");
    return fs.existsSync(index) ? index : undefined;
  }
  // No single-page fallback: the portal is a multi-page static site, and a wrong widget URL must say 404, not show
  // the home page inside a news article.
  return undefined;
}

/** CSP per HTML file version (its inline-script hashes), computed once; bounded so a national site does not pile up. */
const cspCache = new Map<string, string>();

function pageCsp(file: string, etag: string, urlPath: string): string {
  const key = `${file}\u0000${etag}\u0000${isFramable(urlPath)}`;
  let csp = cspCache.get(key);
  if (!csp) {
    csp = htmlCsp(fs.readFileSync(file, "utf8"), isFramable(urlPath));
    if (cspCache.size >= 2000) cspCache.delete(cspCache.keys().next().value as string);
    cspCache.set(key, csp);
  }
  return csp;
}

/** The coding a file is sent in: a precompressed sibling when there is one, else on-the-fly for larger text files. */
function fileCoding(file: string, type: string, size: number, accepted: Encoding): { coding: Encoding; precompressed?: string } {
  if (accepted === "identity") return { coding: "identity" };
  const pre = file + (accepted === "br" ? ".br" : ".gz");
  if (fs.existsSync(pre)) return { coding: accepted, precompressed: pre };
  return TEXT.test(type) && size >= 1024 ? { coding: accepted } : { coding: "identity" };
}

export function serveStatic(staticDir: string, req: IncomingMessage, res: ServerResponse, url: URL): void {
  if (req.method !== "GET" && req.method !== "HEAD") return sendText(res, 405, "Method not allowed", { allow: "GET, HEAD, OPTIONS" });
  const root = path.resolve(staticDir);
  const file = resolveFile(root, url.pathname);
  if (!file) return void (serveUnitTemplate(root, req, res, url) || sendText(res, 404, "Không tìm thấy trang / Page not found", PUBLIC_FILE_CORS));
  const stat = fs.statSync(file);
  const type = contentType(file);
  const fileTag = `"${statTag(stat)}"`;
  const { coding, precompressed } = fileCoding(file, type, stat.size, acceptedEncoding(req));
  sendPublicFile(req, res, {
    type, coding, tag: fileTag, modified: stat.mtime,
    cacheControl: isHashedAsset(url.pathname) ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate",
    ...(type.startsWith("text/html") ? { csp: pageCsp(file, fileTag, url.pathname) } : {}),
    body: () => {
      if (precompressed) return fs.readFileSync(precompressed);
      const raw = fs.readFileSync(file);
      return coding === "identity" ? raw : compress(raw, coding);
    },
  });
}
