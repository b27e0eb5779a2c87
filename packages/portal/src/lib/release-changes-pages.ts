/** Which "what changed" pages exist: one per release that has a predecessor (the snapshot's changes/<id>.json). */
import { loadSite, snapshotDir } from "../data/snapshot.js";
import { readReleaseChanges } from "../build/release-changes.js";
import { previousRelease } from "./release-changes.js";

export function changedReleaseIds(): string[] {
  const site = loadSite();
  return site.releases.filter((r) => previousRelease(site.releases, r) && readReleaseChanges(snapshotDir(), r.id)).map((r) => r.id);
}
