/**
 * Test set-up for household imports: a small unit map (two communes; one village moves commune on 2025-07-01, as in
 * the 2025 reform) written through the Prisma client, and household rows in the template's column order.
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import { HOUSEHOLD_COLUMNS } from "@minhbach/core/households/columns.ts";
import { isSqliteUrl, sqlitePathFromUrl } from "@minhbach/db/sqlite-url.ts";
import { queryStore } from "@minhbach/db/test-query.ts";
import { openPrivateStore } from "@minhbach/db/private";
import type { Provider } from "@minhbach/db/migrate.ts";
import { TEST_STORE_PROVIDER, freshStores, type TestStores } from "@minhbach/db/test-stores.ts";

export const SECRET = "test-secret-0123456789";
export const HEADER = HOUSEHOLD_COLUMNS.map((c) => c.headerVi);

const created: TestStores[] = [];

/** Fresh stores on the suite's provider (or `provider`: SQLite for the tests of SQLite-only parts) with the unit map
 *  seeded; dropped by dropHouseholdStores (afterEach). */
export async function seededStores(provider: Provider = TEST_STORE_PROVIDER): Promise<TestStores> {
  const stores = await freshStores("minhbach-households-", provider);
  created.push(stores);
  await seedUnits(stores.privateUrl);
  return stores;
}

export async function dropHouseholdStores(): Promise<void> {
  await Promise.all(created.splice(0).map((s) => s.drop()));
}

export async function seedUnits(privateUrl: string): Promise<void> {
  const db = openPrivateStore(privateUrl);
  const unit = (code: string, level: string, parentCode: string | null, extra: { validFrom?: Date; validTo?: Date } = {}) => ({
    code, level, parentCode, name: `Đơn vị ${code}`, nameAscii: `don vi ${code}`, type: level === "VILLAGE" ? "thôn" : "xã", ...extra,
  });
  await db.adminUnit.createMany({
    data: [
      unit("01990", "COMMUNE", "019"),
      unit("01993", "COMMUNE", "019"),
      unit("01990-01", "VILLAGE", "01990"),
      unit("01990-02", "VILLAGE", "01990"),
      unit("01993-01", "VILLAGE", "01993"),
      // moved from 01993 to 01990 on 2025-07-01
      unit("01993-02", "VILLAGE", "01990"),
      // abolished (merged into 01990-01) on 2024-01-01
      unit("01990-09", "VILLAGE", "01990", { validTo: new Date("2024-01-01T00:00:00Z") }),
    ],
  });
  await db.unitParent.createMany({
    data: [
      { unitCode: "01993-02", parentCode: "01993", validFrom: new Date("2000-01-01T00:00:00Z"), validTo: new Date("2025-07-01T00:00:00Z") },
      { unitCode: "01993-02", parentCode: "01990", validFrom: new Date("2025-07-01T00:00:00Z") },
    ],
  });
  await db.$disconnect();
}

/** A commune `code` (district 019) with `villages` villages `code-01`, `code-02`, …, for scenarios about a whole commune. */
export async function seedCommune(privateUrl: string, code: string, villages: number): Promise<string[]> {
  const codes = Array.from({ length: villages }, (_, i) => `${code}-${String(i + 1).padStart(2, "0")}`);
  const db = openPrivateStore(privateUrl);
  const unit = (c: string, level: string, parentCode: string) => ({ code: c, level, parentCode, name: `Đơn vị ${c}`, nameAscii: `don vi ${c}`, type: level === "VILLAGE" ? "thôn" : "xã" });
  await db.adminUnit.createMany({ data: [unit(code, "COMMUNE", "019"), ...codes.map((c) => unit(c, "VILLAGE", code))] });
  await db.$disconnect();
  return codes;
}

export type RowFields = Partial<Record<(typeof HOUSEHOLD_COLUMNS)[number]["key"], string | number>>;

/** A household row in HEADER order: a rural poor household lacking 3 ND07 indicators unless overridden. */
export function household(id: string, fields: RowFields = {}): (string | number)[] {
  const base: RowFields = {
    household_id: id, village_code: "01990-01", area: "nông thôn", size: 4, income_per_person_month: 1_200_000, a_score: "",
    review_category: "nghèo", ethnic_minority: "0", lacks_employment: 1, lacks_nutrition: "x", lacks_latrine: "có",
  };
  const all = { ...base, ...fields };
  return HOUSEHOLD_COLUMNS.map((c) => all[c.key] ?? "");
}

/** Everything the store holds, as bytes: SQLite's database file and WAL (every byte written); on PostgreSQL every
 *  row of every table as text (the server's files are not ours to read). */
export async function storedBytes(privateUrl: string): Promise<Buffer> {
  if (!isSqliteUrl(privateUrl)) {
    const tables = await queryStore<{ t: string }>(privateUrl, `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    const rows: string[] = [];
    for (const { t } of tables) rows.push(...(await queryStore<{ r: string }>(privateUrl, `SELECT x::text AS r FROM "${t}" x ORDER BY 1`)).map((x) => x.r));
    return Buffer.from(rows.join("\n"), "utf8");
  }
  // checkpoint the WAL so that every byte written is in the main file, then read main file and WAL
  const path = sqlitePathFromUrl(privateUrl);
  const db = new Database(path);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return Buffer.concat([fs.readFileSync(path), fs.existsSync(path + "-wal") ? fs.readFileSync(path + "-wal") : Buffer.alloc(0)]);
}
