/**
 * Map state shared by the home map and the unit/embed maps: classes, colours, base layer and the canvas renderer.
 * Why no tile layer by default: tiles cannot load on weak links (or here); boundaries and data draw on their own.
 */
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { rateColor, SUPPRESSED_COLOR } from "../data/map-layers.js";
import type { RateStatus } from "../data/model.js";

export { rateColor };

export type Rate = [number | null, RateStatus] | undefined;

/** Leaflet map with the canvas renderer and, only when configured on the element, a base layer. */
export function createMap(el: HTMLElement, opts: L.MapOptions = {}): L.Map {
  const map = L.map(el, { preferCanvas: true, renderer: L.canvas({ padding: 0.3 }), zoomSnap: 0.5, attributionControl: true, ...opts });
  const tiles = el.dataset.tiles;
  if (tiles) L.tileLayer(tiles, { attribution: el.dataset.attribution ?? "", maxZoom: 18 }).addTo(map);
  map.attributionControl.setPrefix("");
  return map;
}

export function shapeStyle(rate: Rate): L.PathOptions {
  const status = rate?.[1];
  return {
    color: status === "S" ? "#404040" : "#555",
    weight: 1,
    dashArray: status === "S" ? "4 3" : undefined,
    fillColor: rateColor(rate?.[0] ?? null, status),
    fillOpacity: status === "S" ? 0.75 : 0.85,
  };
}

export function pointStyle(rate: Rate): L.CircleMarkerOptions {
  return { ...shapeStyle(rate), radius: 7, weight: 1.5, color: rate?.[1] === "S" ? SUPPRESSED_COLOR : "#333" };
}

/** A GeoJSON layer of units, each clickable to its page; returns the layer and a code → layer index. */
export function unitsLayer(geojson: GeoJSON.FeatureCollection, rateOf: (code: string) => Rate, label: (code: string) => string,
  href: (code: string) => string | null): { layer: L.GeoJSON; byCode: Map<string, L.Layer> } {
  const byCode = new Map<string, L.Layer>();
  const layer = L.geoJSON(geojson, {
    style: (f) => shapeStyle(rateOf(String(f?.id))),
    pointToLayer: (f, latlng) => L.circleMarker(latlng, pointStyle(rateOf(String(f.id)))),
    onEachFeature: (f, l) => {
      const code = String(f.id);
      byCode.set(code, l);
      l.bindTooltip(label(code), { sticky: true });
      const target = href(code);
      if (target) l.on("click", () => { window.location.href = target; });
    },
  });
  return { layer, byCode };
}

/** Pixel centre of a drawn unit (for scripted use and tests: `minhbachMap.centerOf(code)`). */
export function centerOf(map: L.Map, layer: L.Layer | undefined): [number, number] | null {
  if (!layer) return null;
  const latlng = "getLatLng" in layer ? (layer as L.CircleMarker).getLatLng() : (layer as L.Polygon).getBounds().getCenter();
  const p = map.latLngToContainerPoint(latlng);
  return [p.x, p.y];
}
