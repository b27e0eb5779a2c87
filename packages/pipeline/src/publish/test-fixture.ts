/** A small private store for publish tests: one commune with three villages and two reviews, written directly.
 *  Why not the demo: publish tests need seconds, not a province. */
import Database from "better-sqlite3";
import { freshStoreUrls } from "@minhbach/db/test-stores.ts";
import { sqlitePathFromUrl } from "@minhbach/db/sqlite-url.ts";

export interface FixtureHousehold { key: string; village: string; income: number; lacking: number; category?: string }

/** Deprivation bit set with the first `n` indicators of the catalogue lacking. */
const lackingBits = (n: number) => (1 << n) - 1;

export function publishFixture(households: Record<number, FixtureHousehold[]>) {
  const urls = freshStoreUrls("minhbach-publish-");
  const db = new Database(sqlitePathFromUrl(urls.privateUrl));
  const unit = db.prepare(
    `INSERT INTO AdminUnit (code, gsoCode, level, name, nameAscii, type, parentCode, synthetic, geometryIllustrative) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0)`,
  );
  const parent = db.prepare(`INSERT INTO UnitParent (unitCode, parentCode, validFrom, validTo) VALUES (?, ?, ?, NULL)`);
  const since = new Date("2020-01-01T00:00:00Z").getTime();
  unit.run("06", "06", "PROVINCE", "Bắc Kạn", "bac kan", "tỉnh", null);
  unit.run("063", "063", "DISTRICT", "Bạch Thông", "bach thong", "huyện", "06");
  unit.run("01990", "01990", "COMMUNE", "Lục Bình", "luc binh", "xã", "063");
  parent.run("063", "06", since);
  parent.run("01990", "063", since);
  for (const v of ["01990-01", "01990-02", "01990-03"]) {
    unit.run(v, null, "VILLAGE", `Thôn ${v}`, `thon ${v}`, "thôn", "01990");
    parent.run(v, "01990", since);
  }
  const batch = db.prepare(`INSERT INTO ImportBatch (kind, fileName, sha256, year, rows, synthetic, summary, createdAt) VALUES ('HOUSEHOLDS', 'fixture', '', ?, ?, 1, '{}', ?)`);
  const record = db.prepare(
    `INSERT INTO HouseholdRecord (year, householdKey, villageCode, urban, size, incomePerMonth, aScore, deprivations, reviewCategory, ethnicMinority, importId)
     VALUES (?, ?, ?, 0, 4, ?, NULL, ?, ?, 1, ?)`,
  );
  for (const [year, rows] of Object.entries(households)) {
    const id = batch.run(Number(year), rows.length, Date.now()).lastInsertRowid;
    for (const h of rows) record.run(Number(year), h.key, h.village, h.income, lackingBits(h.lacking), h.category ?? "NOT_POOR", id);
  }
  db.close();
  return urls;
}

/** `count` households in a village: the first `poor` poor (income under the line, 4 indicators lacking), then not poor. */
export function village(village: string, count: number, poor: number, keyPrefix = village): FixtureHousehold[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `${keyPrefix}-${i}`,
    village,
    income: i < poor ? 900_000 : 3_000_000,
    lacking: i < poor ? 4 : 0,
    category: i < poor ? "POOR" : "NOT_POOR",
  }));
}
