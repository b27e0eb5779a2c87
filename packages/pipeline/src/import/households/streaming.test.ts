import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { queryValue } from "@minhbach/db/test-query.ts";
import { ImportError } from "../shared/problems.js";
import { csvText, tempDir } from "../shared/test-files.js";
import { importHouseholds } from "./import-households.js";
import { HEADER, SECRET, dropHouseholdStores, household, seededStores } from "./test-fixtures.js";

afterEach(dropHouseholdStores);

const ROWS = 300_000;

/** Writes the file in slices, so the test itself never holds it either; `id(j)` is row j's household id. */
function writeBigCsv(file: string, rows = ROWS, id = (j: number) => `HH-${j}`): void {
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, "\ufeff" + csvText([HEADER]));
  for (let i = 0; i < rows; i += 10_000) {
    const slice = [];
    for (let j = i; j < Math.min(i + 10_000, rows); j++) {
      slice.push(household(id(j), {
        village_code: j % 3 === 0 ? "01993-01" : "01990-01", income_per_person_month: 800_000 + (j % 1500) * 1000,
        size: 1 + (j % 9), review_category: j % 1500 <= 700 ? "nghèo" : "không nghèo",
      }));
    }
    fs.writeSync(fd, csvText(slice));
  }
  fs.closeSync(fd);
}

describe("streaming: a large file with flat memory", () => {
  it(`imports ${ROWS} generated rows, printing rows/s and RSS growth`, async () => {
    const { privateUrl, provider } = await seededStores();
    const file = path.join(tempDir(), "big.csv");
    writeBigCsv(file);
    global.gc?.();
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const s = await importHouseholds({ privateUrl, file, year: 2024, secret: SECRET, progress: () => (peak = Math.max(peak, process.memoryUsage().rss)) });
    peak = Math.max(peak, process.memoryUsage().rss);
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    console.log(
      `[households streaming, ${provider}] ${s.rows} rows, ${mb(fs.statSync(file).size)} MB CSV, ${s.seconds.toFixed(2)} s, ` +
        `${Math.round(s.rowsPerSecond)} rows/s, RSS growth ${mb(peak - rss0)} MB`,
    );
    expect(s.rows).toBe(ROWS);
    expect(s.totals.after.households).toBe(ROWS);
    // Holding the rows as objects would take > 300 MB; the key prefixes (4 bytes a row) and SQLite's cache stay below.
    expect(peak - rss0).toBeLessThan(200 * 1024 * 1024);
  });

  it("a million rows of one household (written in two ways): refused with every duplicate counted, nothing stored", async () => {
    const { privateUrl } = await seededStores();
    const file = path.join(tempDir(), "same.csv");
    writeBigCsv(file, 1_000_000, (j) => (j % 2 ? " hh-1 " : "HH-1"));
    global.gc?.();
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const err = await importHouseholds({ privateUrl, file, year: 2024, secret: SECRET, progress: () => (peak = Math.max(peak, process.memoryUsage().rss)) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    const e = err as ImportError;
    expect(e.total).toBe(999_999);
    expect(e.problems).toHaveLength(1000);
    expect(e.problems[0]).toMatchObject({ row: 3, column: "Mã hộ", reason: "household id appears twice (rows 2 and 3)" });
    expect(e.problems[999]!.reason).toBe("household id appears twice (rows 2 and 1002)");
    expect(e.message).toMatch(/999999 problem\(s\)/);
    expect(await queryValue(privateUrl, `SELECT COUNT(*) FROM "HouseholdRecord"`)).toBe(0);
    expect(await queryValue(privateUrl, `SELECT COUNT(*) FROM "ImportBatch"`)).toBe(0);
    expect(peak - rss0).toBeLessThan(200 * 1024 * 1024);
  });
});
