/** Opens the PUBLIC store: releases only, no household rows. The API opens nothing else. */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/public/client.js";
import { isSqliteUrl } from "./sqlite-url.js";

export type PublicDb = PrismaClient;
export * as PublicModels from "./generated/public/client.js";

export function openPublicStore(url: string): PublicDb {
  if (!isSqliteUrl(url)) throw new Error(`Unsupported public store URL (SQLite "file:" URLs for now): ${url}`);
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}
