import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BASE_COLUMNS } from "@minhbach/core/households/columns.ts";
import { ImportError, ProblemCollector } from "./problems.js";
import { readTable, type ReadTableOptions, type TableRow } from "./table.js";
import { tempDir, writeCsv, writeXlsx } from "./test-files.js";

const HEADER = ["Mã hộ", "Mã thôn", "Khu vực", "Số nhân khẩu", "Phân loại", "Dân tộc thiểu số"];
const ROW = ["H1", "01990-03", "nông thôn", "4", "nghèo", "1"];

async function readAll(file: string, opts: Partial<ReadTableOptions> = {}): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const r of readTable(file, { columns: BASE_COLUMNS, ...opts })) rows.push(r);
  return rows;
}

async function problemsOf(file: string, opts: Partial<ReadTableOptions> = {}): Promise<ImportError> {
  const err = await readAll(file, opts).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportError);
  return err as ImportError;
}

describe("readTable: header matching", () => {
  it("ignores case, diacritics and spacing, accepts English keys, and keys values canonically", async () => {
    const dir = tempDir();
    const file = writeCsv(dir, "h.csv", [
      ["MÃ HỘ", "ma  thon", "area", " So Nhan Khau ", "phan_loai", "DTTS", "income_per_person_month"],
      [" H1 ", "01990-03", "nông thôn", "4", "nghèo", "1", "1.200.000"],
    ]);
    const rows = await readAll(file);
    expect(rows).toEqual([
      {
        rowNumber: 2,
        values: {
          household_id: "H1", village_code: "01990-03", area: "nông thôn", size: "4", income_per_person_month: "1.200.000",
          a_score: "", review_category: "nghèo", ethnic_minority: "1",
        },
        fields: ["H1", "01990-03", "nông thôn", "4", "1.200.000", "", "nghèo", "1"], // the same, in the columns' order
      },
    ]);
  });

  it("names a missing required column and an unknown column", async () => {
    const dir = tempDir();
    const file = writeCsv(dir, "h.csv", [["Mã hộ", "Mã thôn", "Khu vực", "Số nhân khẩu", "Dân tộc thiểu số", "Ghi chú lạ"], ROW.slice(0, 5)]);
    const err = await problemsOf(file);
    expect(err.message).toContain(`${file}:1:Phân loại: required column "Phân loại" (review_category) is missing`);
    expect(err.problems.find((p) => p.column === "Ghi chú lạ")?.reason).toMatch(/unknown column/);
  });

  it("counts rows as the file's line numbers, skipping blank lines and multi-line cells", async () => {
    const dir = tempDir();
    const file = path.join(dir, "h.csv");
    fs.writeFileSync(file, `${HEADER.join(",")}\n\n${ROW.join(",")}\nH2,01990-03,"nông\nthôn",3,nghèo,0\nH3,01990-03,thành thị,2,nghèo,0\n`);
    expect((await readAll(file)).map((r) => [r.rowNumber, r.values.household_id])).toEqual([[3, "H1"], [4, "H2"], [6, "H3"]]);
  });

  it("reads semicolon-separated files (Excel with a Vietnamese list separator)", async () => {
    const dir = tempDir();
    const file = path.join(dir, "h.csv");
    fs.writeFileSync(file, `${HEADER.join(";")}\n${ROW.join(";")}\n`);
    expect((await readAll(file))[0]!.values.village_code).toBe("01990-03");
  });

  it("refuses a value under a blank header", async () => {
    const dir = tempDir();
    const file = writeCsv(dir, "h.csv", [[...HEADER, ""], [...ROW, "lost value"]]);
    expect((await problemsOf(file)).problems).toEqual([expect.objectContaining({ row: 2, column: "#7" })]);
  });
});

