/** Opens the PRIVATE store. Only the pipeline imports this module; the API package must not (a test checks). */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/private/client.js";
import { PrismaClient as PgPrismaClient } from "./generated/private-pg/client.js";
import { isPostgresUrl, isSqliteUrl } from "./sqlite-url.js";

export type PrivateDb = PrismaClient;
export * as PrivateModels from "./generated/private/client.js";

export function openPrivateStore(url: string): PrivateDb {
  if (isSqliteUrl(url)) return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  if (isPostgresUrl(url)) {
    // The PostgreSQL client is generated from the same model (scripts/postgres-schema.ts) and has the same API.
    return new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 3_000 }) }) as unknown as PrivateDb;
  }
  throw new Error(`Unsupported private store URL (use file: or postgresql://): ${url}`);
}
