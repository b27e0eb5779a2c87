/** Prisma CLI config for the public store (SQLite by default; the API reads only this one). JS engine + driver adapter: works offline. */
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

process.env.PUBLIC_DATABASE_URL ??= "file:" + path.resolve("data/public.db");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("public", "schema.prisma"),
  migrations: { path: path.join("public", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.PUBLIC_DATABASE_URL! });
  },
});
