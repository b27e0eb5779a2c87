/**
 * Map layers as static JSON: per level, one geometry file per zoom band plus one small rates file. Why split: the
 * geometry (heavy, year-independent) is fetched once per band, while switching year or level only reads rates.
 * A unit without a boundary but with a centroid is drawn as a point, so every unit with a location shows.
 */
import type { AreaGeometry } from "@minhbach/core/geo/index.ts";
import type { IndexEntry, Level, RateStatus } from "./model.js";

export interface MapShape {
  code: string;
  /** [lat, lng] when the unit has only a centroid. */
  point?: [number, number];
  /** One simplified geometry per zoom band. */
  bands?: AreaGeometry[];
}

export function toShapes(code: string, geometry: AreaGeometry | null, centroid: { lat: number; lng: number } | null,
  simplifiers: ((g: AreaGeometry) => AreaGeometry)[]): MapShape[] {
  if (geometry) return [{ code, bands: simplifiers.map((s) => s(geometry)) }];
  if (centroid) return [{ code, point: [centroid.lat, centroid.lng] }];
  return [];
}

/** GeoJSON for one level and band: features carry only the code (names and rates come from the rates file). */
export function bandCollection(shapes: MapShape[], band: number): object {
  return {
    type: "FeatureCollection",
    features: shapes.map((s) => ({
      type: "Feature",
      id: s.code,
      properties: { c: s.code },
      geometry: s.bands ? s.bands[band] : { type: "Point", coordinates: [s.point![1], s.point![0]] },
    })),
  };
}

/** Rates file for one level: unit code → name, page link and poor rate per year (value or null with status). */
export interface RatesFile {
  level: Level;
  years: number[];
  units: Record<string, { n: string; p: string; r: Record<string, [number | null, RateStatus]> }>;
}

export function ratesFile(level: Level, units: IndexEntry[]): RatesFile {
  const atLevel = units.filter((u) => u.level === level);
  const years = [...new Set(atLevel.flatMap((u) => u.years))].sort((a, b) => a - b);
  return {
    level,
    years,
    units: Object.fromEntries(atLevel.map((u) => [u.code, {
      n: u.name, p: u.page === u.code ? `${u.code}/` : `${u.page}/#v-${u.code}`,
      r: Object.fromEntries(u.rates.map(([y, v, s]) => [String(y), [v, s]])),
    }])),
  };
}

/** Fixed classes of the poverty rate, comparable across years and places. */
export const RATE_CLASSES = [
  { max: 2, color: "#fef0d9" },
  { max: 5, color: "#fdd49e" },
  { max: 10, color: "#fdbb84" },
  { max: 20, color: "#fc8d59" },
  { max: 35, color: "#e34a33" },
  { max: Infinity, color: "#b30000" },
] as const;
export const SUPPRESSED_COLOR = "#8c8c8c";
export const NO_DATA_COLOR = "#ffffff";

/** Hidden: grey stripes; no data and partial years (C: no total) alike: white. */
export function rateColor(value: number | null, status: RateStatus | undefined): string {
  if (status === "S") return SUPPRESSED_COLOR;
  if (value === null || status !== "P") return NO_DATA_COLOR;
  return RATE_CLASSES.find((c) => value < c.max)!.color;
}
