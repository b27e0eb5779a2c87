/** Draws a unit's small map with Leaflet from /data/map/unit/<code>.json (loaded only once the map is visible). */
import L from "leaflet";
import { createMap, unitsLayer, type Rate } from "./map-style.js";

interface UnitMapFile { features: GeoJSON.Feature[]; units: Record<string, { n: string; p: string; r: Rate; y: number | null }> }

export async function drawUnitMap(el: HTMLElement, linkPrefix: string, target?: string): Promise<void> {
  const res = await fetch(`/data/map/unit/${encodeURIComponent(el.dataset.code ?? "")}.json`);
  if (!res.ok) return;
  const file = (await res.json()) as UnitMapFile;
  if (file.features.length === 0) return;
  el.replaceChildren();
  const map = createMap(el, { scrollWheelZoom: false });
  const { layer } = unitsLayer({ type: "FeatureCollection", features: file.features }, (c) => file.units[c]?.r,
    (c) => file.units[c]?.n ?? c, (c) => (file.units[c] ? `${linkPrefix}/unit/${file.units[c].p}` : null));
  layer.addTo(map);
  if (target) layer.eachLayer((l) => l.off("click").on("click", () => window.open(`${linkPrefix}/unit/${file.units[((l as L.GeoJSON).feature as GeoJSON.Feature).id as string]?.p ?? ""}`, target, "noopener")));
  map.fitBounds((layer as L.GeoJSON).getBounds(), { padding: [6, 6], maxZoom: 13 });
  el.dataset.drawn = String(file.features.length);
}

/** Run `fn` once the element scrolls into view (immediately where IntersectionObserver is missing). */
export function whenVisible(el: Element, fn: () => void): void {
  if (!("IntersectionObserver" in window)) return fn();
  const io = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) { io.disconnect(); fn(); } }, { rootMargin: "200px" });
  io.observe(el);
}
