import fs from "node:fs";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { isSqliteUrl, sqlitePathFromUrl } from "@minhbach/db/sqlite-url.ts";
import { queryStore } from "@minhbach/db/test-query.ts";
import { ImportError } from "../shared/problems.js";
import { tempDir, writeCsv } from "../shared/test-files.js";
import { importHouseholds } from "./import-households.js";
import { batchesCovering } from "./replace.js";
import { householdKey } from "./key.js";
import { HEADER, SECRET, dropHouseholdStores, household, seededStores } from "./test-fixtures.js";

afterEach(dropHouseholdStores);

async function store(): Promise<string> {
  return (await seededStores()).privateUrl;
}

function records(privateUrl: string, year: number): Promise<{ villageCode: string; size: number; householdKey: string }[]> {
  return queryStore(
    privateUrl,
    `SELECT "villageCode", "size", "householdKey" FROM "HouseholdRecord" WHERE "year" = ? ORDER BY "villageCode", "size", "householdKey"`,
    [year],
  );
}

/** Everything the store holds, as bytes: SQLite's database file and WAL (every byte written); on PostgreSQL every
 *  row of every table as text (the server's files are not ours to read). */
async function storedBytes(privateUrl: string): Promise<Buffer> {
  if (!isSqliteUrl(privateUrl)) {
    const tables = await queryStore<{ t: string }>(privateUrl, `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public'`);
    const rows: string[] = [];
    for (const { t } of tables) rows.push(...(await queryStore<{ r: string }>(privateUrl, `SELECT x::text AS r FROM "${t}" x`)).map((x) => x.r));
    return Buffer.from(rows.join("\n"), "utf8");
  }
  // checkpoint the WAL so that every byte written is in the main file, then read main file and WAL
  const db = new Database(sqlitePathFromUrl(privateUrl));
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  const path = sqlitePathFromUrl(privateUrl);
  return Buffer.concat([fs.readFileSync(path), fs.existsSync(path + "-wal") ? fs.readFileSync(path + "-wal") : Buffer.alloc(0)]);
}

describe("re-import: a file replaces the commune-years it covers, atomically", () => {
  it("replaces only the communes in the file and reports added, removed and changed per commune", async () => {
    const privateUrl = await store();
    const dir = tempDir();
    await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "a.csv", [
      HEADER, household("A1"), household("A2", { village_code: "01990-02" }), household("A3"), household("B1", { village_code: "01993-01" }),
    ]) });
    const s = await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "b.csv", [
      HEADER,
      household("A1"), // unchanged
      household("A2", { village_code: "01990-02", income_per_person_month: 3_000_000, review_category: "không nghèo" }), // changed
      household("A4", { size: 7 }), // added; A3 removed
    ]) });
    expect(s.communes).toEqual([
      {
        commune: "01990", added: 1, removed: 1, changed: 1,
        before: { households: 3, POOR: 3, NEAR_POOR: 0, NOT_POOR: 0 },
        after: { households: 3, POOR: 2, NEAR_POOR: 0, NOT_POOR: 1 },
      },
    ]);
    // commune 01993 was not in the file: untouched
    expect((await records(privateUrl, 2024)).map((r) => [r.villageCode, r.size])).toEqual([
      ["01990-01", 4], ["01990-01", 7], ["01990-02", 4], ["01993-01", 4],
    ]);
  });

  it("uses the commune of the review year: after the 2025 move, village 01993-02 belongs to 01990", async () => {
    const privateUrl = await store();
    const dir = tempDir();
    for (const year of [2024, 2025]) {
      await importHouseholds({ privateUrl, year, secret: SECRET, file: writeCsv(dir, `${year}.csv`, [
        HEADER, household("M1", { village_code: "01993-02" }), household("S1", { village_code: "01993-01" }),
      ]) });
    }
    const s2024 = await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "x.csv", [HEADER, household("N1")]) });
    expect(s2024.communes.map((c) => c.commune)).toEqual(["01990"]); // in 2024, 01993-02 is still in 01993: kept
    expect(await records(privateUrl, 2024)).toHaveLength(3);
    const s2025 = await importHouseholds({ privateUrl, year: 2025, secret: SECRET, file: writeCsv(dir, "y.csv", [HEADER, household("N1")]) });
    expect(s2025.communes.find((c) => c.commune === "01990")).toMatchObject({ removed: 1, added: 1 }); // M1 replaced
    expect((await records(privateUrl, 2025)).map((r) => r.villageCode)).toEqual(["01990-01", "01993-01"]);
  });

  it("finds the old records through the batches that cover the commune, and searches a batch whose communes are unknown", async () => {
    const privateUrl = await store();
    const dir = tempDir();
    await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "a.csv", [
      HEADER, household("A1"), household("A3"), household("B1", { village_code: "01993-01" }),
    ]) });
    // as the benchmark's bulk load writes a batch: no commune list in its summary
    await queryStore(privateUrl, `UPDATE "ImportBatch" SET "summary" = '{}'`);
    const s = await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "b.csv", [HEADER, household("A1"), household("A4")]) });
    expect(s.communes).toEqual([expect.objectContaining({ commune: "01990", added: 1, removed: 1, changed: 0, before: expect.objectContaining({ households: 2 }) })]);
    // 01993: found in the first batch (communes unknown), not in the second (it lists 01990 only)
    const t = await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "c.csv", [HEADER, household("B2", { village_code: "01993-01" })]) });
    expect(t.communes).toEqual([expect.objectContaining({ commune: "01993", added: 1, removed: 1, before: expect.objectContaining({ households: 1 }) })]);
    const keys = (await records(privateUrl, 2024)).map((r) => [r.villageCode, r.householdKey]);
    expect(keys.sort()).toEqual([["01990-01", householdKey(SECRET, "A1")], ["01990-01", householdKey(SECRET, "A4")], ["01993-01", householdKey(SECRET, "B2")]].sort());
  });

  it("refuses a household already recorded that year in a commune the file does not cover, and keeps the old data", async () => {
    const privateUrl = await store();
    const dir = tempDir();
    await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "a.csv", [HEADER, household("X1", { village_code: "01993-01" })]) });
    const before = await records(privateUrl, 2024);
    const err = await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "b.csv", [HEADER, household("Y1"), household("X1")]) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).problems).toEqual([expect.objectContaining({ row: 3, column: "Mã hộ", reason: expect.stringMatching(/already recorded for 2024 in village 01993-01/) })]);
    expect(await records(privateUrl, 2024)).toEqual(before);
  });
});

