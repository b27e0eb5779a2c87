/**
 * The portal's public origin: `PORTAL_SITE_URL` when set, else the origin `pnpm start` serves on
 * (http://localhost:<PORT>). Why one function: the build (hreflang, canonical, oEmbed discovery, "cite this",
 * snippets, sitemap) and the API's live `/oembed` (which refuses URLs of any other origin) must agree on one value;
 * `pnpm start` computes it once and hands the normalised value to both through PORTAL_SITE_URL.
 */
export interface SiteOriginConfig { PORT: number }

/** `https://minhbach.example` (no trailing slash, no path); throws a readable error for anything else. */
export function siteOrigin(config: SiteOriginConfig, env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.PORTAL_SITE_URL?.trim() || `http://localhost:${config.PORT}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PORTAL_SITE_URL is not a URL: ${JSON.stringify(raw)} (e.g. https://minhbach.example)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`PORTAL_SITE_URL must be http(s): ${raw}`);
  // The portal is built for the root of its host: every link is origin + "/unit/…", so a path would be dropped silently.
  if (url.pathname !== "/" || url.search || url.hash) throw new Error(`PORTAL_SITE_URL must be an origin without a path (e.g. https://minhbach.example): ${raw}`);
  return url.origin;
}
