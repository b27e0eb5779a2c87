import { describe, expect, it } from "vitest";
import { bbox, unionBBox } from "./bbox.js";
import { areaCentroid, containsPoint, labelPoint, planarArea } from "./centroid.js";
import { simplifyGeometry, simplifyLine, toleranceForZoom, vertexCount } from "./simplify.js";
import type { AreaGeometry, Ring } from "./types.js";
import { validateAreaGeometry } from "./validate.js";

const square = (x: number, y: number, s: number): Ring => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const poly = (...rings: Ring[]): AreaGeometry => ({ type: "Polygon", coordinates: rings });

/** A "C" opening to the east: its centroid lies in the gap, outside the shape. */
const cShape = poly([[0, 0], [3, 0], [3, 1], [1, 1], [1, 2], [3, 2], [3, 3], [0, 3], [0, 0]]);

describe("bbox", () => {
  it("bounds every part of a multipolygon", () => {
    const g: AreaGeometry = { type: "MultiPolygon", coordinates: [[square(105, 22, 1)], [square(107, 20, 0.5)]] };
    expect(bbox(g)).toEqual([105, 20, 107.5, 23]);
  });
  it("unions boxes", () => {
    expect(unionBBox([[1, 2, 3, 4], [0, 3, 2, 5]])).toEqual([0, 2, 3, 5]);
  });
});

describe("area-weighted centroid", () => {
  it("is the middle of a square whatever the winding order", () => {
    expect(areaCentroid(poly(square(105, 21, 2)))).toEqual({ lng: 106, lat: 22 });
    expect(areaCentroid(poly(square(105, 21, 2).reverse()))).toEqual({ lng: 106, lat: 22 });
  });
  it("weights parts by area, not by vertex count", () => {
    // big square (area 4) at x 0–2, small one (area 1) at x 10–11: x = (4·1 + 1·10.5) / 5 = 2.9
    const g: AreaGeometry = { type: "MultiPolygon", coordinates: [[square(0, 0, 2)], [square(10, 0, 1)]] };
    expect(areaCentroid(g).lng).toBeCloseTo(2.9, 12);
  });
  it("subtracts holes", () => {
    // 4×4 square with a 2×2 hole in its right half: area 12, x = (16·2 − 4·3) / 12 = 5/3
    const g = poly(square(0, 0, 4), square(2, 1, 2));
    expect(planarArea(g)).toBe(12);
    expect(areaCentroid(g).lng).toBeCloseTo(5 / 3, 12);
    expect(containsPoint(g, { lng: 3, lat: 2 })).toBe(false);
  });
  it("stays precise for real-world coordinates far from the origin", () => {
    const c = areaCentroid(poly(square(105.123456, 22.123456, 0.0001)));
    expect(c.lng).toBeCloseTo(105.123506, 9);
    expect(c.lat).toBeCloseTo(22.123506, 9);
  });
});

describe("label point", () => {
  it("uses the centroid when it lies inside", () => {
    expect(labelPoint(poly(square(0, 0, 2)))).toEqual({ lng: 1, lat: 1, inside: "centroid" });
  });
  it("moves inside the shape when the centroid falls outside", () => {
    const c = areaCentroid(cShape);
    expect(containsPoint(cShape, c)).toBe(false);
    const p = labelPoint(cShape);
    expect(p.inside).toBe("scanline");
    expect(containsPoint(cShape, p)).toBe(true);
  });
});

