#!/usr/bin/env bash
# Regenerates the initial migration of each store from its Prisma schema (until the first production deploy,
# the schema has a single 0001_init migration). Later changes get a new numbered folder: see docs/development.md.
set -euo pipefail
cd "$(dirname "$0")/.."
for store in private public; do
  dir="prisma/$store/migrations/0001_init"
  mkdir -p "$dir"
  npx prisma migrate diff --from-empty --to-schema-datamodel "prisma/$store/schema.prisma" --script \
    --config "prisma/$store.config.ts" 2>/dev/null > "$dir/migration.sql"
  printf 'provider = "sqlite"\n' > "prisma/$store/migrations/migration_lock.toml"
done
# PostgreSQL: the same model, derived schema, its own migration folder (applied by packages/db/src/migrate.ts).
npx tsx scripts/postgres-schema.ts
for store in private public; do
  dir="prisma/$store/migrations-postgresql/0001_init"
  mkdir -p "$dir"
  npx prisma migrate diff --from-empty --to-schema-datamodel "prisma/$store/postgresql/schema.prisma" --script \
    --config "prisma/$store.postgresql.config.ts" 2>/dev/null > "$dir/migration.sql"
done
