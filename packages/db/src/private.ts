/** Opens the PRIVATE store. Only the pipeline imports this module; the API package must not (a test checks). */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/private/client.js";
import { isSqliteUrl } from "./sqlite-url.js";

export type PrivateDb = PrismaClient;
export * as PrivateModels from "./generated/private/client.js";

export function openPrivateStore(url: string): PrivateDb {
  if (!isSqliteUrl(url)) throw new Error(`Unsupported private store URL (SQLite "file:" URLs for now): ${url}`);
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}
