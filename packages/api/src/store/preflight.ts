/**
 * Start-up checks of the public store. Why refuse to start: a replica that comes up on a missing, corrupt or empty
 * store would pass its liveness check and answer NO_RELEASE or 500s to everyone; failing at once with a clear message
 * makes the deployment (or the operator) notice before any traffic arrives.
 */
import fs from "node:fs";
import { isSqliteUrl, sqlitePathFromUrl } from "@minhbach/db/sqlite-url.ts";
import type { ReleaseRegistry } from "../release/release.service.js";
import type { ApiStore } from "./public-store.js";

export class StoreNotUsableError extends Error {
  override name = "StoreNotUsableError";
}

const SQLITE_MAGIC = "SQLite format 3\0";

/** Before opening: a SQLite store must exist (opening would silently create an empty one) and be a SQLite file. */
export function checkStoreFile(publicUrl: string): void {
  if (!isSqliteUrl(publicUrl)) return;
  const file = sqlitePathFromUrl(publicUrl);
  if (file === ":memory:") return;
  if (!fs.existsSync(file)) {
    throw new StoreNotUsableError(`Public store not found at ${file}. Publish a release first (pnpm minhbach publish), or point PUBLIC_DATABASE_URL at a release snapshot.`);
  }
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, "r");
  let read = 0;
  try {
    read = fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 16 || head.toString("latin1") !== SQLITE_MAGIC) {
    throw new StoreNotUsableError(`Public store at ${file} is not a SQLite database (empty, truncated or corrupt). Restore it from a backup or re-publish.`);
  }
}

/** After opening: the release list is readable, a complete release exists (the pinned one, if pinned) and has units. */
export async function checkReleases(store: ApiStore, releases: ReleaseRegistry, where: string, pin?: string): Promise<void> {
  try {
    await releases.refresh();
  } catch (err) {
    throw new StoreNotUsableError(`Public store at ${where} cannot be read (corrupt, or not migrated: pnpm minhbach db migrate): ${(err as Error).message.split("\n").at(-1)}`);
  }
  const latest = releases.latest();
  if (!latest) {
    throw new StoreNotUsableError(pin
      ? `Pinned release ${pin} (RELEASE_PIN) is not a complete release in the public store at ${where}.`
      : `No complete release in the public store at ${where}: publish one first (pnpm minhbach publish). Incomplete releases are never served.`);
  }
  try {
    const unit = await store.db.pubUnit.findFirst({ where: { releaseId: latest.id }, select: { code: true } });
    if (!unit) throw new Error("it has no units");
  } catch (err) {
    throw new StoreNotUsableError(`Release ${latest.id} in the public store at ${where} is not usable: ${(err as Error).message.split("\n").at(-1)}`);
  }
}
