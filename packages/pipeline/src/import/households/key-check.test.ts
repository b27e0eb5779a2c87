/**
 * The household key check on SQLite (key-check.ts): keys are unique per year across the runs of all the year's import
 * batches, found through each batch's sorted key prefixes. Scenarios a store meets in its life: prefixes missing (a
 * store made before migration 0005), batches emptied by re-imports, and two imports of one year at the same time.
 */
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { sqlitePathFromUrl } from "@minhbach/db/sqlite-url.ts";
import { standardForYear } from "@minhbach/core/standards/standards.ts";
import { ImportError } from "../shared/problems.js";
import { tempDir, writeCsv } from "../shared/test-files.js";
import { importHouseholds } from "./import-households.js";
import { householdKey } from "./key.js";
import { SqliteHouseholdStore } from "./sqlite-store.js";
import { emptyCounts, type ImportSummary } from "./summary.js";
import { HEADER, SECRET, dropHouseholdStores, household, seededStores } from "./test-fixtures.js";

afterEach(dropHouseholdStores);

async function sqliteStore(): Promise<string> {
  return (await seededStores("sqlite")).privateUrl;
}

function query<T>(privateUrl: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(sqlitePathFromUrl(privateUrl), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const prefixRows = (privateUrl: string) => query<{ importId: number; keys: number }>(privateUrl, `SELECT importId, keys FROM HouseholdKeyPrefixes ORDER BY importId`);
const records = (privateUrl: string) => query<{ importId: number; householdKey: string; villageCode: string }>(privateUrl, `SELECT importId, householdKey, villageCode FROM HouseholdRecord ORDER BY householdKey`);

describe("a store made before the key prefixes (migration 0005)", () => {
  it("still refuses a household recorded that year in a village the file does not include, and gets the missing prefixes", async () => {
    const privateUrl = await sqliteStore();
    const dir = tempDir();
    await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "a.csv", [HEADER, household("X1", { village_code: "01993-01" }), household("X2", { village_code: "01993-01" })]) });
    const db = new Database(sqlitePathFromUrl(privateUrl));
    db.exec(`DELETE FROM HouseholdKeyPrefixes`);
    db.close();

    const err = await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "b.csv", [HEADER, household("Y1"), household("X2")]) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).problems).toEqual([expect.objectContaining({ row: 3, reason: expect.stringMatching(/already recorded for 2024 in village 01993-01/) })]);
    expect(prefixRows(privateUrl)).toEqual([{ importId: 1, keys: 2 }]);
  });
});

describe("one prefix list per batch with records", () => {
  it("stores each import's prefixes with its rows, and drops an emptied batch's at the next import of the year", async () => {
    const privateUrl = await sqliteStore();
    const dir = tempDir();
    const file = (name: string, ...ids: string[]) => writeCsv(dir, name, [HEADER, ...ids.map((id) => household(id))]);
    await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: file("a.csv", "A1", "A2", "A3") });
    expect(prefixRows(privateUrl)).toEqual([{ importId: 1, keys: 3 }]);
    // the same village again: batch 1 loses every record; its prefixes stay until the year's next import
    const again = await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: file("b.csv", "A1", "A4") });
    expect(again.communes[0]).toMatchObject({ added: 1, removed: 2, changed: 0 });
    expect(prefixRows(privateUrl)).toEqual([{ importId: 1, keys: 3 }, { importId: 2, keys: 2 }]);
    await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "c.csv", [HEADER, household("B1", { village_code: "01993-01" })]) });
    expect(prefixRows(privateUrl)).toEqual([{ importId: 2, keys: 2 }, { importId: 3, keys: 1 }]);
    expect(records(privateUrl).map((r) => [r.importId, r.householdKey]).sort()).toEqual(
      [[2, householdKey(SECRET, "A1")], [2, householdKey(SECRET, "A4")], [3, householdKey(SECRET, "B1")]].sort(),
    );
  });

  it("finds a household among many batches of the year, whichever batch holds it", async () => {
    const privateUrl = await sqliteStore();
    const dir = tempDir();
    // twenty batches for commune 01990 (each re-import empties the one before), and the household sought in 01993's
    for (let i = 0; i < 20; i++) {
      await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, `a${i}.csv`, [HEADER, household(`A${i}`)]) });
      if (i === 10) await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "b.csv", [HEADER, household("SOUGHT", { village_code: "01993-01" })]) });
    }
    const err = await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "c.csv", [HEADER, household("SOUGHT")]) }).catch((e: unknown) => e);
    expect((err as ImportError).problems).toEqual([expect.objectContaining({ row: 2, reason: expect.stringMatching(/in village 01993-01/) })]);
  });
});

