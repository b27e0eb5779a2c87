/**
 * Checks that a parsed GeoJSON value is a unit area we can store: Polygon/MultiPolygon, closed rings of at least four
 * positions, finite coordinates inside Vietnam, non-zero area. Why strict: a swapped lat/lng or a projected (metre)
 * file would otherwise put a district in the sea, silently, on the public map.
 */
import { planarArea } from "./centroid.js";
import { polygonsOf, type AreaGeometry, type BBox } from "./types.js";

export interface GeometryProblem {
  /** Where in the geometry, e.g. "coordinates[0][1][17]". */
  path: string;
  reason: string;
}

export interface Extent {
  name: string;
  box: BBox;
}

/**
 * Where Vietnamese units may lie: the mainland and near-shore islands (lng 102–110, lat 8–24), plus the Hoàng Sa and
 * Trường Sa archipelagos, which are districts of Đà Nẵng and Khánh Hòa and lie further east.
 */
export const VIETNAM_EXTENTS: readonly Extent[] = [
  { name: "mainland", box: [102, 8, 110, 24] },
  { name: "Hoàng Sa", box: [110, 15, 113, 17.5] },
  { name: "Trường Sa", box: [111, 6, 118, 12] },
];

const MAX_PROBLEMS_PER_GEOMETRY = 5;

function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function inExtents(lng: number, lat: number, extents: readonly Extent[]): boolean {
  return extents.some(({ box }) => lng >= box[0] && lng <= box[2] && lat >= box[1] && lat <= box[3]);
}

export function validateAreaGeometry(
  value: unknown,
  extents: readonly Extent[] = VIETNAM_EXTENTS,
): { geometry?: AreaGeometry; problems: GeometryProblem[] } {
  const problems: GeometryProblem[] = [];
  const add = (path: string, reason: string): boolean => {
    if (problems.length < MAX_PROBLEMS_PER_GEOMETRY) problems.push({ path, reason });
    return problems.length < MAX_PROBLEMS_PER_GEOMETRY;
  };
  if (!value || typeof value !== "object") return { problems: [{ path: "geometry", reason: "missing geometry" }] };
  const g = value as { type?: unknown; coordinates?: unknown };
  if (g.type !== "Polygon" && g.type !== "MultiPolygon") {
    return { problems: [{ path: "type", reason: `geometry type ${JSON.stringify(g.type)} is not Polygon or MultiPolygon` }] };
  }
  if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return { problems: [{ path: "coordinates", reason: "no coordinates" }] };
  const polygons = (g.type === "Polygon" ? [g.coordinates] : g.coordinates) as unknown[];
  const prefix = (p: number) => (g.type === "Polygon" ? "coordinates" : `coordinates[${p}]`);

  for (let p = 0; p < polygons.length; p++) {
    const polygon = polygons[p];
    if (!Array.isArray(polygon) || polygon.length === 0) {
      if (!add(prefix(p), "polygon without rings")) break;
      continue;
    }
    let more = true;
    for (let r = 0; r < polygon.length && more; r++) more = checkRing(polygon[r], `${prefix(p)}[${r}]`, extents, add);
    if (!more) break;
  }
  if (problems.length > 0) return { problems };
  const geometry = { type: g.type, coordinates: g.coordinates } as AreaGeometry;
  polygonsOf(geometry).forEach((polygon, p) => {
    if (planarArea({ type: "Polygon", coordinates: polygon }) <= 0) add(prefix(p), "polygon has zero area");
  });
  return problems.length > 0 ? { problems } : { geometry, problems };
}

/** Checks one ring; returns false once enough problems are collected. */
function checkRing(ring: unknown, path: string, extents: readonly Extent[], add: (path: string, reason: string) => boolean): boolean {
  if (!Array.isArray(ring) || ring.length < 4) return add(path, "a ring needs at least 4 positions");
  let outside = 0;
  let firstOutside = "";
  for (let i = 0; i < ring.length; i++) {
    const pos = ring[i] as unknown;
    if (!Array.isArray(pos) || pos.length < 2 || !isNumber(pos[0]) || !isNumber(pos[1])) {
      return add(`${path}[${i}]`, "position is not [lng, lat] numbers");
    }
    if (!inExtents(pos[0], pos[1], extents)) {
      if (outside === 0) firstOutside = `[${i}] = [${pos[0]}, ${pos[1]}]`;
      outside++;
    }
  }
  if (outside > 0) {
    const reason = `${outside} position(s) outside Vietnam's extent (lng 102–110, lat 8–24, or the Hoàng Sa/Trường Sa areas), first ${firstOutside}; lat/lng swapped or a projected file in metres?`;
    if (!add(path, reason)) return false;
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) return add(path, "ring is not closed (first and last positions differ)");
  return true;
}
