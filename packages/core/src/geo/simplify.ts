/**
 * Douglas–Peucker simplification of unit geometries per map zoom. Why: a district boundary has thousands of vertices,
 * while at province zoom a pixel covers hundreds of metres; the portal sends a lighter geometry per zoom band.
 * Rings stay closed with at least 4 positions; parts that would collapse are dropped, but never the whole unit.
 */
import { planarArea } from "./centroid.js";
import { polygonsOf, type AreaGeometry, type PolygonCoords, type Position, type Ring } from "./types.js";

/** Degrees of longitude covered by `pixels` screen pixels at a Web-Mercator zoom (256-px tiles). */
export function toleranceForZoom(zoom: number, pixels = 1): number {
  return (360 / (256 * 2 ** zoom)) * pixels;
}

function sqSegmentDistance(p: Position, a: Position, b: Position): number {
  let x = a[0]!;
  let y = a[1]!;
  let dx = b[0]! - x;
  let dy = b[1]! - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0]! - x) * dx + (p[1]! - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b[0]!;
      y = b[1]!;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = p[0]! - x;
  dy = p[1]! - y;
  return dx * dx + dy * dy;
}

/** Douglas–Peucker on an open or closed line; keeps both ends. Iterative, so long boundaries cannot overflow the stack. */
export function simplifyLine(points: readonly Position[], tolerance: number): Position[] {
  if (points.length <= 2 || tolerance <= 0) return points.slice();
  const sqTolerance = tolerance * tolerance;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let maxSq = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = sqSegmentDistance(points[i]!, points[first]!, points[last]!);
      if (d > maxSq) {
        maxSq = d;
        index = i;
      }
    }
    if (index !== -1 && maxSq > sqTolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** A closed ring is simplified as two halves split at its farthest vertex from the start, so the shape survives. */
function simplifyRing(ring: Ring, tolerance: number): Ring | undefined {
  if (ring.length <= 4) return ring.slice();
  let far = 1;
  let farSq = -1;
  for (let i = 1; i < ring.length - 1; i++) {
    const d = sqSegmentDistance(ring[i]!, ring[0]!, ring[0]!);
    if (d > farSq) {
      farSq = d;
      far = i;
    }
  }
  const a = simplifyLine(ring.slice(0, far + 1), tolerance);
  const b = simplifyLine(ring.slice(far), tolerance);
  const out = [...a, ...b.slice(1)];
  return out.length >= 4 ? out : undefined;
}

function simplifyPolygon(polygon: PolygonCoords, tolerance: number): PolygonCoords | undefined {
  const outer = simplifyRing(polygon[0] ?? [], tolerance);
  if (!outer) return undefined;
  const holes = polygon.slice(1).map((h) => simplifyRing(h, tolerance)).filter((h): h is Ring => h !== undefined);
  return [outer, ...holes];
}

/** Optional rounding of coordinates; at zoom z, log10(1/tolerance)+1 decimals lose nothing visible. */
function rounder(decimals: number | undefined): (p: Position) => Position {
  if (decimals === undefined) return (p) => [p[0]!, p[1]!];
  const f = 10 ** decimals;
  return (p) => [Math.round(p[0]! * f) / f, Math.round(p[1]! * f) / f];
}

export interface SimplifyOptions {
  /** Round coordinates to this many decimals after simplifying (smaller payloads). */
  decimals?: number;
}

/** Simplify every part; if every part collapses, keep the largest part, simplified as far as it still forms a ring. */
export function simplifyGeometry(geometry: AreaGeometry, tolerance: number, options: SimplifyOptions = {}): AreaGeometry {
  const round = rounder(options.decimals);
  const roundPolygon = (p: PolygonCoords): PolygonCoords => p.map((ring) => ring.map(round));
  const parts = polygonsOf(geometry);
  let kept = parts.map((p) => simplifyPolygon(p, tolerance)).filter((p): p is PolygonCoords => p !== undefined);
  if (kept.length === 0) {
    const largest = parts.reduce((a, b) => (planarArea({ type: "Polygon", coordinates: b }) > planarArea({ type: "Polygon", coordinates: a }) ? b : a));
    let t = tolerance / 2;
    let fallback: PolygonCoords | undefined;
    while (!fallback && t > tolerance / 1024) {
      fallback = simplifyPolygon(largest, t);
      t /= 2;
    }
    kept = [fallback ?? largest];
  }
  if (geometry.type === "Polygon") return { type: "Polygon", coordinates: roundPolygon(kept[0]!) };
  return { type: "MultiPolygon", coordinates: kept.map(roundPolygon) };
}

/** Total vertex count, for tests and for logging how much a zoom band saves. */
export function vertexCount(geometry: AreaGeometry): number {
  return polygonsOf(geometry).reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
}
