/**
 * Generates the whole demo data set in memory and writes it as import files. Why separate from the import: the files
 * alone must be reproducible (same seed → byte-identical files) and testable without a store.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { buildGeometry, type UnitGeometry } from "./geometry.js";
import { householdCsv } from "./households/file.js";
import { generateHouseholds, type ReviewYear } from "./households/generate.js";
import { DEFAULT_PANEL, type PanelOptions } from "./households/panel.js";
import { buildRecordFiles, type DemoFiles } from "./records/build.js";
import { buildDemoMap, type DemoMap } from "./units.js";

export const DEFAULT_SEED = 20231231;

export interface DemoData {
  seed: number;
  map: DemoMap;
  geometry: Map<string, UnitGeometry>;
  reviews: ReviewYear[];
  records: DemoFiles;
}

export function buildDemoData(seed = DEFAULT_SEED, panel: PanelOptions = DEFAULT_PANEL): DemoData {
  const map = buildDemoMap(seed);
  const geometry = buildGeometry(map, seed);
  const reviews = generateHouseholds(map, seed, panel);
  return { seed, map, geometry, reviews, records: buildRecordFiles(map, reviews, seed) };
}

export interface WrittenFile {
  kind: string; // "households" or a record file kind
  year?: number;
  file: string;
  sha256: string;
  rows: number;
}

/** Writes households-<year>.csv and <kind>.csv into `outDir`, in import order. */
export function writeDemoFiles(data: DemoData, outDir: string): WrittenFile[] {
  fs.mkdirSync(outDir, { recursive: true });
  const written: WrittenFile[] = [];
  const write = (name: string, text: string, kind: string, year?: number) => {
    const file = path.join(outDir, name);
    fs.writeFileSync(file, text);
    const rows = text.split("\n").length - 2;
    written.push({ kind, file, sha256: createHash("sha256").update(text).digest("hex"), rows, ...(year === undefined ? {} : { year }) });
  };
  write("sources.csv", data.records.sources, "sources");
  for (const r of data.reviews) write(`households-${r.year}.csv`, householdCsv(r), "households", r.year);
  for (const kind of ["projects", "project-funding", "project-participants", "credit", "jobs", "plans", "inspections"] as const) {
    write(`${kind}.csv`, data.records[kind], kind);
  }
  return written;
}
