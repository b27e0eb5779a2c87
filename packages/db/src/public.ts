/** Opens the PUBLIC store: releases only, no household rows. The API opens nothing else. */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/public/client.js";
import { PrismaClient as PgPrismaClient } from "./generated/public-pg/client.js";
import { isPostgresUrl, isSqliteUrl } from "./sqlite-url.js";

export type PublicDb = PrismaClient;
export * as PublicModels from "./generated/public/client.js";

export function openPublicStore(url: string): PublicDb {
  if (isSqliteUrl(url)) return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  if (isPostgresUrl(url)) {
    // The PostgreSQL client is generated from the same model (scripts/postgres-schema.ts) and has the same API.
    return new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 3_000 }) }) as unknown as PublicDb;
  }
  throw new Error(`Unsupported public store URL (use file: or postgresql://): ${url}`);
}
