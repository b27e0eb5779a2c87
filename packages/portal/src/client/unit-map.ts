/**
 * Draws a unit's small map with Leaflet from /data/map/unit/<code>.json (loaded only once the map is visible), with a
 * keyboard/screen-reader link per drawn unit (client/map-keys.ts). Language, words and the skip target come from the
 * element's data attributes (data-lang, data-words, data-skip), so the profile map and the map widget share this code.
 */
import L from "leaflet";
import { createMap, unitsLayer, type Rate } from "./map-style.js";
import { mapKeys } from "./map-keys.js";
import { rateText } from "./rate-text.js";

interface UnitMapFile { features: GeoJSON.Feature[]; units: Record<string, { n: string; p: string; r: Rate; y: number | null }> }
/** Per unit code: the rate and year to show instead of the file's latest (the map widget's ?year= and ?release=). */
export type RateOverride = Record<string, { r: Rate; y: number | null }>;
export interface UnitMapWords { noData: string; suppressed: string; keysLabel: string; skipMap: string }

export function rateLabel(u: UnitMapFile["units"][string] | undefined, lang: "VI" | "EN", w: UnitMapWords): string {
  if (!u) return "";
  return `${u.n}${u.y ? ` (${u.y})` : ""}: ${rateText(u.r, lang, w)}`;
}

/** `linkPrefix` is prepended to `/unit/…` (e.g. "/en", or an origin for the widget); `target` opens profiles elsewhere. */
export async function drawUnitMap(el: HTMLElement, linkPrefix: string, target?: string, override?: RateOverride): Promise<void> {
  const res = await fetch(`/data/map/unit/${encodeURIComponent(el.dataset.code ?? "")}.json`);
  if (!res.ok) return;
  const file = (await res.json()) as UnitMapFile;
  for (const [c, v] of Object.entries(override ?? {})) if (file.units[c]) Object.assign(file.units[c], v);
  if (file.features.length === 0) return;
  const lang = el.dataset.lang === "EN" ? "EN" : "VI";
  const words = JSON.parse(el.dataset.words ?? "{}") as UnitMapWords;
  const href = (c: string) => (file.units[c] ? `${linkPrefix}/unit/${file.units[c].p}` : null);
  el.replaceChildren();
  const map = createMap(el, { scrollWheelZoom: false });
  const { layer, byCode } = unitsLayer({ type: "FeatureCollection", features: file.features }, (c) => file.units[c]?.r,
    (c) => rateLabel(file.units[c], lang, words), href);
  layer.addTo(map);
  if (target) layer.eachLayer((l) => l.off("click").on("click", () => window.open(href(String(((l as L.GeoJSON).feature as GeoJSON.Feature).id)) ?? "", target, "noopener")));
  map.fitBounds((layer as L.GeoJSON).getBounds(), { padding: [6, 6], maxZoom: 13 });
  const codes = [...byCode.keys()].filter((c) => file.units[c]).sort((a, b) => file.units[a]!.n.localeCompare(file.units[b]!.n, "vi"));
  mapKeys(map, el, codes.map((c) => ({ code: c, label: rateLabel(file.units[c], lang, words), href: href(c)!, layer: byCode.get(c)! })),
    { listLabel: words.keysLabel, skip: el.dataset.skip ? { text: words.skipMap, href: el.dataset.skip } : undefined, target });
  el.dataset.drawn = String(file.features.length);
}
