/** A year's runs merged in key order: the merge on its own against a plain sort, and openSqliteSnapshot on a real
 *  store whose years hold different numbers of runs (imports), against `ORDER BY householdKey` per year. */
import { createHash } from "node:crypto";
import fs from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlitePathFromUrl } from "@minhbach/db/sqlite-url.ts";
import { freshStoreUrls } from "@minhbach/db/test-stores.ts";
import { openSqliteSnapshot, type KeyRange, type ScanRow } from "./household-rows.js";
import { seededRandom } from "@minhbach/core/disclosure/test-fixtures.ts";
import { KeyRunMerge, runPageSize } from "./key-runs.js";
import { keyRanges } from "./scan-part.js";

const random = seededRandom;

/** An evenly spread hex key, reproducible from a label (household keys are HMAC digests in hex). */
const hex = (label: string) => createHash("sha256").update(label).digest("hex");

/** A scan row with the given key; its village names the run it came from, so a row taken from the wrong run shows. */
function row(key: string, run: number): ScanRow {
  return [key, `V${run}`, 0, null, null, 0, "NOT_POOR", 0];
}

/** Every batch until the first short one (the last), checking that the others are full. */
function drain(next: () => ScanRow[], batchSize: number): ScanRow[] {
  const all: ScanRow[] = [];
  for (;;) {
    const batch = next();
    all.push(...batch);
    if (batch.length < batchSize) return all;
    expect(batch).toHaveLength(batchSize);
  }
}

describe("KeyRunMerge", () => {
  /** A merge over in-memory runs (each sorted), paging as the store does; counts the pages read. */
  function merge(runs: string[][], pageSize: number, batchSize: number) {
    const sorted = runs.map((keys, r) => [...keys].sort().map((k) => row(k, r)));
    let pages = 0;
    const m = new KeyRunMerge(runs.length, pageSize, batchSize, (r, after) => {
      pages++;
      const rows = sorted[r]!;
      const start = after === undefined ? 0 : rows.findIndex((x) => x[0] > after);
      return start < 0 ? [] : rows.slice(start, start + pageSize);
    });
    return { m, pages: () => pages };
  }

  it("gives what a plain sort gives, for random runs, page and batch sizes", () => {
    const rnd = random(7);
    for (let trial = 0; trial < 300; trial++) {
      const runs = Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => [] as string[]);
      const n = Math.floor(rnd() * 400);
      // Very different run lengths: run r takes a key with weight 2^r, and some runs stay empty.
      const weights = runs.map((_, r) => (rnd() < 0.15 ? 0 : 2 ** r));
      const total = weights.reduce((a, b) => a + b, 0);
      for (let i = 0; i < n && total; i++) {
        let w = rnd() * total;
        let r = 0;
        while (w >= weights[r]!) w -= weights[r++]!;
        runs[r]!.push(hex(`${trial}/${i}`));
      }
      const pageSize = 1 + Math.floor(rnd() * 20);
      const batchSize = [1, 2, 3, 7, 50, 1000][Math.floor(rnd() * 6)]!;
      const { m } = merge(runs, pageSize, batchSize);
      const got = drain(() => m.next(), batchSize);
      const want = runs.flatMap((keys, r) => keys.map((k) => row(k, r))).sort((a, b) => (a[0] < b[0] ? -1 : 1));
      expect(got, JSON.stringify({ trial, pageSize, batchSize })).toEqual(want);
    }
  });

  it("ends with an empty batch when the rows fill whole batches, and after that stays empty", () => {
    const { m } = merge([["b", "d"], ["a", "c"]], 1, 2);
    expect(m.next().map((r) => r[0])).toEqual(["a", "b"]);
    expect(m.next().map((r) => r[0])).toEqual(["c", "d"]);
    expect(m.next()).toEqual([]);
    expect(m.next()).toEqual([]);
  });

  it("reads nothing before the first batch is asked for, and no page twice", () => {
    const { m, pages } = merge([["a", "c", "e"], [], ["b", "d", "f", "g"]], 2, 100);
    expect(pages()).toBe(0);
    expect(m.next().map((r) => r[0])).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
    // run 0: 2 + 1 rows (a short page ends it); run 1: one empty page; run 2: 2 + 2 rows and an empty page
    expect(pages()).toBe(2 + 1 + 3);
  });

  it("sizes pages so that a year's runs buffer about half a batch, never below a floor unless the batch is smaller", () => {
    expect(runPageSize(2000, 2)).toBe(500);
    expect(runPageSize(2000, 10)).toBe(100);
    expect(runPageSize(2000, 63)).toBe(64);
    expect(runPageSize(7, 3)).toBe(7);
    expect(runPageSize(1, 5)).toBe(1);
  });
});

