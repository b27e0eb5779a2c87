/**
 * Label points for unit geometries: the area-weighted centroid, or a point inside the unit when the centroid falls
 * outside it (crescent-shaped districts, island groups). Why: the portal puts a unit's marker and label there, and a
 * marker drawn in the neighbouring district misleads. Planar lng/lat maths: units are small enough for it to be fine.
 */
import { bbox } from "./bbox.js";
import { polygonsOf, type AreaGeometry, type PolygonCoords, type Ring } from "./types.js";

export interface LngLat {
  lng: number;
  lat: number;
}

/** Signed area (shoelace) and area-weighted centroid of one ring, computed relative to its first vertex for precision. */
function ringMoments(ring: Ring): { area: number; cx: number; cy: number } {
  const ox = ring[0]![0]!;
  const oy = ring[0]![1]!;
  let a2 = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const x0 = ring[i]![0]! - ox;
    const y0 = ring[i]![1]! - oy;
    const x1 = ring[i + 1]![0]! - ox;
    const y1 = ring[i + 1]![1]! - oy;
    const cross = x0 * y1 - x1 * y0;
    a2 += cross;
    sx += (x0 + x1) * cross;
    sy += (y0 + y1) * cross;
  }
  const area = a2 / 2;
  if (area === 0) return { area: 0, cx: ox, cy: oy };
  return { area, cx: ox + sx / (6 * area), cy: oy + sy / (6 * area) };
}

/** Unsigned area in square degrees, holes subtracted. Why exported: choosing the main part of a multipolygon. */
export function planarArea(geometry: AreaGeometry): number {
  let total = 0;
  for (const polygon of polygonsOf(geometry)) total += polygonArea(polygon);
  return total;
}

function polygonArea(polygon: PolygonCoords): number {
  return polygon.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * Math.abs(ringMoments(ring).area), 0);
}

/** Area-weighted centroid; holes weigh negatively. Winding order does not matter (files from GIS tools disagree on it). */
export function areaCentroid(geometry: AreaGeometry): LngLat {
  let w = 0;
  let x = 0;
  let y = 0;
  for (const polygon of polygonsOf(geometry)) {
    polygon.forEach((ring, i) => {
      const m = ringMoments(ring);
      const weight = (i === 0 ? 1 : -1) * Math.abs(m.area);
      w += weight;
      x += weight * m.cx;
      y += weight * m.cy;
    });
  }
  if (w <= 0) {
    const [minX, minY, maxX, maxY] = bbox(geometry);
    return { lng: (minX + maxX) / 2, lat: (minY + maxY) / 2 };
  }
  return { lng: x / w, lat: y / w };
}

/** Even–odd ray casting over every ring, so points in holes are outside. */
export function containsPoint(geometry: AreaGeometry, point: LngLat): boolean {
  return crossings(geometry, point.lat).filter((x) => point.lng < x).length % 2 === 1;
}

/** Where the edges of every ring cross the horizontal line at `lat` (half-open rule: a vertex exactly on the line
 *  is counted once, so crossings pair up). Shared by the point test and the label-point search. */
function crossings(geometry: AreaGeometry, lat: number): number[] {
  const xs: number[] = [];
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const xi = ring[i]![0]!;
        const yi = ring[i]![1]!;
        const xj = ring[j]![0]!;
        const yj = ring[j]![1]!;
        if (yi > lat !== yj > lat) xs.push(xi + ((lat - yi) * (xj - xi)) / (yj - yi));
      }
    }
  }
  return xs;
}

/** The widest run inside the geometry along the horizontal line at `lat`, as its midpoint; undefined if none. */
function scanlinePoint(geometry: AreaGeometry, lat: number): { point: LngLat; width: number } | undefined {
  const xs = crossings(geometry, lat).sort((a, b) => a - b);
  let best: { point: LngLat; width: number } | undefined;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    const width = xs[k + 1]! - xs[k]!;
    if (!best || width > best.width) best = { point: { lng: (xs[k]! + xs[k + 1]!) / 2, lat }, width };
  }
  return best;
}

/**
 * The area-weighted centroid if it lies inside the geometry; otherwise the middle of the widest inside run on the
 * centroid's latitude, or failing that on the middle latitude of the largest part.
 */
export function labelPoint(geometry: AreaGeometry): LngLat & { inside: "centroid" | "scanline" } {
  const c = areaCentroid(geometry);
  if (containsPoint(geometry, c)) return { ...c, inside: "centroid" };
  const onCentroidLine = scanlinePoint(geometry, c.lat);
  if (onCentroidLine) return { ...onCentroidLine.point, inside: "scanline" };
  const largest = polygonsOf(geometry).reduce((a, b) => (polygonArea(b) > polygonArea(a) ? b : a));
  const [, minY, , maxY] = bbox({ type: "Polygon", coordinates: largest });
  const fallback = scanlinePoint({ type: "Polygon", coordinates: largest }, (minY + maxY) / 2);
  if (fallback) return { ...fallback.point, inside: "scanline" };
  return { ...c, inside: "centroid" }; // degenerate (zero-area) geometry: validation reports it before this matters
}
