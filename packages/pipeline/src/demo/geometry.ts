/**
 * Illustrative, synthetic geometry for the demo map. Why synthetic: real commune/village polygons may not be shipped.
 * Districts get Voronoi cells of their real bounding-box centres inside the union of those boxes; communes tile each
 * district cell by Voronoi from seeded points (members of one 2025 commune placed close together); everything above a
 * commune is a union of commune cells, so the map nests exactly. Villages get a point inside their commune cell.
 */
import { Delaunay } from "d3-delaunay";
import polygonClipping, { type MultiPolygon, type Pair, type Polygon } from "polygon-clipping";
import { DISTRICTS } from "./data/bac-kan-units.js";
import { Rng } from "./random.js";
import { NEW_PROVINCE, type DemoMap } from "./units.js";

export interface UnitGeometry {
  geometry: string | null; // GeoJSON geometry text (Polygon or MultiPolygon); null for villages (a point only)
  lat: number;
  lng: number;
}

type BBox = readonly [number, number, number, number];

function rect([x0, y0, x1, y1]: BBox): Polygon {
  return [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];
}

function bboxOf(mp: MultiPolygon): BBox {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of mp) for (const [x, y] of poly[0]!) {
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  return [x0, y0, x1, y1];
}

function inRing(p: Pair, ring: Pair[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function contains(mp: MultiPolygon, p: Pair): boolean {
  return mp.some((poly) => inRing(p, poly[0]!) && !poly.slice(1).some((hole) => inRing(p, hole)));
}

/** A uniform random point inside `mp` (rejection sampling in its bounding box), optionally near `near`. */
function pointIn(rng: Rng, mp: MultiPolygon, near?: { at: Pair; radius: number }): Pair {
  const [x0, y0, x1, y1] = bboxOf(mp);
  for (let tries = 0; tries < 10_000; tries++) {
    const p: Pair = near && tries < 5_000
      ? [near.at[0] + rng.uniform(-1, 1) * near.radius, near.at[1] + rng.uniform(-1, 1) * near.radius]
      : [rng.uniform(x0, x1), rng.uniform(y0, y1)];
    if (contains(mp, p)) return p;
  }
  throw new Error("Could not place a point inside a polygon");
}

/** Voronoi cells of `points` clipped to `area`. */
function voronoiCells(points: Pair[], area: MultiPolygon): MultiPolygon[] {
  const [x0, y0, x1, y1] = bboxOf(area);
  const voronoi = Delaunay.from(points).voronoi([x0 - 0.01, y0 - 0.01, x1 + 0.01, y1 + 0.01]);
  return points.map((_, i) => {
    const cell = voronoi.cellPolygon(i) as Pair[] | null;
    if (!cell) throw new Error("Degenerate Voronoi cell");
    return polygonClipping.intersection([cell], area);
  });
}

/** Area-weighted centroid of a (multi)polygon's outer rings. */
export function centroid(mp: MultiPolygon): Pair {
  let a = 0, cx = 0, cy = 0;
  for (const poly of mp) {
    const ring = poly[0]!;
    for (let i = 0; i < ring.length - 1; i++) {
      const [xa, ya] = ring[i]!;
      const [xb, yb] = ring[i + 1]!;
      const f = xa * yb - xb * ya;
      a += f; cx += (xa + xb) * f; cy += (ya + yb) * f;
    }
  }
  return [cx / (3 * a), cy / (3 * a)];
}

const r5 = (x: number) => Math.round(x * 1e5) / 1e5;

export function geoJsonText(mp: MultiPolygon): string {
  const rounded = mp.map((poly) => poly.map((ring) => ring.map(([x, y]) => [r5(x), r5(y)])));
  return JSON.stringify(rounded.length === 1 ? { type: "Polygon", coordinates: rounded[0] } : { type: "MultiPolygon", coordinates: rounded });
}

function toGeometry(mp: MultiPolygon): UnitGeometry {
  const [lng, lat] = centroid(mp);
  return { geometry: geoJsonText(mp), lat: r5(lat), lng: r5(lng) };
}

/** Geometry (illustrative) for every unit of the demo map, by unit code. */
export function buildGeometry(map: DemoMap, seed: number): Map<string, UnitGeometry> {
  const rng = new Rng(seed, "geometry");
  const province: MultiPolygon = polygonClipping.union(rect(DISTRICTS[0]!.bbox), ...DISTRICTS.slice(1).map((d) => rect(d.bbox)));
  const centres = DISTRICTS.map((d): Pair => [(d.bbox[0] + d.bbox[2]) / 2, (d.bbox[1] + d.bbox[3]) / 2]);
  const districtCells = voronoiCells(centres, province);
  const communeCells = new Map<string, MultiPolygon>();
  DISTRICTS.forEach((d, di) => {
    const cell = districtCells[di]!;
    const members = map.communes.filter((c) => c.districtCode === d.code);
    const groups = [...new Set(members.map((c) => c.newCode))];
    const [x0, y0, x1, y1] = bboxOf(cell);
    const radius = Math.sqrt(((x1 - x0) * (y1 - y0)) / Math.max(1, groups.length)) / 3;
    const anchors = new Map(groups.map((g) => [g, pointIn(rng, cell)]));
    const seeds = members.map((c) => pointIn(rng, cell, { at: anchors.get(c.newCode)!, radius }));
    voronoiCells(seeds, cell).forEach((mp, i) => communeCells.set(members[i]!.code, mp));
  });
  const out = new Map<string, UnitGeometry>();
  const unionOf = (parts: MultiPolygon[]): MultiPolygon => polygonClipping.union(parts[0]!, ...parts.slice(1));
  for (const c of map.communes) out.set(c.code, toGeometry(communeCells.get(c.code)!));
  for (const d of DISTRICTS) out.set(d.code, toGeometry(unionOf(map.communes.filter((c) => c.districtCode === d.code).map((c) => communeCells.get(c.code)!))));
  const all = unionOf([...communeCells.values()]);
  out.set("06", toGeometry(all));
  out.set(NEW_PROVINCE.code, toGeometry(all));
  for (const newCode of new Set(map.communes.map((c) => c.newCode))) {
    if (out.has(newCode) && map.communes.some((c) => c.code === newCode)) continue; // unchanged commune
    out.set(newCode, toGeometry(unionOf(map.communes.filter((c) => c.newCode === newCode).map((c) => communeCells.get(c.code)!))));
  }
  for (const c of map.communes) {
    const cell = communeCells.get(c.code)!;
    for (const v of c.villages) {
      const [x, y] = pointIn(rng, cell);
      out.set(v, { geometry: null, lat: r5(y), lng: r5(x) });
    }
  }
  return out;
}
