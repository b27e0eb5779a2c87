/**
 * Derives each store's PostgreSQL Prisma schema from its SQLite schema, so the data model has one source of truth
 * (prisma/<store>/schema.prisma). Run by `pnpm db:generate`; a test fails when the committed copy drifts.
 */
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export function postgresSchemaText(store: "private" | "public"): string {
  const source = fs.readFileSync(path.join(root, "prisma", store, "schema.prisma"), "utf8");
  const out = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output(\s*)=\s*"\.\.\/\.\.\/packages\/db\/src\/generated\/(private|public)"/, 'output$1= "../../../packages/db/src/generated/$2-pg"');
  if (out === source) throw new Error(`prisma/${store}/schema.prisma: provider or output not found`);
  return `// GENERATED from ../schema.prisma by scripts/postgres-schema.ts — edit that file, not this one.\n${out}`;
}

export function postgresSchemaPath(store: "private" | "public"): string {
  return path.join(root, "prisma", store, "postgresql", "schema.prisma");
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  for (const store of ["private", "public"] as const) {
    fs.mkdirSync(path.dirname(postgresSchemaPath(store)), { recursive: true });
    fs.writeFileSync(postgresSchemaPath(store), postgresSchemaText(store));
  }
}
