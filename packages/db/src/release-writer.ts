/**
 * Writes a release into the public store in one transaction; the `complete` flag is set last, so a crash leaves
 * nothing a reader would serve. Releases are immutable: writing an existing id is refused.
 */
import { createHash } from "node:crypto";
import type { PublicDb } from "./public.js";
import { CONTENT_TABLES, type ReleaseContent } from "./release-content.js";

/** sha256 over a canonical JSON form (sorted keys, BigInt and Date as strings). Why: a citable, checkable release. */
export function releaseChecksum(content: ReleaseContent): string {
  const hash = createHash("sha256");
  const { gateReport: _ignored, ...release } = content.release;
  hash.update(canonicalJson(release));
  for (const key of Object.keys(CONTENT_TABLES) as (keyof typeof CONTENT_TABLES)[]) {
    const rows = content[key].map((r) => canonicalJson(r)).sort();
    hash.update(`\n${key}:${rows.length}\n`);
    for (const r of rows) hash.update(r + "\n");
  }
  return hash.digest("hex");
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (typeof v === "bigint") return v.toString();
    if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
    }
    return v;
  });
}

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
        const rows = content[key] as object[];
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
