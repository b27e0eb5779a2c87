/**
 * `/unit/<code>/` and `/en/unit/<code>/` for units without a page of their own (about 13,000 communes of the country
 * with no figures yet): the portal builds ONE template page per language with Astro (`/unit-template/`) and one small
 * fill file per unit (`/data/profile/<code>.json`: title, breadcrumb, history, units within, already worded in both
 * languages); this route puts them together. Why: one Astro step per data-less unit would take the build past what a
 * fresh `pnpm start` may take, and the page still works without JavaScript. Why from the built files rather than the
 * store: template and fill come from the same build, so the page always matches the release the rest of the site shows.
 * Every string is HTML-escaped here; an unknown code is a 404 like any missing file; ETag/304, Last-Modified, content
 * coding and the page's CSP behave exactly as for a static file.
 */
import fs from "node:fs";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { acceptedEncoding, compress, sendPublicFile, statTag } from "./respond.js";
import { htmlCsp } from "./security-headers.js";

/** Text, or a link (only site-relative hrefs are kept). */
export type Inline = string | { href: string; text: string };
export type Block = { h2: string; id?: string } | { p: Inline[]; muted?: boolean } | { ul: Inline[][] };
export interface ProfileFill { title: string; crumbs: Inline[]; blocks: Block[] }

const ROUTE = /^\/(en\/)?unit\/([A-Za-z0-9_-]{1,40})\/$/;
const SAFE_ID = /^[a-z0-9-]{1,40}$/;

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function inline(part: Inline): string {
  if (typeof part === "string") return escapeHtml(part);
  // Fill files are the portal's own output, but a link is still never allowed to leave the site or run script.
  const href = part.href.startsWith("/") && !part.href.startsWith("//") ? part.href : "#";
  return `<a href="${escapeHtml(href)}">${escapeHtml(part.text)}</a>`;
}

/** The HTML of a fill's blocks (headings, paragraphs, lists), every string escaped. */
export function renderBlocks(blocks: Block[]): string {
  return blocks.map((b) => {
    if ("h2" in b) return `<h2${b.id && SAFE_ID.test(b.id) ? ` id="${b.id}"` : ""}>${escapeHtml(b.h2)}</h2>`;
    if ("p" in b) return `<p${b.muted ? ' class="muted"' : ""}>${b.p.map(inline).join("")}</p>`;
    return `<ul>${b.ul.map((li) => `<li>${li.map(inline).join("")}</li>`).join("")}</ul>`;
  }).join("\n");
}

/** The template with one unit's fill: markers replaced, and the template's own path replaced by the unit's. */
export function fillTemplate(template: string, fill: ProfileFill, code: string): string {
  return template
    .replaceAll("/unit-template/", `/unit/${code}/`)
    .replaceAll("__MB_TITLE__", escapeHtml(fill.title))
    .replace("__MB_CRUMBS__", fill.crumbs.map(inline).join(" › "))
    .replace("__MB_BODY__", renderBlocks(fill.blocks));
}

/** Serves a templated profile; false when the path is not one (or the unit has no fill file), so the caller says 404. */
export function serveUnitTemplate(root: string, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const m = ROUTE.exec(url.pathname);
  if (!m) return false;
  const en = Boolean(m[1]);
  const code = m[2]!;
  const fillFile = path.join(root, "data", "profile", `${code}.json`);
  const templateFile = path.join(root, en ? "en" : "", "unit-template", "index.html");
  const fillStat = fs.statSync(fillFile, { throwIfNoEntry: false });
  const templateStat = fs.statSync(templateFile, { throwIfNoEntry: false });
  if (!fillStat?.isFile() || !templateStat?.isFile()) return false;
  const fills = JSON.parse(fs.readFileSync(fillFile, "utf8")) as { vi: ProfileFill; en: ProfileFill };
  const html = fillTemplate(fs.readFileSync(templateFile, "utf8"), en ? fills.en : fills.vi, code);
  const coding = acceptedEncoding(req);
  sendPublicFile(req, res, {
    type: "text/html; charset=utf-8", cacheControl: "public, max-age=0, must-revalidate", coding,
    tag: `"u${statTag(templateStat)}-${statTag(fillStat)}"`, modified: new Date(Math.max(templateStat.mtimeMs, fillStat.mtimeMs)),
    csp: htmlCsp(html, false),
    body: () => (coding === "identity" ? Buffer.from(html) : compress(Buffer.from(html), coding)),
  });
  return true;
}
