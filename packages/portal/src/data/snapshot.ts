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

/**
 * The index of the snapshot being built, kept per site.json (folder and modification time). Why keyed: Astro writes
 * the prerender chunks of a build whose outDir is outside the cwd to one fixed folder (`<cwd>/.astro/`), and Node
 * caches ES modules by URL, so a later build in the same process (the browser tests build two portals, the benchmark
 * one per scale) runs this very module instance again — a plain cache would hand it the first build's index.
 */
let cached: { key: string; site: SiteData; byCode?: Map<string, IndexEntry> } | undefined;

export function loadSite(): SiteData {
  const file = path.join(snapshotDir(), "site.json");
  const key = `${file}@${fs.statSync(file).mtimeMs}`;
  if (cached?.key !== key) cached = { key, site: JSON.parse(fs.readFileSync(file, "utf8")) as SiteData };
  return cached.site;
}

export function indexEntry(code: string): IndexEntry | undefined {
  loadSite();
  cached!.byCode ??= new Map(cached!.site.units.map((u) => [u.code, u]));
  return cached!.byCode.get(code);
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