describe("a candidate is only a candidate", () => {
  // Two ids whose keys (with the tests' secret) share their first 32 bits, found by a birthday search over P0, P1, …
  const SAME_PREFIX = ["P11104", "P85555"] as const;

  it("a household whose key shares its prefix with one stored in another village is imported, as an addition", async () => {
    const [stored, other] = SAME_PREFIX.map((id) => householdKey(SECRET, id));
    expect(stored!.slice(0, 8)).toBe(other!.slice(0, 8)); // else this test no longer tests anything
    expect(stored).not.toBe(other);
    const privateUrl = await sqliteStore();
    const dir = tempDir();
    await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "a.csv", [HEADER, household(SAME_PREFIX[0], { village_code: "01993-01" })]) });
    const s = await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "b.csv", [HEADER, household("Q1"), household(SAME_PREFIX[1])]) });
    expect(s.communes).toEqual([expect.objectContaining({ commune: "01990", added: 2, removed: 0, changed: 0 })]);
    expect(records(privateUrl).map((r) => r.householdKey).sort()).toEqual([stored, other, householdKey(SECRET, "Q1")].sort());
    // the same id again in another village is refused: the exact look-up behind the candidate
    const err = await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "c.csv", [HEADER, household(SAME_PREFIX[0], { village_code: "01990-02" })]) }).catch((e: unknown) => e);
    expect((err as ImportError).problems).toEqual([expect.objectContaining({ row: 2, reason: expect.stringMatching(/in village 01993-01/) })]);
  });
});

describe("two imports of one year at the same time", () => {
  it("refuses to store a file whose keys were checked before another import of the year was stored, changing nothing", async () => {
    const privateUrl = await sqliteStore();
    const dir = tempDir();
    const slow = new SqliteHouseholdStore(privateUrl);
    try {
      const stage = await slow.openStage();
      stage.add(2, Buffer.from(householdKey(SECRET, "S1"), "hex"), 0, { rowNumber: 2, id: "S1", villageCode: "01990-01", communeCode: "01990", urban: false, size: 3, incomePerMonth: 900_000, aScore: null, deprivations: 0, reviewCategory: "POOR", ethnicMinority: false });
      await stage.finish();
      const counts = new Map([["01990-01", { commune: "01990", counts: { ...emptyCounts(), households: 1, POOR: 1 } }]]);
      await slow.fillCovered(counts);
      expect(await slow.conflictsOutsideCover(2024)).toEqual([]);
      // meanwhile another file of 2024 is imported, holding the same household in another commune
      await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(dir, "b.csv", [HEADER, household("S1", { village_code: "01993-01" })]) });
      const before = records(privateUrl);
      const batch = { fileName: "slow.csv", sha256: "0".repeat(64), year: 2024, rows: 1, synthetic: false, sourceId: null };
      const steps = { review: () => {}, summarise: (importId: number) => ({ importId }) as ImportSummary };
      await expect(slow.replace(2024, standardForYear(2024), counts, batch, steps)).rejects.toThrow(/another household import for 2024 was stored while this file was being checked/);
      expect(records(privateUrl)).toEqual(before);
      expect(query(privateUrl, `SELECT fileName FROM ImportBatch`)).toEqual([{ fileName: "b.csv" }]);
    } finally {
      await slow.dropStage();
      await slow.close();
    }
  });
});
