/** The release checksum: sha256 over a canonical form of its content. Why its own file: both writers (Prisma and
 *  SQLite) and the API's verification use it, and it must not depend on how the rows were stored. */
import { createHash } from "node:crypto";
import { CONTENT_TABLES, contentRows, type ReleaseContent } from "./release-content.js";

/** sha256 over a canonical JSON form (sorted keys, BigInt and Date as strings). Why: a citable, checkable release. */
export function releaseChecksum(content: ReleaseContent): string {
  const hash = createHash("sha256");
  const { gateReport: _ignored, ...release } = content.release;
  hash.update(canonicalJson(release));
  for (const key of Object.keys(CONTENT_TABLES) as (keyof typeof CONTENT_TABLES)[]) {
    // A table added later (official figures) counts only when it has rows: the releases written before it existed
    // then keep the checksum they were published with.
    if (key === "officialFigures" && !content.officialFigures?.length) continue;
    const rows = contentRows(content, key).map((r) => canonicalJson(r)).sort();
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
