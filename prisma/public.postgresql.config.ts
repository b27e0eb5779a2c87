/** Prisma CLI config for the public store on PostgreSQL (schema derived from public/schema.prisma). Used for generate and
 *  migrate diff only: offline, the wasm engine cannot apply PostgreSQL migrations, so packages/db/src/migrate.ts does. */
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

process.env.PUBLIC_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/test";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("public", "postgresql", "schema.prisma"),
  migrations: { path: path.join("public", "migrations-postgresql") },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.PUBLIC_DATABASE_URL! });
  },
});
