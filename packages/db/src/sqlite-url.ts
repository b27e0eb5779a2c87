/** Turn a Prisma-style SQLite URL ("file:./data/x.db") into a filesystem path. Why: raw drivers want paths. */
import path from "node:path";

export function sqlitePathFromUrl(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`Not a SQLite URL: ${url}`);
  const p = url.slice("file:".length).split("?")[0]!;
  return p === ":memory:" ? p : path.resolve(p);
}

export function isSqliteUrl(url: string): boolean {
  return url.startsWith("file:");
}

export function isPostgresUrl(url: string): boolean {
  return url.startsWith("postgresql://") || url.startsWith("postgres://");
}
