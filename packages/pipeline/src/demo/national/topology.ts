/**
 * A compact TopoJSON (https://github.com/topojson/topojson-specification) of province and district boundaries: rings
 * are cut into arcs where neighbours meet, each arc is stored once (quantised, delta-encoded) and simplified once.
 * Why arcs rather than simplifying each polygon: two districts simplified separately leave slivers and overlaps along
 * their common border, and a province would no longer hold its districts exactly; a shared arc is the same line for
 * every unit that uses it, so the simplified districts still tile their simplified province.
 */
import { simplifyLine } from "@minhbach/core/geo/simplify.ts";

/** [x, y] in quantised grid units. */
type Q = [number, number];

export interface TopoGeometry {
  type: "MultiPolygon";
  id: string;
  /** polygons → rings → arc indices (a negative index ~i is arc i reversed) */
  arcs: number[][][];
}

export interface Topology {
  type: "Topology";
  transform: { scale: [number, number]; translate: [number, number] };
  objects: Record<string, { type: "GeometryCollection"; geometries: TopoGeometry[] }>;
  arcs: Q[][];
}

/** A unit's boundary as GeoJSON MultiPolygon coordinates (lng, lat in degrees). */
export interface SourceShape {
  id: string;
  coordinates: number[][][][];
}

export interface TopologyOptions {
  /** grid size in degrees (1e-4 ≈ 11 m) */
  quantum: number;
  /** Douglas–Peucker tolerance in degrees */
  tolerance: number;
}

/** A number that identifies a grid point (x, y < 2^21 grid units: the whole country at 1e-4° fits). */
const keyOf = (p: Q) => p[0] * 2_097_152 + p[1];

/** Builds the topology of several named collections of shapes (e.g. provinces and districts) that share borders. */
export function buildTopology(collections: Record<string, SourceShape[]>, o: TopologyOptions): Topology {
  const all = Object.values(collections).flat();
  let x0 = Infinity, y0 = Infinity;
  for (const s of all) for (const poly of s.coordinates) for (const ring of poly) for (const [x, y] of ring) {
    x0 = Math.min(x0, x!); y0 = Math.min(y0, y!);
  }
  const translate: [number, number] = [Math.floor(x0 / o.quantum) * o.quantum, Math.floor(y0 / o.quantum) * o.quantum];
  const quantise = (ring: number[][]): Q[] => {
    const out: Q[] = [];
    for (const [x, y] of ring) {
      const q: Q = [Math.round((x! - translate[0]) / o.quantum), Math.round((y! - translate[1]) / o.quantum)];
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    if (out.length > 1 && keyOf(out[0]!) === keyOf(out[out.length - 1]!)) out.pop(); // open ring: no closing repeat
    return out;
  };
  const rings = new Map<string, Q[][][]>(all.map((s) => [s.id + "|" + collectionOf(collections, s), s.coordinates.map((p) => p.map(quantise).filter((r) => r.length >= 3))]));
  const junctions = findJunctions([...rings.values()].flat(2));
  const arcs = new ArcStore(o.tolerance / o.quantum);
  const objects: Topology["objects"] = {};
  for (const [name, shapes] of Object.entries(collections)) {
    const geometries = shapes.map((s): TopoGeometry => {
      // A part (or hole) that simplification shrinks to a line is dropped: the same arcs collapse for every unit.
      const polygons = rings.get(s.id + "|" + name)!
        .map((poly) => poly.map((ring) => arcs.ringArcs(ring, junctions)))
        .filter((poly) => poly.length > 0 && arcs.ringIsOpen(poly[0]!))
        .map((poly) => [poly[0]!, ...poly.slice(1).filter((hole) => arcs.ringIsOpen(hole))]);
      return { type: "MultiPolygon", id: s.id, arcs: polygons };
    });
    objects[name] = { type: "GeometryCollection", geometries };
  }
  return { type: "Topology", transform: { scale: [o.quantum, o.quantum], translate }, objects, arcs: arcs.encoded() };
}

function collectionOf(collections: Record<string, SourceShape[]>, s: SourceShape): string {
  return Object.entries(collections).find(([, list]) => list.includes(s))![0];
}

/**
 * Grid points where rings stop running along the same neighbours (TopoJSON's "join"): a point visited twice with
 * different previous/next points, plus the points several rings meet at. Arcs are cut there, so a border shared by
 * two units becomes exactly one arc for both.
 */
function findJunctions(rings: Q[][]): Set<number> {
  const seen = new Map<number, [number, number]>();
  const junctions = new Set<number>();
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const k = keyOf(ring[i]!);
      const prev = keyOf(ring[(i + ring.length - 1) % ring.length]!);
      const next = keyOf(ring[(i + 1) % ring.length]!);
      const before = seen.get(k);
      if (!before) seen.set(k, [prev, next]);
      else if (!((before[0] === prev && before[1] === next) || (before[0] === next && before[1] === prev))) junctions.add(k);
    }
  }
  return junctions;
}

