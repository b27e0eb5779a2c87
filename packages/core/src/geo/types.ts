/** Minimal GeoJSON geometry types for unit boundaries. Why our own: units only ever carry (Multi)Polygons, and the
 *  pipeline and portal should not need a GeoJSON type package to agree on that. */
export type Position = [number, number] | number[]; // [lng, lat] (extra members, e.g. altitude, are ignored)
export type Ring = Position[];
export type PolygonCoords = Ring[]; // outer ring first, then holes

export interface PolygonGeometry {
  type: "Polygon";
  coordinates: PolygonCoords;
}

export interface MultiPolygonGeometry {
  type: "MultiPolygon";
  coordinates: PolygonCoords[];
}

export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

/** [minLng, minLat, maxLng, maxLat], as in GeoJSON's `bbox` member. */
export type BBox = [number, number, number, number];

/** The polygons of a geometry, so that every helper handles Polygon and MultiPolygon the same way. */
export function polygonsOf(geometry: AreaGeometry): PolygonCoords[] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}
