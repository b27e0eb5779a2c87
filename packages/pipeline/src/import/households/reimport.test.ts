import { afterEach, describe, expect, it } from "vitest";
import { queryStore } from "@minhbach/db/test-query.ts";
import { ImportError } from "../shared/problems.js";
import { tempDir, writeCsv } from "../shared/test-files.js";
import { importHouseholds } from "./import-households.js";
import { batchesCovering } from "./replace.js";
import { householdKey } from "./key.js";
import { HEADER, SECRET, dropHouseholdStores, household, seedCommune, seededStores, storedBytes } from "./test-fixtures.js";

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

/** Every field of every record of the year outside `villages`, batch included. */
function recordsOutside(privateUrl: string, year: number, villages: string[]): Promise<unknown[]> {
  return queryStore(
    privateUrl,
    `SELECT * FROM "HouseholdRecord" WHERE "year" = ? AND "villageCode" NOT IN (${villages.map(() => "?").join(", ")}) ORDER BY "householdKey"`,
    [year, ...villages],
  );
}

const counts = (households: number, POOR = households, NEAR_POOR = 0, NOT_POOR = 0) => ({ households, POOR, NEAR_POOR, NOT_POOR });

describe("re-import: a file replaces the village-years it names, atomically", () => {
  it("replaces only the villages in the file and reports added, removed and changed per village and per commune", async () => {
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
    expect(s.villages).toEqual([
      { village: "01990-01", commune: "01990", added: 1, removed: 1, changed: 0, before: counts(2), after: counts(2) },
      { village: "01990-02", commune: "01990", added: 0, removed: 0, changed: 1, before: counts(1), after: counts(1, 0, 0, 1) },
    ]);
    expect(s.communes).toEqual([{ commune: "01990", added: 1, removed: 1, changed: 1, before: counts(3), after: counts(3, 2, 0, 1) }]);
    // village 01993-01 was not in the file: untouched
    expect((await records(privateUrl, 2024)).map((r) => [r.villageCode, r.size])).toEqual([
      ["01990-01", 4], ["01990-01", 7], ["01990-02", 4], ["01993-01", 4],
    ]);
  });

  it("correcting three villages of an 11-village commune leaves the other eight villages' records exactly as they were", async () => {
    const privateUrl = await store();
    const villages = await seedCommune(privateUrl, "02000", 11);
    const dir = tempDir();
    const rows = villages.flatMap((v) => [1, 2, 3].map((i) => household(`${v}/${i}`, { village_code: v })));
    await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "all.csv", [HEADER, ...rows]) });
    const [v1, v2, v3] = villages as [string, string, string];
    const untouched = await recordsOutside(privateUrl, 2024, [v1, v2, v3]);
    expect(untouched).toHaveLength(24);
    const s = await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "three.csv", [
      HEADER,
      household(`${v1}/1`, { village_code: v1, size: 6 }), household(`${v1}/2`, { village_code: v1 }), household(`${v1}/3`, { village_code: v1 }),
      household(`${v2}/1`, { village_code: v2 }), household(`${v2}/2`, { village_code: v2 }), household(`${v2}/9`, { village_code: v2 }),
      household(`${v3}/1`, { village_code: v3 }), household(`${v3}/2`, { village_code: v3 }), household(`${v3}/3`, { village_code: v3 }),
    ]) });
    expect(await recordsOutside(privateUrl, 2024, [v1, v2, v3])).toEqual(untouched);
    expect(await records(privateUrl, 2024)).toHaveLength(33 + 1 - 1); // the whole commune, with v2's swap
    expect(s.villages.map((v) => [v.village, v.before.households, v.after.households, v.added, v.removed, v.changed])).toEqual([
      [v1, 3, 3, 0, 0, 1], [v2, 3, 3, 1, 1, 0], [v3, 3, 3, 0, 0, 0],
    ]);
    expect(s.communes).toEqual([expect.objectContaining({ commune: "02000", before: counts(9), after: counts(9), added: 1, removed: 1, changed: 1 })]);
    // its batch lists the villages it replaced, so a later import of other villages does not read it
    const [batch] = await queryStore<{ summary: string }>(privateUrl, `SELECT "summary" FROM "ImportBatch" WHERE "id" = ?`, [s.importId]);
    expect(JSON.parse(batch!.summary).villages.map((v: { village: string }) => v.village)).toEqual([v1, v2, v3]);
  });

  it("gives each village the commune of the review year: after the 2025 move, village 01993-02 belongs to 01990", async () => {
    const privateUrl = await store();
    const dir = tempDir();
    for (const year of [2024, 2025]) {
      await importHouseholds({ privateUrl, year, secret: SECRET, file: writeCsv(dir, `${year}.csv`, [
        HEADER, household("M1", { village_code: "01993-02" }), household("S1", { village_code: "01993-01" }),
      ]) });
    }
    const file = writeCsv(dir, "m.csv", [HEADER, household("M2", { village_code: "01993-02" })]);
    const s2024 = await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file });
    expect(s2024.villages).toEqual([expect.objectContaining({ village: "01993-02", commune: "01993", added: 1, removed: 1 })]);
    const s2025 = await importHouseholds({ privateUrl, year: 2025, secret: SECRET, file });
    expect(s2025.villages).toEqual([expect.objectContaining({ village: "01993-02", commune: "01990", added: 1, removed: 1 })]);
    for (const year of [2024, 2025]) {
      expect((await records(privateUrl, year)).map((r) => [r.villageCode, r.householdKey])).toEqual([
        ["01993-01", householdKey(SECRET, "S1")], ["01993-02", householdKey(SECRET, "M2")],
      ]);
    }
  });

  it("moves a household between two villages the file names: removed from the one, added to the other", async () => {
    const privateUrl = await store();
    const dir = tempDir();
    await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "a.csv", [HEADER, household("A1"), household("A2", { village_code: "01990-02" })]) });
    const s = await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "b.csv", [
      HEADER, household("A1", { village_code: "01990-02" }), household("A2", { village_code: "01990-02" }), household("N1"),
    ]) });
    expect(s.villages.map((v) => [v.village, v.before.households, v.after.households, v.added, v.removed, v.changed])).toEqual([
      ["01990-01", 1, 1, 1, 1, 0], ["01990-02", 1, 2, 1, 0, 0],
    ]);
    expect((await records(privateUrl, 2024)).map((r) => r.villageCode)).toEqual(["01990-01", "01990-02", "01990-02"]);
  });
});

