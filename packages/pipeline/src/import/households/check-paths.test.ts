import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { queryStore } from "@minhbach/db/test-query.ts";
import { encodeText, csvText, tempDir, writeCsv, writeXlsx } from "../shared/test-files.js";
import { liveCheckWorkers } from "./check-thread.js";
import { importHouseholds, type ImportHouseholdsOptions } from "./import-households.js";
import { HEADER, SECRET, dropHouseholdStores, household, seededStores } from "./test-fixtures.js";

afterEach(dropHouseholdStores);

/** The outcome of one import on one path: the summary without timings and ids, or the error's class, message and problems. */
async function outcome(opts: Omit<ImportHouseholdsOptions, "privateUrl" | "secret" | "year">, worker: boolean): Promise<unknown> {
  const { privateUrl } = await seededStores();
  try {
    const s = await importHouseholds({ ...opts, privateUrl, secret: SECRET, year: 2024, worker });
    const { importId: _i, seconds: _s, rowsPerSecond: _r, ...rest } = s;
    const records = await queryStore(privateUrl, `SELECT * FROM "HouseholdRecord" ORDER BY "householdKey"`);
    return { summary: rest, records: records.map(({ importId: _x, ...r }) => r) };
  } catch (e) {
    const err = e as Error & { problems?: unknown; total?: number; code?: string };
    return { error: err.name, message: err.message, problems: err.problems, total: err.total, code: err.code };
  } finally {
    expect(liveCheckWorkers()).toBe(0); // the worker is gone however the import ended
  }
}

/** Imports on this thread and on the check worker, expecting the very same outcome; returns it. */
async function bothPaths(opts: Omit<ImportHouseholdsOptions, "privateUrl" | "secret" | "year">): Promise<Record<string, unknown>> {
  const serial = await outcome(opts, false);
  const threaded = await outcome(opts, true);
  expect(threaded).toEqual(serial);
  return serial as Record<string, unknown>;
}

/** Rows over several worker batches, every one good; categories disagree with the standard now and then. */
function manyRows(n: number): (string | number)[][] {
  return Array.from({ length: n }, (_, j) =>
    household(`HH-${j}`, {
      village_code: j % 3 === 0 ? "01993-01" : "01990-01", income_per_person_month: 800_000 + (j % 1500) * 1000,
      size: 1 + (j % 9), review_category: j % 1500 <= 720 ? "nghèo" : "không nghèo",
    }),
  );
}

