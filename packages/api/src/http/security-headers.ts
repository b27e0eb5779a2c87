/**
 * Security headers on every response. Why here: one place decides what may be framed and what a page may load.
 * - API answers (JSON, CSV, text): `default-src 'none'` — nothing in them is ever meant to run or render.
 * - HTML (the explorer, portal pages): scripts only from this origin plus the page's own inline scripts, allowed by
 *   their sha256 (computed from the HTML, so the portal build needs no nonce plumbing); styles may be inline (the
 *   portal uses style attributes, which hashes cannot allow), no plugins, no foreign forms or base URLs.
 * - Framing: the portal's widgets (`/embed/**`) and oEmbed (`/oembed`) may be framed by any site; nothing else may.
 */
import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";

export const REFERRER_POLICY = "strict-origin-when-cross-origin";

/** Paths any site may put in an iframe. */
export function isFramable(pathname: string): boolean {
  return pathname.startsWith("/embed/") || pathname === "/oembed" || pathname.startsWith("/oembed/");
}

const frameAncestors = (framable: boolean) => `frame-ancestors ${framable ? "*" : "'none'"}`;

/** CSP for responses that are data, not documents. */
export function dataCsp(framable: boolean): string {
  return `default-src 'none'; base-uri 'none'; form-action 'none'; ${frameAncestors(framable)}`;
}

/** sha256 sources for the inline (no `src`) scripts of an HTML document; JSON data blocks never run, hashing them is harmless. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(m[1] ?? "")) continue;
    hashes.add(`'sha256-${createHash("sha256").update(m[2] ?? "", "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/** CSP for an HTML page served by this server (explorer or portal). */
export function htmlCsp(html: string, framable: boolean): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScriptHashes(html)].join(" "),
    "style-src 'self' 'unsafe-inline'",
    // https: images only for an optional map tile layer the operator configures; data: for inline icons.
    "img-src 'self' data: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    frameAncestors(framable),
  ].join("; ");
}

/** Defaults set before routing; a route serving HTML replaces the CSP with htmlCsp() of its page. */
export function setSecurityHeaders(res: ServerResponse, pathname: string): void {
  const framable = isFramable(pathname);
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", REFERRER_POLICY);
  res.setHeader("content-security-policy", dataCsp(framable));
  if (!framable) res.setHeader("x-frame-options", "DENY");
}
