/**
 * Reads the extracted snapshot at page-generation time. Why a cache of one file at a time: at national size the unit
 * files do not fit comfortably in memory, and each page needs only its own unit (plus its villages).
 */
import fs from "node:fs";
import path from "node:path";
import type { IndexEntry, ProjectData, SiteData, UnitData } from "./model.js";

export function snapshotDir(): string {
  const dir = process.env.MINHBACH_SNAPSHOT;
  if (!dir) throw new Error("MINHBACH_SNAPSHOT is not set: run the portal build through `pnpm --filter @minhbach/portal build`");
  return dir;
}

let site: SiteData | undefined;
let byCode: Map<string, IndexEntry> | undefined;

export function loadSite(): SiteData {
  site ??= JSON.parse(fs.readFileSync(path.join(snapshotDir(), "site.json"), "utf8")) as SiteData;
  return site;
}

export function indexEntry(code: string): IndexEntry | undefined {
  byCode ??= new Map(loadSite().units.map((u) => [u.code, u]));
  return byCode.get(code);
}

export function loadUnit(code: string): UnitData {
  return JSON.parse(fs.readFileSync(path.join(snapshotDir(), "units", `${code}.json`), "utf8")) as UnitData;
}

export function loadProject(code: string): ProjectData {
  return JSON.parse(fs.readFileSync(path.join(snapshotDir(), "projects", `${code}.json`), "utf8")) as ProjectData;
}

export function sourceById(id: string) {
  return loadSite().sources.find((s) => s.id === id);
}
