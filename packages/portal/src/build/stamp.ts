/**
 * What a built portal was built from, so `pnpm start` rebuilds exactly when the served site would be stale: the
 * release id, the site origin (baked into every absolute link) and a hash of the portal's own sources (a `git pull`
 * changes pages without changing the release). Written last into dist/ (and into the snapshot folder), so an
 * interrupted build never looks up to date.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const BUILD_STAMP = "build-stamp.json";
export const SNAPSHOT_STAMP = "snapshot-stamp.json";

export interface BuildTarget { release: string; origin: string; sources: string }
export interface BuildStamp extends BuildTarget { builtAt: string; report?: unknown }

const portalRoot = path.resolve(import.meta.dirname, "../..");

/** sha256 over the portal's sources (src without tests, public, astro.config.mjs): ~150 small files, a few ms. */
export function portalSourcesHash(root = portalRoot): string {
  const hash = crypto.createHash("sha256");
  const files: string[] = [path.join(root, "astro.config.mjs")];
  for (const dir of ["src", "public"]) {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })) {
      const file = path.join(e.parentPath, e.name);
      if (e.isFile() && !e.name.endsWith(".test.ts") && !file.includes(`${path.sep}src${path.sep}test${path.sep}`)) files.push(file);
    }
  }
  for (const file of files.sort()) hash.update(path.relative(root, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  return hash.digest("hex").slice(0, 16);
}

export function readStamp(dir: string, name: string): BuildStamp | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as BuildStamp;
  } catch {
    return undefined;
  }
}

export function writeStamp(dir: string, name: string, target: BuildTarget, report?: unknown): void {
  const stamp: BuildStamp = { ...target, builtAt: new Date().toISOString(), ...(report ? { report } : {}) };
  fs.writeFileSync(path.join(dir, name), JSON.stringify(stamp, null, 2) + "\n");
}

/** Which of release, origin and sources differ (empty: up to date). */
export function staleBecause(stamp: BuildStamp | undefined, target: BuildTarget): string[] {
  if (!stamp) return ["no build stamp"];
  return (["release", "origin", "sources"] as const).filter((k) => stamp[k] !== target[k]).map((k) => `${k} ${stamp[k]} → ${target[k]}`);
}
