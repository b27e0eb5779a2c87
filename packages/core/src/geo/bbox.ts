/** Bounding boxes of unit geometries. Why: the portal fits the map to a unit, and tiles skip units outside the view. */
import { polygonsOf, type AreaGeometry, type BBox } from "./types.js";

export function bbox(geometry: AreaGeometry): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    // Holes lie inside the outer ring, so the outer ring alone bounds the polygon.
    for (const p of polygon[0] ?? []) {
      const x = p[0]!;
      const y = p[1]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (minX === Infinity) throw new Error("bbox of an empty geometry");
  return [minX, minY, maxX, maxY];
}

/** The box covering all boxes (e.g. a province from its districts). */
export function unionBBox(boxes: readonly BBox[]): BBox {
  if (boxes.length === 0) throw new Error("union of no boxes");
  return boxes.reduce<BBox>(
    (acc, b) => [Math.min(acc[0], b[0]), Math.min(acc[1], b[1]), Math.max(acc[2], b[2]), Math.max(acc[3], b[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}