describe("readTable: personal data", () => {
  const personal = ["Họ và tên chủ hộ", "Số CCCD", "CMND", "Số định danh", "Điện thoại", "SĐT", "Địa chỉ", "Full name"];

  it.each(personal)("refuses %s, naming the column and the option", async (header) => {
    const dir = tempDir();
    const file = writeCsv(dir, "h.csv", [[...HEADER, header], [...ROW, "0912345678"]]);
    const err = await problemsOf(file);
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ row: 1, column: header });
    expect(err.message).toContain("--drop-personal-columns");
  });

  it("drops every personal column unread when asked, and reports which", async () => {
    const dir = tempDir();
    const file = writeCsv(dir, "h.csv", [[...HEADER, ...personal], [...ROW, ...personal.map(() => "=SECRET()")]]);
    let dropped: string[] = [];
    const rows = await readAll(file, { dropPersonalColumns: true, onHeader: (h) => (dropped = h.dropped) });
    expect(dropped).toEqual(personal);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain("SECRET"); // not even checked as a formula: never read
  });
});

describe("readTable: formula injection", () => {
  it.each(["=HYPERLINK(\"http://x\",\"a\")", "+cmd|' /C calc'!A0", "-2+3+cmd", "@SUM(A1)"])("rejects %s with row and column", async (cell) => {
    const dir = tempDir();
    const file = writeCsv(dir, "h.csv", [HEADER, ROW, ["H2", "01990-03", "nông thôn", "3", cell, "0"]]);
    const err = await problemsOf(file);
    expect(err.problems).toEqual([expect.objectContaining({ file, row: 3, column: "Phân loại" })]);
    expect(err.problems[0]!.reason).toMatch(/formula/);
  });

  it("allows signed plain numbers (ranges are the importer's job) and reports into a given collector", async () => {
    const dir = tempDir();
    const file = writeCsv(dir, "h.csv", [HEADER, ["H1", "01990-03", "nông thôn", "-4", "nghèo", "1"], ["H2", "01990-03", "nông thôn", "3", "=1+1", "0"]]);
    const problems = new ProblemCollector();
    const rows = await readAll(file, { problems });
    expect(rows.map((r) => r.values.size)).toEqual(["-4"]);
    expect(problems.problems).toEqual([expect.objectContaining({ row: 3, column: "Phân loại" })]);
  });
});

describe("readTable: XLSX", () => {
  it("reads the first sheet by default, or a named sheet, with numbers and formula results as text", async () => {
    const dir = tempDir();
    const file = await writeXlsx(dir, "h.xlsx", [
      { name: "Hộ", rows: [HEADER, ["H1", "01990-03", "nông thôn", 4, "nghèo", { formula: "1*1", result: 1 }]] },
      { name: "Khác", rows: [HEADER, ["K9", "01990-04", "thành thị", 2, "cận nghèo", 0]] },
    ]);
    const first = await readAll(file);
    expect(first).toEqual([{ rowNumber: 2, values: expect.objectContaining({ household_id: "H1", size: "4", ethnic_minority: "1" }), fields: expect.any(Array) }]);
    const named = await readAll(file, { sheet: "Khác" });
    expect(named[0]!.values.household_id).toBe("K9");
    expect((await problemsOf(file, { sheet: "Nope" })).message).toMatch(/no worksheet named "Nope"/);
  });

  it("rejects text cells that are formulas and formulas without a saved value", async () => {
    const dir = tempDir();
    const file = await writeXlsx(dir, "h.xlsx", [
      { name: "Hộ", rows: [HEADER, ["H1", "01990-03", "nông thôn", 4, "=HYPERLINK(\"x\")", 1], ["H2", "01990-03", "nông thôn", { formula: "A1" }, "nghèo", 1]] },
    ]);
    const err = await problemsOf(file);
    expect(err.problems.map((p) => [p.row, p.column])).toEqual([[2, "Phân loại"], [3, "Số nhân khẩu"]]);
  });

  it("turns truncated, corrupt and old-format files into a clear ImportError", async () => {
    const dir = tempDir();
    const good = await writeXlsx(dir, "h.xlsx", [{ name: "Hộ", rows: [HEADER, ROW] }]);
    const bytes = fs.readFileSync(good);
    const truncated = path.join(dir, "cut.xlsx");
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect((await problemsOf(truncated)).message).toMatch(/cannot read the XLSX file|no worksheet|damaged/);
    const garbage = path.join(dir, "garbage.xlsx");
    fs.writeFileSync(garbage, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(5000, 7)]));
    expect((await problemsOf(garbage)).problems[0]!.file).toBe(garbage);
    const xls = path.join(dir, "old.xls");
    fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect((await problemsOf(xls)).message).toMatch(/\.xlsx/);
  });
});
