/**
 * Villages looked up in a SQLite store as rows name them (sqlite-villages.ts), against the fixture map: a village that
 * moved commune on 2025-07-01 and one abolished on 2024-01-01. The import tests cover the same cases end to end; these
 * pin the look-ups themselves, as each reads a village alone.
 */
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { sqlitePathFromUrl } from "@minhbach/db/sqlite-url.ts";
import { SqliteVillageLookup } from "./sqlite-villages.js";
import { dropHouseholdStores, seededStores } from "./test-fixtures.js";
import { NOT_AT_REVIEW } from "./villages.js";

afterEach(dropHouseholdStores);

async function storePath(): Promise<string> {
  return sqlitePathFromUrl((await seededStores("sqlite")).privateUrl);
}

describe("a row's village", () => {
  it("is found with its commune at the review year, each code read once", async () => {
    const path = await storePath();
    const lookup = new SqliteVillageLookup(path, 2024);
    const at2025 = new SqliteVillageLookup(path, 2025);
    try {
      expect(lookup.get("01990-01")).toBe("01990");
      expect(lookup.get("01993-02")).toBe("01993"); // its dated link before the move
      expect(at2025.get("01993-02")).toBe("01990"); // and after it
      expect(lookup.get("01990-09")).toBe(NOT_AT_REVIEW); // abolished on 2024-01-01
      expect(lookup.get("01990")).toBeUndefined(); // a commune, not a village
      expect(lookup.get("nowhere")).toBeUndefined();
      // remembered: a village added to the store meanwhile is not seen by this import's look-up, an unknown code stays unknown
      const db = new Database(path);
      db.prepare(`INSERT INTO AdminUnit (code, level, name, nameAscii, type, parentCode) VALUES ('nowhere', 'VILLAGE', 'x', 'x', 'thôn', '01990')`).run();
      db.close();
      expect(lookup.get("nowhere")).toBeUndefined();
      expect(at2025.get("nowhere")).toBe("01990");
    } finally {
      lookup.close();
      at2025.close();
    }
  });

  it("refuses a store file that does not exist rather than creating one", () => {
    expect(() => new SqliteVillageLookup("/nonexistent/minhbach.db", 2024)).toThrow();
  });
});
