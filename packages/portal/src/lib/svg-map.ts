/**
 * A static SVG map (pure): the no-JavaScript fallback of the map widget and the first paint of small maps. Why SVG:
 * it needs no library and no tiles, and weighs a few kB for a commune and its villages.
 */
import { polygonsOf } from "@minhbach/core/geo/index.ts";
import { rateColor } from "../data/map-layers.js";
import type { UnitShape } from "../data/unit-geo.js";

export interface SvgMap { width: number; height: number; items: { code: string; name: string; page: string; d?: string; cx?: number; cy?: number; fill: string }[] }

export function svgMap(shapes: UnitShape[], width = 320): SvgMap | null {
  const pts: number[][] = [];
  for (const s of shapes) {
    if (s.geometry) for (const poly of polygonsOf(s.geometry)) for (const ring of poly) pts.push(...ring);
    else if (s.point) pts.push(s.point);
  }
  if (pts.length === 0) return null;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of pts) { minX = Math.min(minX, p[0]!); maxX = Math.max(maxX, p[0]!); minY = Math.min(minY, p[1]!); maxY = Math.max(maxY, p[1]!); }
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * k, 0.01);
  const spanY = Math.max(maxY - minY, 0.01);
  const pad = 8;
  const scale = (width - 2 * pad) / Math.max(spanX, spanY);
  const height = Math.round(spanY * scale + 2 * pad);
  const offX = (width - spanX * scale) / 2;
  const x = (lng: number) => offX + (lng - minX) * k * scale;
  const y = (lat: number) => pad + (maxY - lat) * scale;
  const items = shapes.map((s) => {
    const fill = rateColor(s.rate?.[0] ?? null, s.rate?.[1]);
    if (s.geometry) {
      const d = polygonsOf(s.geometry).map((poly) => poly.map((ring) => "M" + ring.map((p) => `${x(p[0]!).toFixed(1)} ${y(p[1]!).toFixed(1)}`).join("L") + "Z").join("")).join("");
      return { code: s.code, name: s.name, page: s.page, d, fill };
    }
    return { code: s.code, name: s.name, page: s.page, cx: x(s.point![0]!), cy: y(s.point![1]!), fill };
  });
  return { width, height, items };
}