describe("simplification", () => {
  it("drops collinear and near-collinear points within the tolerance", () => {
    expect(simplifyLine([[0, 0], [1, 0.0001], [2, 0], [3, 5]], 0.01)).toEqual([[0, 0], [2, 0], [3, 5]]);
    expect(simplifyLine([[0, 0], [1, 0.5], [2, 0]], 0.01)).toHaveLength(3);
  });
  it("halves the tolerance per zoom level", () => {
    expect(toleranceForZoom(0)).toBeCloseTo(360 / 256, 12);
    expect(toleranceForZoom(9) / toleranceForZoom(10)).toBeCloseTo(2, 12);
    expect(toleranceForZoom(10, 2)).toBeCloseTo(2 * toleranceForZoom(10), 12);
  });
  it("keeps rings closed with at least 4 positions, and drops parts smaller than the tolerance", () => {
    const wiggly: Ring = [];
    for (let i = 0; i <= 100; i++) wiggly.push([i / 100, (i % 2) * 0.0001]);
    const ring: Ring = [...wiggly, [1, 1], [0, 1], [0, 0]];
    const g: AreaGeometry = { type: "MultiPolygon", coordinates: [[ring], [square(5, 5, 0.00001)]] };
    const s = simplifyGeometry(g, 0.01);
    expect(s.type).toBe("MultiPolygon");
    const parts = (s as { coordinates: Ring[][] }).coordinates;
    expect(parts).toHaveLength(1);
    const outer = parts[0]![0]!;
    expect(outer.length).toBeGreaterThanOrEqual(4);
    expect(outer[0]).toEqual(outer[outer.length - 1]);
    expect(vertexCount(s)).toBeLessThan(vertexCount(g));
  });
  it("never returns an empty geometry, even when every part is below the tolerance", () => {
    const s = simplifyGeometry(poly(square(105, 21, 0.001)), 1);
    expect(vertexCount(s)).toBeGreaterThanOrEqual(4);
  });
  it("rounds coordinates when asked", () => {
    const s = simplifyGeometry(poly(square(105.1234567, 21.7654321, 1)), 0.001, { decimals: 3 });
    expect((s as { coordinates: Ring[] }).coordinates[0]![0]).toEqual([105.123, 21.765]);
  });
});

describe("geometry validation", () => {
  it("accepts a closed polygon in Vietnam", () => {
    const r = validateAreaGeometry(poly(square(105.8, 22.1, 0.1)));
    expect(r.problems).toEqual([]);
    expect(r.geometry?.type).toBe("Polygon");
  });
  it("reports each kind of problem with its path", () => {
    expect(validateAreaGeometry({ type: "Point", coordinates: [105, 21] }).problems[0]!.reason).toMatch(/not Polygon/);
    expect(validateAreaGeometry(null).problems[0]!.reason).toMatch(/missing/);
    const open = poly([[105, 21], [106, 21], [106, 22], [105, 22]]);
    expect(validateAreaGeometry(open).problems).toEqual([{ path: "coordinates[0]", reason: expect.stringMatching(/not closed/) }]);
    const swapped = poly(square(21, 105, 1));
    expect(validateAreaGeometry(swapped).problems[0]!.reason).toMatch(/outside Vietnam.*swapped/);
    const short: AreaGeometry = { type: "MultiPolygon", coordinates: [[square(105, 21, 1)], [[[105, 21], [106, 21], [105, 21]]]] };
    expect(validateAreaGeometry(short).problems).toEqual([{ path: "coordinates[1][0]", reason: expect.stringMatching(/at least 4/) }]);
    const flat = poly([[105, 21], [106, 21], [107, 21], [105, 21]]);
    expect(validateAreaGeometry(flat).problems[0]!.reason).toMatch(/zero area/);
    expect(validateAreaGeometry(poly([[105, 21], ["x", 21], [106, 22], [105, 21]] as Ring)).problems[0]!.path).toBe("coordinates[0][1]");
  });
  it("accepts the Trường Sa islands, which lie east of the mainland box", () => {
    expect(validateAreaGeometry(poly(square(114.2, 10.3, 0.05))).problems).toEqual([]);
  });
  it("caps the problems listed for one broken geometry", () => {
    const rings = Array.from({ length: 20 }, () => [[0, 0], [1, 0], [0, 0]] as Ring);
    expect(validateAreaGeometry(poly(...rings)).problems.length).toBeLessThanOrEqual(5);
  });
});
