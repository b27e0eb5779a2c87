/**
 * Reads the committed national data (data/national/, written by scripts/build-national-geo.ts). Why at run time from
 * JSON rather than as TypeScript modules: 14,000 rows and 90,000 boundary points load faster as JSON than compiled
 * code, and the files stay plain data (TopoJSON) that other tools can read.
 */
import fs from "node:fs";
import path from "node:path";
import type { Topology } from "./topology.js";

export const NATIONAL_DIR = path.resolve(import.meta.dirname, "../data/national");

/** [code, name, type] */
export type ProvinceRow = readonly [string, string, string];
/** [code, name, type, parent code] */
export type ChildRow = readonly [string, string, string, string];
/** [new code, name, type, old province codes] */
export type NewProvinceRow = readonly [string, string, string, readonly string[]];
/** [new code, name, type, new province, old units taken whole, old units taken in part] */
export type NewCommuneRow = readonly [string, string, string, string, readonly string[], readonly string[]];

export interface NationalData {
  provinces: readonly ProvinceRow[];
  districts: readonly ChildRow[];
  communes: readonly ChildRow[];
  newProvinces: readonly NewProvinceRow[];
  newCommunes: readonly NewCommuneRow[];
  topology: Topology;
}

let cached: NationalData | undefined;

/** The committed national data, read once per process (it never changes while the process runs). */
export function loadNational(dir = NATIONAL_DIR): NationalData {
  if (cached && dir === NATIONAL_DIR) return cached;
  const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as T;
  const units = read<{ provinces: ProvinceRow[]; districts: ChildRow[]; communes: ChildRow[] }>("units-2025-03-01.json");
  const reform = read<{ provinces: NewProvinceRow[]; communes: NewCommuneRow[] }>("reform-2025-07-01.json");
  const data: NationalData = {
    provinces: units.provinces, districts: units.districts, communes: units.communes,
    newProvinces: reform.provinces, newCommunes: reform.communes,
    topology: read<Topology>("boundaries-2025-03.topo.json"),
  };
  if (dir === NATIONAL_DIR) cached = data;
  return data;
}
