/**
 * oEmbed (https://oembed.com) for the portal's widgets. Why a pure function: the static build writes one JSON per unit
 * (`/oembed/<code>.json`, `/oembed/en/<code>.json`) from it, and the API server can mount it at
 * `/oembed?url=…&format=json` with a tiny adapter (see docs/portal.md) without depending on Astro.
 */
export interface OEmbedUnit { code: string; name: string; page: string }

export interface OEmbedRequest { url: string | null; format?: string | null; maxwidth?: string | null; maxheight?: string | null }

export interface OEmbedResponse { status: number; headers: Record<string, string>; body: string }

export interface OEmbedOptions {
  /** Public origin of the portal, e.g. https://minhbach.example (no trailing slash). */
  origin: string;
  /** Look a unit up by code (from the site index). */
  lookup: (code: string) => OEmbedUnit | undefined;
}

const PATHS = [
  /^\/(en\/)?unit\/([^/]+)\/?$/, // profile pages
  /^\/embed\/unit\/([^/]+)\/(card|map)\/?$/, // widgets
];

/** Which unit, widget and language a portal URL points at, or null. */
export function parsePortalUrl(url: string, origin: string): { code: string; widget: "card" | "map"; lang: "VI" | "EN"; release: string | null } | null {
  let u: URL;
  try { u = new URL(url); } catch { return null; }
  if (u.origin !== new URL(origin).origin) return null;
  const profile = PATHS[0]!.exec(u.pathname);
  const widget = PATHS[1]!.exec(u.pathname);
  const code = profile ? profile[2] : widget ? widget[1] : undefined;
  if (!code) return null;
  const langParam = u.searchParams.get("lang");
  const lang = profile?.[1] || langParam === "en" ? "EN" : "VI";
  const hashVillage = /^#v-(.+)$/.exec(u.hash)?.[1];
  return { code: decodeURIComponent(hashVillage ?? code), widget: (widget?.[2] as "card" | "map") ?? "card", lang, release: u.searchParams.get("release") };
}

/** The oEmbed document for a unit's widget (type "rich": an iframe plus the auto-height loader). oEmbed 1.0 §2.2: the
 *  width and height returned, and the iframe's size, never exceed the consumer's maxwidth/maxheight. */
export function oembedFor(unit: OEmbedUnit, opts: { origin: string; widget: "card" | "map"; lang: "VI" | "EN"; release?: string | null; maxwidth?: number; maxheight?: number }) {
  const width = Math.min(opts.maxwidth ?? 480, 640);
  const height = Math.min(opts.maxheight ?? (opts.widget === "card" ? 260 : 380), 800);
  const q = new URLSearchParams();
  if (opts.lang === "EN") q.set("lang", "en");
  if (opts.release) q.set("release", opts.release);
  const src = `${opts.origin}/embed/unit/${encodeURIComponent(unit.code)}/${opts.widget}/${q.size ? `?${q}` : ""}`;
  const what = opts.lang === "VI" ? "tỷ lệ hộ nghèo" : "poverty rate";
  const title = `Minh Bạch: ${unit.name} — ${what}`;
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  // embed.js grows the iframe to its content: with a maxheight it stops there (data-max-height, and CSS for hosts that
  // strip the script), and the widget scrolls inside instead of overflowing the consumer's box.
  const cap = opts.maxheight !== undefined ? ` data-max-height="${height}"` : "";
  const style = `border:0;max-width:100%${opts.maxheight !== undefined ? `;max-height:${height}px` : ""}`;
  return {
    version: "1.0", type: "rich", provider_name: "Minh Bạch", provider_url: `${opts.origin}/`, title, width, height, cache_age: 86400,
    html: `<iframe src="${esc(src)}" title="${esc(title)}" width="${width}" height="${height}" style="${style}" loading="lazy" data-minhbach-embed${cap}></iframe><script async src="${opts.origin}/embed.js"></script>`,
  };
}

/** `/oembed?url=…&format=json` as a pure request → response function. */
export function handleOEmbed(req: OEmbedRequest, opts: OEmbedOptions): OEmbedResponse {
  const headers = { "content-type": "application/json; charset=utf-8", "access-control-allow-origin": "*", "cache-control": "public, max-age=3600" };
  const fail = (status: number, message: string) => ({ status, headers, body: JSON.stringify({ error: message }) });
  if (req.format && req.format !== "json") return fail(501, "Only format=json is supported");
  if (!req.url) return fail(400, "Missing url parameter");
  const target = parsePortalUrl(req.url, opts.origin);
  if (!target) return fail(404, "Not a Minh Bạch unit or widget URL");
  const unit = opts.lookup(target.code);
  if (!unit) return fail(404, `Unknown unit ${target.code}`);
  // Like consumers (e.g. @extractus/oembed-extractor), 0 means "no limit"; anything not a whole number is ignored.
  const num = (v: string | null | undefined) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : undefined);
  const body = oembedFor(unit, { origin: opts.origin, widget: target.widget, lang: target.lang, release: target.release,
    maxwidth: num(req.maxwidth), maxheight: num(req.maxheight) });
  return { status: 200, headers, body: JSON.stringify(body) };
}
