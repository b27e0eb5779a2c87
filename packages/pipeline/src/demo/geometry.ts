/**
 * Geometry of the demo's units. Provinces and districts get their real boundaries (simplified, from the committed
 * national TopoJSON); a province of 1 July 2025 is the union of the old provinces it joined, and has no shape when one
 * of them has none (Quảng Ninh, 22, has no source shape: never an invented one). Communes and villages have no real
 * shapes anywhere, so outside the Bắc Kạn demo they get none; inside it, illustrative, synthetic ones: each real
 * district is tiled by Voronoi cells of seeded points (members of one 2025 commune placed close together), a 2025
 * commune is the union of its old communes' cells, and villages get a point inside their commune cell.
 */
import { Delaunay } from "d3-delaunay";
import polygonClipping, { type MultiPolygon, type Pair } from "polygon-clipping";
import { loadNational, type NationalData } from "./national/load.js";
import { decodeGeometry } from "./national/topology.js";
import { Rng } from "./random.js";
import type { DemoMap } from "./units.js";

export interface UnitGeometry {
  geometry: string | null; // GeoJSON geometry text (Polygon or MultiPolygon); null for villages (a point only)
  lat: number;
  lng: number;
  /** true for the Bắc Kạn demo's drawn communes and village points; false for real boundaries */
  illustrative: boolean;
}

type BBox = readonly [number, number, number, number];

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

function toGeometry(mp: MultiPolygon, illustrative: boolean): UnitGeometry {
  const [lng, lat] = centroid(mp);
  return { geometry: geoJsonText(mp), lat: r5(lat), lng: r5(lng), illustrative };
}

/** The union of shapes (one shape is returned as it is). */
const unionOf = (parts: MultiPolygon[]): MultiPolygon => (parts.length === 1 ? parts[0]! : polygonClipping.union(parts[0]!, ...parts.slice(1)));

/** The real (simplified) shapes of the topology, by collection ("provinces", "districts") and GSO code. */
function realShapes(national: NationalData, collection: "provinces" | "districts"): Map<string, MultiPolygon> {
  const t = national.topology;
  return new Map(t.objects[collection]!.geometries.map((g) => [g.id, decodeGeometry(t, g) as MultiPolygon]));
}

/** Geometry for every unit of the demo map that has one, by unit code. */
export function buildGeometry(map: DemoMap, seed: number, national: NationalData = loadNational()): Map<string, UnitGeometry> {
  const out = new Map<string, UnitGeometry>();
  const provinces = realShapes(national, "provinces");
  const districts = realShapes(national, "districts");
  const members = new Map(national.newProvinces.map((p) => [p[0], p[3]]));
  for (const u of map.units) {
    if (u.level === "DISTRICT" && districts.has(u.gsoCode!)) out.set(u.code, toGeometry(districts.get(u.gsoCode!)!, false));
    if (u.level !== "PROVINCE") continue;
    // A province of 1 July 2025 joined whole old provinces; one that continues unchanged keeps its own shape.
    const from = u.validFrom ? members.get(u.code)! : [u.gsoCode!];
    if (from.every((c) => provinces.has(c))) out.set(u.code, toGeometry(unionOf(from.map((c) => provinces.get(c)!)), false));
  }
  illustrativeCommunes(map, seed, districts, national, out);
  return out;
}

/** The Bắc Kạn demo's illustrative commune cells inside their real districts, its 2025 communes and village points. */
function illustrativeCommunes(map: DemoMap, seed: number, districts: Map<string, MultiPolygon>, national: NationalData, out: Map<string, UnitGeometry>): void {
  const rng = new Rng(seed, "geometry");
  const communeCells = new Map<string, MultiPolygon>();
  for (const districtCode of new Set(map.communes.map((c) => c.districtCode))) {
    const cell = districts.get(districtCode);
    if (!cell) throw new Error(`Demo district ${districtCode} has no real boundary to draw its communes in`);
    const members = map.communes.filter((c) => c.districtCode === districtCode);
    const groups = [...new Set(members.map((c) => c.newCode))];
    const [x0, y0, x1, y1] = bboxOf(cell);
    const radius = Math.sqrt(((x1 - x0) * (y1 - y0)) / Math.max(1, groups.length)) / 3;
    const anchors = new Map(groups.map((g) => [g, pointIn(rng, cell)]));
    const seeds = members.map((c) => pointIn(rng, cell, { at: anchors.get(c.newCode)!, radius }));
    voronoiCells(seeds, cell).forEach((mp, i) => communeCells.set(members[i]!.code, mp));
  }
  for (const c of map.communes) out.set(c.code, toGeometry(communeCells.get(c.code)!, true));
  const demo = new Map(map.communes.map((c) => [c.gsoCode, c.code]));
  for (const [code, , , , whole, part] of national.newCommunes) {
    const from = [...whole, ...part];
    // Only a 2025 commune made wholly of demo communes can be drawn from their cells (unchanged ones already are).
    if (out.has(code) || !from.every((c) => whole.includes(c) && demo.has(c))) continue;
    out.set(code, toGeometry(unionOf(from.map((c) => communeCells.get(demo.get(c)!)!)), true));
  }
  for (const c of map.communes) {
    const cell = communeCells.get(c.code)!;
    for (const v of c.villages) {
      const [x, y] = pointIn(rng, cell);
      out.set(v, { geometry: null, lat: r5(y), lng: r5(x), illustrative: true });
    }
  }
}
