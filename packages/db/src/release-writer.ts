/**
 * Writes a release into the public store in one transaction; the `complete` flag is set last, so a crash leaves
 * nothing a reader would serve. Releases are immutable: writing an existing id is refused.
 */
import type { PublicDb } from "./public.js";
import { releaseChecksum } from "./release-checksum.js";
import { CONTENT_TABLES, contentRows, type ReleaseContent } from "./release-content.js";
import { writeReleaseSqlite } from "./release-writer-sqlite.js";
import { isSqliteUrl } from "./sqlite-url.js";

export { canonicalJson, releaseChecksum } from "./release-checksum.js";

const CHUNK = 2000;

export async function writeRelease(db: PublicDb, content: ReleaseContent): Promise<{ id: string; seq: number; checksum: string }> {
  const id = content.release.id;
  const checksum = releaseChecksum(content);
  return db.$transaction(
    async (itx) => {
      // Prisma 6.19's generated interactive-transaction type loses the model delegates; the object has them.
      const tx = itx as unknown as PublicDb;
      if (await tx.release.findUnique({ where: { id } })) throw new Error(`Release ${id} already exists; releases are immutable`);
      const last = await tx.release.aggregate({ _max: { seq: true } });
      const seq = (last._max.seq ?? 0) + 1;
      await tx.release.create({ data: { ...content.release, seq, checksum, complete: false } });
      for (const [key, table] of Object.entries(CONTENT_TABLES) as [keyof typeof CONTENT_TABLES, string][]) {
        const rows = contentRows(content, key);
        for (let i = 0; i < rows.length; i += CHUNK) {
          const data = rows.slice(i, i + CHUNK).map((r) => ({ ...r, releaseId: id }));
          const delegate = (tx as unknown as Record<string, { createMany(a: { data: object[] }): Promise<unknown> }>)[table]!;
          await delegate.createMany({ data });
        }
      }
      await tx.release.update({ where: { id }, data: { complete: true } });
      return { id, seq, checksum };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

/** Writes a release into the public store `db`, opened at `url`: prepared statements on SQLite (fast), Prisma elsewhere.
 *  Why the open client: a PostgreSQL store is then written through the caller's pool, not a second one. */
export async function writeReleaseToStore(db: PublicDb, url: string, content: ReleaseContent): Promise<{ id: string; seq: number; checksum: string }> {
  return isSqliteUrl(url) ? writeReleaseSqlite(url, content) : writeRelease(db, content);
}
