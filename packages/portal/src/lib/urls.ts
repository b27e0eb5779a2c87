/**
 * Every portal URL in one place. Why: pages, widgets, oEmbed and the sitemap must agree, and villages live on their
 * commune's page (anchor `#v-<code>`), so a village link is never built by hand.
 */
import type { Lang } from "./format.js";

export function langPrefix(lang: Lang): string {
  return lang === "VI" ? "" : "/en";
}

export function homeUrl(lang: Lang): string {
  return `${langPrefix(lang)}/`;
}

/** Profile link; `page` is the code of the page holding the unit (a village's commune). */
export function unitUrl(lang: Lang, code: string, page = code): string {
  const base = `${langPrefix(lang)}/unit/${encodeURIComponent(page)}/`;
  return page === code ? base : `${base}#v-${code}`;
}

export function projectUrl(lang: Lang, code: string): string {
  return `${langPrefix(lang)}/project/${encodeURIComponent(code)}/`;
}

export function pageUrl(lang: Lang, name: "search" | "compare" | "methodology" | "downloads" | "embed" | "ban-do" | "tinh-thanh-2025" | "quoc-gia"): string {
  return `${langPrefix(lang)}/${name}/`;
}

/** Widget URL; language, release and year are query parameters so one static file serves them all. */
export function embedUrl(code: string, widget: "card" | "map", opts: { lang?: Lang; release?: string; year?: number } = {}): string {
  const q = new URLSearchParams();
  if (opts.lang === "EN") q.set("lang", "en");
  if (opts.release) q.set("release", opts.release);
  if (opts.year) q.set("year", String(opts.year));
  const qs = q.toString();
  return `/embed/unit/${encodeURIComponent(code)}/${widget}/${qs ? `?${qs}` : ""}`;
}

export function unitDataUrl(code: string, ext: "json" | "csv" | "geojson"): string {
  return `/data/unit/${encodeURIComponent(code)}.${ext}`;
}

/** The other language's version of a path (for the language switch and hreflang). */
export function switchLang(path: string, to: Lang): string {
  const bare = path.startsWith("/en/") ? path.slice(3) : path === "/en" ? "/" : path;
  return to === "VI" ? bare : `/en${bare}`;
}
