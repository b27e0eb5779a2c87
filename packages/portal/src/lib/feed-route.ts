/**
 * The feed endpoints' shared body: reads the snapshot (releases and their changes) at build time. Why apart from
 * lib/feed.ts: that file stays pure (tested without a snapshot); this one touches the file system.
 */
import { loadSite, snapshotDir } from "../data/snapshot.js";
import { readReleaseChanges } from "../build/release-changes.js";
import { feedXml } from "./feed.js";
import type { Lang } from "./format.js";

export function feedResponse(lang: Lang, site: URL | undefined): Response {
  if (!site) throw new Error("The feed needs absolute URLs: set `site` in astro.config.mjs (PORTAL_SITE_URL)");
  const dir = snapshotDir();
  const body = feedXml(loadSite().releases, (id) => readReleaseChanges(dir, id), lang, site.origin);
  return new Response(body, { headers: { "content-type": "application/atom+xml; charset=utf-8" } });
}