describe("openSqliteSnapshot over runs", () => {
  let dir: string;
  let privateUrl: string;
  // Years with 1, 2, 5, 12 and 63 runs (a national store's count); keys shared across years, unique within one.
  const RUNS: Record<number, number> = { 2021: 1, 2022: 2, 2023: 5, 2025: 12, 2026: 63 };
  const KEYS = [...Array.from({ length: 3000 }, (_, i) => hex(`h${i}`)), "0", "00", "55", "8", "80", "a", "aa", "ff", "ffff"];

  beforeAll(() => {
    ({ dir, privateUrl } = freshStoreUrls("minhbach-key-runs-"));
    const rnd = random(11);
    const db = new Database(sqlitePathFromUrl(privateUrl));
    const insert = db.prepare(`INSERT INTO HouseholdRecord (year, householdKey, villageCode, urban, size, incomePerMonth, aScore, deprivations,
      reviewCategory, ethnicMinority, importId) VALUES (?, ?, ?, 0, 4, ?, NULL, 0, 'NOT_POOR', 0, ?)`);
    db.transaction(() => {
      for (const [year, runs] of Object.entries(RUNS)) {
        // Import ids spread out (not 1..n) and runs of very different lengths: run r is picked with weight (r + 1)².
        const ids = Array.from({ length: runs }, (_, r) => 1000 * Number(year) + 7 * r + 3);
        const total = ids.reduce((t, _, r) => t + (r + 1) ** 2, 0);
        for (const key of KEYS) {
          if (rnd() < 0.2) continue; // not reviewed this year
          let w = rnd() * total;
          let r = 0;
          while (w >= (r + 1) ** 2) w -= (++r) ** 2;
          insert.run(Number(year), key, `V${r}`, Math.floor(rnd() * 1e6), ids[r]!);
        }
      }
      // A run of a single row, whose key sorts last in its year.
      insert.run(2023, "fffff", "V-last", 1, 99);
    })();
    db.close();
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A year's rows in a range, from one query sorting the year: what the merge must give. */
  function plain(year: number, range: KeyRange): ScanRow[] {
    const db = new Database(sqlitePathFromUrl(privateUrl), { readonly: true });
    try {
      return db.prepare(`SELECT householdKey, villageCode, urban, incomePerMonth, aScore, deprivations, reviewCategory, ethnicMinority
        FROM HouseholdRecord WHERE year = ? AND householdKey >= ? AND householdKey < ? ORDER BY householdKey`)
        .raw().all(year, range.from, range.to ?? "\uffff") as ScanRow[];
    } finally {
      db.close();
    }
  }

  it("finds the years and gives each year's rows of each range in key order, in batches of every size", () => {
    const rangeSets: KeyRange[][] = [keyRanges(1), keyRanges(3), keyRanges(64),
      // ranges inside which most runs have no rows, one with no rows at all, one cutting at a short key
      [{ from: "3a", to: "3a8" }, { from: "3a8", to: "3b" }, { from: "80", to: "800" }, { from: "ff", to: "fffff" }, { from: "fffff" }]];
    for (const batchSize of [1, 3, 64, 2000]) {
      const snapshot = openSqliteSnapshot(privateUrl, batchSize);
      try {
        expect(snapshot.years).toEqual(Object.keys(RUNS).map(Number));
        for (const ranges of rangeSets) {
          for (const range of ranges) {
            const rows = snapshot.rows(range);
            expect(rows.batchSize).toBe(batchSize);
            // The years read interleaved, as the scan reads them: one batch of each in turn.
            const got = snapshot.years.map((): ScanRow[] => []);
            const done = snapshot.years.map(() => false);
            while (done.includes(false)) {
              for (const [i] of snapshot.years.entries()) {
                if (done[i]) continue;
                const batch = rows.next(i) as ScanRow[];
                got[i]!.push(...batch);
                done[i] = batch.length < batchSize;
              }
            }
            for (const [i, year] of snapshot.years.entries()) {
              expect(got[i], JSON.stringify({ batchSize, range, year })).toEqual(plain(year, range));
            }
          }
        }
      } finally {
        snapshot.close();
      }
    }
  });

  it("holds every row of every year once over a whole key split", () => {
    const snapshot = openSqliteSnapshot(privateUrl, 50);
    try {
      const db = new Database(sqlitePathFromUrl(privateUrl), { readonly: true });
      const counts = db.prepare(`SELECT year, COUNT(*) FROM HouseholdRecord GROUP BY year ORDER BY year`).raw().all() as [number, number][];
      db.close();
      const seen = snapshot.years.map(() => 0);
      for (const range of keyRanges(16)) {
        const rows = snapshot.rows(range);
        for (const [i] of snapshot.years.entries()) seen[i]! += drain(() => rows.next(i) as ScanRow[], 50).length;
      }
      expect(snapshot.years.map((y, i) => [y, seen[i]])).toEqual(counts);
    } finally {
      snapshot.close();
    }
  });
});