/** Unique arcs, in a canonical direction, each simplified once. */
class ArcStore {
  private readonly index = new Map<string, number>();
  private readonly arcs: Q[][] = [];
  constructor(private readonly tolerance: number) {}

  /** The arcs of one ring (open: first point not repeated), cut at its junctions. */
  ringArcs(ring: Q[], junctions: Set<number>): number[] {
    const cuts = ring.map((p, i) => (junctions.has(keyOf(p)) ? i : -1)).filter((i) => i >= 0);
    if (cuts.length === 0) return [this.add(closedCanonical(ring))];
    const start = cuts[0]!;
    const rotated = [...ring.slice(start), ...ring.slice(0, start), ring[start]!];
    const ids: number[] = [];
    let from = 0;
    for (let i = 1; i < rotated.length; i++) {
      if (i === rotated.length - 1 || junctions.has(keyOf(rotated[i]!))) {
        ids.push(this.add(rotated.slice(from, i + 1)));
        from = i;
      }
    }
    return ids;
  }

  /** Whether a ring made of these arcs still encloses an area after simplification (at least 3 distinct points). */
  ringIsOpen(ids: number[]): boolean {
    const keys = new Set<number>();
    for (const id of ids) for (const p of this.arcs[id < 0 ? ~id : id]!) keys.add(keyOf(p));
    return keys.size >= 3;
  }

  private add(points: Q[]): number {
    const forward = points.map(keyOf).join(",");
    const found = this.index.get(forward);
    if (found !== undefined) return found;
    const backward = points.map(keyOf).reverse().join(",");
    const reversed = this.index.get(backward);
    if (reversed !== undefined) return ~reversed;
    const id = this.arcs.length;
    this.arcs.push(simplifyLine(points, this.tolerance) as Q[]);
    this.index.set(forward, id);
    return id;
  }

  /** Arcs as TopoJSON stores them: the first point absolute, then differences. */
  encoded(): Q[][] {
    return this.arcs.map((arc) => arc.map((p, i): Q => (i === 0 ? [p[0], p[1]] : [p[0] - arc[i - 1]![0], p[1] - arc[i - 1]![1]])));
  }
}

/** A ring without junctions, closed, started at its lowest point and turned one fixed way, so duplicates match. */
function closedCanonical(ring: Q[]): Q[] {
  let low = 0;
  for (let i = 1; i < ring.length; i++) if (keyOf(ring[i]!) < keyOf(ring[low]!)) low = i;
  const rotated = [...ring.slice(low), ...ring.slice(0, low)];
  const turned = keyOf(rotated[1]!) > keyOf(rotated[rotated.length - 1]!) ? [rotated[0]!, ...rotated.slice(1).reverse()] : rotated;
  return [...turned, turned[0]!];
}

/** GeoJSON MultiPolygon coordinates of one geometry of a topology (degrees, rounded to the quantum). */
export function decodeGeometry(topology: Topology, geometry: TopoGeometry): number[][][][] {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  const decimals = Math.max(0, Math.round(-Math.log10(sx)));
  const f = 10 ** decimals;
  const absolute = (arc: Q[]): number[][] => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => {
      x += dx; y += dy;
      return [Math.round((x * sx + tx) * f) / f, Math.round((y * sy + ty) * f) / f];
    });
  };
  const cache = new Map<number, number[][]>();
  const arcPoints = (i: number) => {
    const j = i < 0 ? ~i : i;
    if (!cache.has(j)) cache.set(j, absolute(topology.arcs[j]!));
    const pts = cache.get(j)!;
    return i < 0 ? pts.slice().reverse() : pts;
  };
  return geometry.arcs.map((poly) => poly.map((ring) => {
    const out: number[][] = [];
    ring.forEach((i, n) => out.push(...(n === 0 ? arcPoints(i) : arcPoints(i).slice(1))));
    return out;
  }));
}
