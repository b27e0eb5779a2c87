/**
 * The shapes of a unit's small map: its children (or itself when it has none drawn), simplified, with name, page
 * and latest rate. Why shared: the profile map, the map widget's Leaflet layer and its no-JS SVG all draw the same set.
 */
import fs from "node:fs";
import path from "node:path";
import { simplifyGeometry, toleranceForZoom, type AreaGeometry } from "@minhbach/core/geo/index.ts";
import type { IndexEntry, RateStatus } from "./model.js";
import { headlineRate } from "../lib/figures.js";

export interface UnitShape {
  code: string;
  name: string;
  page: string;
  year: number | null;
  rate: [number | null, RateStatus] | null;
  geometry: AreaGeometry | null;
  point: [number, number] | null; // [lng, lat]
}

function readGeometry(dir: string, code: string): AreaGeometry | null {
  const file = path.join(dir, "geometry", `${code}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as AreaGeometry) : null;
}

function shapeOf(dir: string, u: IndexEntry): UnitShape {
  const g = u.hasGeometry ? readGeometry(dir, u.code) : null;
  const last = headlineRate(u.rates); // the latest year with complete coverage, as profiles' headlines
  return {
    code: u.code, name: u.name, page: u.page === u.code ? `${u.code}/` : `${u.page}/#v-${u.code}`, year: last?.[0] ?? null,
    rate: last ? [last[1], last[2]] : null, geometry: g ? simplifyGeometry(g, toleranceForZoom(12, 1.5), { decimals: 4 }) : null,
    point: !g && u.centroid ? [u.centroid.lng, u.centroid.lat] : null,
  };
}

/** Children with a location, plus the unit itself (first) when it has a boundary. */
export function unitMapShapes(dir: string, unit: IndexEntry, children: IndexEntry[]): UnitShape[] {
  const shapes = children.map((c) => shapeOf(dir, c)).filter((s) => s.geometry || s.point);
  const self = shapeOf(dir, unit);
  return self.geometry || (shapes.length === 0 && self.point) ? [self, ...shapes] : shapes;
}
