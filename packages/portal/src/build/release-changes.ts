/**
 * Build step (end of extract): for every release after the first, what changed since the release before it, written
 * to the snapshot as `changes/<id>.json` (read by the "what changed" pages and the Atom feed). Why from the snapshot:
 * the extractor already asked the API for each earlier release's key figures (`pinned/<id>/<code>.json`, the
 * HISTORY_QUERY) and the built release's full figures (`units/<code>.json`), so this costs no extra query; it reads
 * one unit at a time, so memory stays bounded.
 */
import fs from "node:fs";
import path from "node:path";
import type { KeyYear, ReleaseData, SiteData, UnitData } from "../data/model.js";
import { ChangeCollector, previousRelease, type ReleaseChanges } from "../lib/release-changes.js";

/** Codes of the units a release holds, and a reader of one unit's key figures in it. */
function releaseKeys(dir: string, site: SiteData, id: string): { codes: string[]; read: (code: string) => KeyYear[] | undefined } {
  if (id === site.release.id) {
    const codes = site.units.map((u) => u.code);
    const known = new Set(codes);
    return { codes, read: (code) => (known.has(code) ? (readJson<UnitData>(path.join(dir, "units", `${code}.json`)).poverty) : undefined) };
  }
  const folder = path.join(dir, "pinned", id);
  const codes = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)) : [];
  const known = new Set(codes);
  return { codes, read: (code) => (known.has(code) ? readJson<KeyYear[]>(path.join(folder, `${code}.json`)) : undefined) };
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

export function diffReleases(dir: string, site: SiteData, prev: ReleaseData, next: ReleaseData): ReleaseChanges {
  const before = releaseKeys(dir, site, prev.id);
  const after = releaseKeys(dir, site, next.id);
  const collector = new ChangeCollector(prev, next);
  for (const code of after.codes) collector.add(code, before.read(code), after.read(code));
  return collector.result();
}

/** Writes changes/<id>.json for every release that has a predecessor; returns the ids written. */
export function writeReleaseChanges(dir: string, site: SiteData): string[] {
  const written: string[] = [];
  for (const r of site.releases) {
    const prev = previousRelease(site.releases, r);
    if (!prev) continue;
    const file = path.join(dir, "changes", `${r.id}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(diffReleases(dir, site, prev, r)));
    written.push(r.id);
  }
  return written;
}

/** Reads one release's changes from the snapshot (undefined for a first release). */
export function readReleaseChanges(dir: string, id: string): ReleaseChanges | undefined {
  const file = path.join(dir, "changes", `${id}.json`);
  return fs.existsSync(file) ? readJson<ReleaseChanges>(file) : undefined;
}
