/**
 * `/oembed?url=…`: lets news-site CMSs turn a pasted portal link into an embedded widget. The response format lives
 * with the portal (it knows its URLs and widgets); this route only supplies the units of the served release.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiStore } from "../store/public-store.js";
import type { ReleaseRegistry } from "../release/release.service.js";
import { httpDate, PUBLIC_FILE_CORS } from "./respond.js";

export interface OEmbedUnitRef { code: string; name: string; page: string }
export type OEmbedHandler = (
  req: { url: string | null; format?: string | null; maxwidth?: string | null; maxheight?: string | null },
  opts: { origin: string; lookup: (code: string) => OEmbedUnitRef | undefined },
) => { status: number; headers: Record<string, string>; body: string };

export interface OEmbedOptions { origin: string; handle: OEmbedHandler }

/** Units of one release by code, loaded once per release (releases are immutable). */
function unitIndex(store: ApiStore) {
  let cached: { release: string; units: Map<string, OEmbedUnitRef> } | undefined;
  return async (release: string) => {
    if (cached?.release !== release) {
      const rows = await store.db.pubUnit.findMany({ where: { releaseId: release }, select: { code: true, name: true } });
      cached = { release, units: new Map(rows.map((u) => [u.code, { code: u.code, name: u.name, page: `/unit/${u.code}/` }])) };
    }
    return cached.units;
  };
}

export function oembedRoute(options: OEmbedOptions, store: ApiStore, releases: ReleaseRegistry) {
  const units = unitIndex(store);
  return async (_req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const latest = releases.latest();
    const index = latest ? await units(latest.id) : new Map<string, OEmbedUnitRef>();
    const q = url.searchParams;
    const out = options.handle(
      { url: q.get("url"), format: q.get("format"), maxwidth: q.get("maxwidth"), maxheight: q.get("maxheight") },
      { origin: options.origin, lookup: (code) => index.get(code) },
    );
    // Readable from any origin (a CMS fetches it from the browser too); dated by the release it describes.
    const headers: Record<string, string> = { ...out.headers, ...PUBLIC_FILE_CORS };
    if (out.status === 200 && latest) headers["last-modified"] = httpDate(latest.createdAt);
    res.writeHead(out.status, headers).end(out.body);
  };
}
