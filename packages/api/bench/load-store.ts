/**
 * The public store `pnpm bench:load` serves: `--store sqlite` (default) is the demo release as published
 * (PUBLIC_DATABASE_URL or data/public.db); `--store postgresql` copies that store, release by release and row by row,
 * into a fresh PostgreSQL database and serves that; any other value is used as the store URL. Why a copy of the same
 * store: SQLite and PostgreSQL figures are then measured on identical releases with identical requests. The copy is
 * dropped when the run ends.
 */
import { loadConfig, publicStoreUrl } from "@minhbach/core/config/config.ts";
import { migrateStore } from "@minhbach/db/migrate.ts";
import { openPublicStore, type PublicDb } from "@minhbach/db/public.ts";
import { CONTENT_TABLES } from "@minhbach/db/release-content.ts";
// The tests' helper: a new database on the machine's server (MINHBACH_TEST_POSTGRES_URL overrides), named so that a
// copy left by a crashed run is dropped with the tests' leftovers.
import { freshPostgresDatabase } from "@minhbach/db/test-postgres.ts";

// PostgreSQL allows 65,535 bind parameters per statement; the widest public table has about 20 columns.
const CHUNK = 2000;

type Delegate = { findMany(a: object): Promise<object[]>; createMany(a: { data: object[] }): Promise<unknown> };

export interface LoadStore { url: string; label: string; note: string; drop(): Promise<void> }

/** Copies every complete release of `from` into `to` (migrated, empty), keeping ids, seq and checksums. */
export async function copyPublicStore(from: PublicDb, to: PublicDb): Promise<{ releases: number; rows: number }> {
  let rows = 0;
  const releases = await from.release.findMany({ where: { complete: true }, orderBy: { seq: "asc" } });
  for (const release of releases) {
    // As the release writer does: the release is invisible (complete = false) until its last row is in.
    await to.release.create({ data: { ...release, complete: false } });
    for (const table of Object.values(CONTENT_TABLES)) {
      const source = (from as unknown as Record<string, Delegate>)[table]!;
      const target = (to as unknown as Record<string, Delegate>)[table]!;
      const all = await source.findMany({ where: { releaseId: release.id } });
      for (let i = 0; i < all.length; i += CHUNK) await target.createMany({ data: all.slice(i, i + CHUNK) });
      rows += all.length;
    }
    await to.release.update({ where: { id: release.id }, data: { complete: true } });
  }
  return { releases: releases.length, rows };
}

export async function loadStore(store: string | undefined): Promise<LoadStore> {
  const demo = publicStoreUrl(loadConfig());
  if (!store || store === "sqlite") return { url: demo, label: "SQLite", note: "", drop: async () => {} };
  if (store !== "postgresql") return { url: store, label: store.startsWith("file:") ? "SQLite" : "PostgreSQL", note: "", drop: async () => {} };

  const database = await freshPostgresDatabase("minhbach_bench_load");
  await migrateStore("public", database.url);
  const started = Date.now();
  const from = openPublicStore(demo);
  const to = openPublicStore(database.url);
  try {
    const copied = await copyPublicStore(from, to);
    if (copied.releases === 0) throw new Error(`no complete release in ${demo}: run pnpm minhbach demo && pnpm minhbach publish`);
    const note = `copied ${copied.releases} release(s), ${copied.rows.toLocaleString("en-US")} rows from ${demo} in ${((Date.now() - started) / 1000).toFixed(1)} s`;
    await to.$executeRawUnsafe("ANALYZE"); // fresh tables have no statistics; a real deployment would have them
    return { url: database.url, label: "PostgreSQL", note, drop: database.drop };
  } catch (err) {
    await database.drop();
    throw err;
  } finally {
    await Promise.all([from.$disconnect(), to.$disconnect()]);
  }
}