describe("the check worker and the main thread give the same outcome", () => {
  it("a good file over several batches: same summary (class mismatch examples included) and same stored rows", async () => {
    const file = writeCsv(tempDir(), "ho.csv", [HEADER, ...manyRows(20_000)]);
    const s = await bothPaths({ file });
    expect((s.summary as { rows: number }).rows).toBe(20_000);
    expect((s.summary as { classMismatches: { count: number } }).classMismatches.count).toBeGreaterThan(20);
  });

  it("a file with every kind of problem: same problems in the same order, same cap and total", async () => {
    const rows: (string | number)[][] = [HEADER, ...manyRows(9_000)];
    rows[5] = household("HH-1"); // duplicate of row 3
    rows[100] = household("B1", { size: 0, area: "?" });
    rows[4000] = household("", {});
    rows[8500] = household("B2", { review_category: "=1+1" });
    rows[8600] = [...household("B3"), "", "stray"];
    for (let j = 8700; j < 9_000; j++) rows[j] = household(`HH-${j - 8000}`, { size: 99 }); // duplicates and bad sizes
    const s = await bothPaths({ file: writeCsv(tempDir(), "ho.csv", rows) });
    expect(s.error).toBe("ImportError");
    expect(s.total).toBeGreaterThan(600);
  });

  it("ids over the length limit, too long to send as bytes, still found twice across batches", async () => {
    const rows: (string | number)[][] = [HEADER, ...manyRows(10_000)];
    const long = "Đ".repeat(800); // 1,600 bytes: the worker keys it itself
    rows[10] = household(long);
    rows[9_990] = household(long.toLowerCase());
    rows[20] = household("x".repeat(300)); // sent as bytes
    rows[9_995] = household(`  ${"X".repeat(300)}`);
    const s = await bothPaths({ file: writeCsv(tempDir(), "ho.csv", rows) });
    const reasons = (s.problems as { reason: string }[]).map((p) => p.reason);
    expect(reasons.filter((r) => /appears twice \(rows 11 and 9991\)/.test(r))).toHaveLength(1);
    expect(reasons.filter((r) => /appears twice \(rows 21 and 9996\)/.test(r))).toHaveLength(1);
  });

  it("more problems than the cap, spread over many batches", async () => {
    const rows = [HEADER, ...manyRows(12_000).map((r, j) => (j % 7 ? r : household(`HH-${j}`, { size: 0 })))];
    rows.push(...manyRows(2_000)); // 2,000 duplicates at the end
    const s = await bothPaths({ file: writeCsv(tempDir(), "ho.csv", rows) });
    expect((s.problems as unknown[]).length).toBe(1000);
  });

  it("legacy encodings, legacy-font text and a file cut inside a character", async () => {
    const dir = tempDir();
    const text = csvText([HEADER, household("H1", { area: "thành thị" })]);
    const tcvn = path.join(dir, "tcvn.csv");
    fs.writeFileSync(tcvn, encodeText(text, "TCVN3"));
    expect((await bothPaths({ file: tcvn })).message).toMatch(/TCVN3/);
    const font = path.join(dir, "font.csv");
    fs.writeFileSync(font, Buffer.from(encodeText(text, "TCVN3").toString("latin1"), "utf8"));
    expect((await bothPaths({ file: font })).error).toBe("ImportError");
    const cut = path.join(dir, "cut.csv");
    const bytes = Buffer.from(text + "H3,01990-01,nông thôn,2,nghèo,1,ộ", "utf8");
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 1));
    expect((await bothPaths({ file: cut })).message).toMatch(/truncated|not valid UTF-8/);
  });

  it("XLSX: formula cells, and a truncated workbook", async () => {
    const dir = tempDir();
    const xlsx = await writeXlsx(dir, "ho.xlsx", [
      { name: "Hộ", rows: [HEADER, household("H1"), household("H2", { review_category: "=HYPERLINK(\"x\")" }), household("H3", { size: { formula: "A1" } as never })] },
    ]);
    expect((await bothPaths({ file: xlsx })).problems).toHaveLength(2);
    const cut = path.join(dir, "cut.xlsx");
    const bytes = fs.readFileSync(xlsx);
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect((await bothPaths({ file: cut })).error).toBe("ImportError");
  });

  it("errors that are not import problems: an unreadable file, an unsupported type, personal columns", async () => {
    const dir = tempDir();
    const folder = path.join(dir, "folder.csv");
    fs.mkdirSync(folder);
    expect((await bothPaths({ file: folder })).code).toBe("EISDIR");
    const ods = path.join(dir, "ho.ods");
    fs.writeFileSync(ods, "x");
    expect((await bothPaths({ file: ods })).message).toMatch(/unsupported file type/);
    const personal = writeCsv(dir, "p.csv", [[...HEADER, "Họ tên chủ hộ"], [...household("H1"), "Nguyễn Văn A"]]);
    expect((await bothPaths({ file: personal })).message).toMatch(/Họ tên chủ hộ/);
    expect((await bothPaths({ file: personal, dropPersonalColumns: true })).summary).toMatchObject({ droppedColumns: ["Họ tên chủ hộ"] });
    const empty = writeCsv(dir, "empty.csv", [HEADER]);
    expect((await bothPaths({ file: empty })).message).toMatch(/no household rows/);
  });
});