describe("privacy: keyed hashes only", () => {
  it("stores HMAC-SHA256(secret, normalised id) and no raw id or dropped personal value anywhere in the store", async () => {
    const privateUrl = await store();
    const ids = ["HO-UNIQUE-7731", "HO-UNIQUE-9902"];
    const names = ["Nguyễn Thị Bí Mật", "0912000111"];
    const file = writeCsv(tempDir(), "ho.csv", [
      [...HEADER, "Họ và tên", "Điện thoại"],
      [...household(ids[0]!), names[0]!, names[1]!],
      [...household(ids[1]!), "x", "y"],
    ]);
    const s = await importHouseholds({ privateUrl, file, year: 2024, secret: SECRET, dropPersonalColumns: true });
    expect(s.droppedColumns).toEqual(["Họ và tên", "Điện thoại"]);
    const keys = (await records(privateUrl, 2024)).map((r) => r.householdKey).sort();
    expect(keys).toEqual(ids.map((id) => householdKey(SECRET, id)).sort());
    expect(householdKey(SECRET, " ho-unique-7731 ")).toBe(householdKey(SECRET, ids[0]!));
    expect(householdKey("another-secret-0123456789", ids[0]!)).not.toBe(householdKey(SECRET, ids[0]!));
    const bytes = await storedBytes(privateUrl);
    for (const secret of [...ids, ids[0]!.toLowerCase(), ...names, SECRET]) expect(bytes.includes(Buffer.from(secret, "utf8"))).toBe(false);
    expect(bytes.includes(Buffer.from(keys[0]!, "utf8"))).toBe(true); // the scan does see stored text
  });
});

describe("batchesCovering: which batches may hold records of the covered communes", () => {
  const summary = (...communes: string[]) => JSON.stringify({ communes: communes.map((commune) => ({ commune })) });
  it("takes the batches listing a covered commune and those whose communes are unknown, and no other", () => {
    const batches = [
      { id: 1, summary: summary("01990", "01993") }, { id: 2, summary: summary("01993") }, { id: 3, summary: "{}" },
      { id: 4, summary: "not json" }, { id: 5, summary: summary() }, { id: 6, summary: JSON.stringify({ communes: "01990" }) },
    ];
    expect(batchesCovering(batches, new Set(["01990"]))).toEqual([1, 3, 4, 6]);
    expect(batchesCovering(batches, new Set(["01993"]))).toEqual([1, 2, 3, 4, 6]);
    expect(batchesCovering(batches, new Set(["99999"]))).toEqual([3, 4, 6]);
  });
});