describe("re-import: household ids stay unique per year", () => {
  it("refuses a household already recorded that year in a village the file does not include, even of the same commune, and keeps the old data", async () => {
    const privateUrl = await store();
    const dir = tempDir();
    await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "a.csv", [
      HEADER, household("X1", { village_code: "01993-01" }), household("X2", { village_code: "01990-02" }),
    ]) });
    const before = await storedBytes(privateUrl);
    const err = await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "b.csv", [HEADER, household("Y1"), household("X1"), household("X2")]) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).problems).toEqual([
      expect.objectContaining({ row: 3, column: "Mã hộ", reason: expect.stringMatching(/already recorded for 2024 in village 01993-01, which this file does not include/) }),
      expect.objectContaining({ row: 4, column: "Mã hộ", reason: expect.stringMatching(/in village 01990-02, .*include village 01990-02 in the file/) }),
    ]);
    expect(await storedBytes(privateUrl)).toEqual(before);
  });
});

describe("re-import: old records are found through the batches that may hold them", () => {
  it("searches a batch whose units are unknown, and not one listing only other villages", async () => {
    const privateUrl = await store();
    const dir = tempDir();
    await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "a.csv", [
      HEADER, household("A1"), household("A3"), household("B1", { village_code: "01993-01" }),
    ]) });
    // as a batch written by other means may be: no unit list in its summary
    await queryStore(privateUrl, `UPDATE "ImportBatch" SET "summary" = '{}'`);
    const s = await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "b.csv", [HEADER, household("A1"), household("A4")]) });
    expect(s.communes).toEqual([expect.objectContaining({ commune: "01990", added: 1, removed: 1, changed: 0, before: expect.objectContaining({ households: 2 }) })]);
    // 01993-01: found in the first batch (units unknown), not in the second (it lists village 01990-01 only)
    const t = await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "c.csv", [HEADER, household("B2", { village_code: "01993-01" })]) });
    expect(t.villages).toEqual([expect.objectContaining({ village: "01993-01", added: 1, removed: 1, before: expect.objectContaining({ households: 1 }) })]);
    const keys = (await records(privateUrl, 2024)).map((r) => [r.villageCode, r.householdKey]);
    expect(keys.sort()).toEqual([["01990-01", householdKey(SECRET, "A1")], ["01990-01", householdKey(SECRET, "A4")], ["01993-01", householdKey(SECRET, "B2")]].sort());
  });

  it("an older batch summary listing communes only still works: any village of its communes (at the review year) may be in it", async () => {
    const privateUrl = await store();
    const dir = tempDir();
    await importHouseholds({ privateUrl, year: 2025, secret: SECRET, file: writeCsv(dir, "a.csv", [
      HEADER, household("M1", { village_code: "01993-02" }), household("A1"), household("B1", { village_code: "01993-01" }),
    ]) });
    // as an import before village lists wrote it (whole communes replaced): 01993-02 belongs to 01990 in 2025
    await queryStore(privateUrl, `UPDATE "ImportBatch" SET "summary" = ?`, [JSON.stringify({ communes: [{ commune: "01990", added: 2 }, { commune: "01993", added: 1 }] })]);
    const s = await importHouseholds({ privateUrl, year: 2025, secret: SECRET, file: writeCsv(dir, "b.csv", [HEADER, household("M2", { village_code: "01993-02" })]) });
    expect(s.villages).toEqual([expect.objectContaining({ village: "01993-02", commune: "01990", before: counts(1), added: 1, removed: 1 })]);
    expect((await records(privateUrl, 2025)).map((r) => [r.villageCode, r.householdKey])).toEqual([
      ["01990-01", householdKey(SECRET, "A1")], ["01993-01", householdKey(SECRET, "B1")], ["01993-02", householdKey(SECRET, "M2")],
    ]);
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

describe("batchesCovering: which batches may hold records of the file's villages", () => {
  const communes = (...codes: string[]) => JSON.stringify({ communes: codes.map((commune) => ({ commune })) });
  const villages = (...codes: string[]) => JSON.stringify({ villages: codes.map((village) => ({ village, commune: village.slice(0, 5) })), communes: [] });
  it("takes the batches listing a named village, older ones listing one of their communes, and those whose units are unknown", () => {
    const batches = [
      { id: 1, summary: communes("01990", "01993") }, { id: 2, summary: communes("01993") }, { id: 3, summary: "{}" },
      { id: 4, summary: "not json" }, { id: 5, summary: communes() }, { id: 6, summary: JSON.stringify({ communes: "01990" }) },
      { id: 7, summary: villages("01990-01") }, { id: 8, summary: villages("01990-02", "01993-01") }, { id: 9, summary: villages() },
    ];
    const cover = (...codes: string[]) => ({ villages: new Set(codes), communes: new Set(codes.map((v) => v.slice(0, 5))) });
    expect(batchesCovering(batches, cover("01990-01"))).toEqual([1, 3, 4, 6, 7]);
    expect(batchesCovering(batches, cover("01993-01"))).toEqual([1, 2, 3, 4, 6, 8]);
    expect(batchesCovering(batches, cover("99999-01"))).toEqual([3, 4, 6]);
    // a batch listing villages is judged by them, even if its communes are listed too
    expect(batchesCovering([{ id: 1, summary: JSON.stringify({ villages: [{ village: "01990-02" }], communes: [{ commune: "01990" }] }) }], cover("01990-01"))).toEqual([]);
  });
});
