/** Prisma CLI config for the private store on PostgreSQL (schema derived from private/schema.prisma). Used for generate and
 *  migrate diff only: offline, the wasm engine cannot apply PostgreSQL migrations, so packages/db/src/migrate.ts does. */
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/test";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("private", "postgresql", "schema.prisma"),
  migrations: { path: path.join("private", "migrations-postgresql") },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL! });
  },
});
