/** Prisma CLI config for the private store (SQLite by default). JS engine + driver adapter: works offline. */
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

process.env.DATABASE_URL ??= "file:" + path.resolve("data/private.db");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("private", "schema.prisma"),
  migrations: { path: path.join("private", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! });
  },
});
