import { afterEach, describe, expect, it } from "vitest";
import { importCredit, importJobs } from "./index.js";
import { problemsOf, recordFixture, type Fixture } from "./test-helpers.js";

const CREDIT_HEADER = ["Mã đơn vị", "Năm", "Chương trình tín dụng", "Lượt vay", "Dư nợ (đồng)", "Dữ liệu giả lập", "source_ids"];
const JOBS_HEADER = ["unit_code", "year", "Việc làm trong nước", "Đi làm việc ở nước ngoài", "synthetic", "source_ids"];

let fx: Fixture;
afterEach(async () => fx?.drop());

describe("credit: a good file", () => {
  it("stores every row with exact BigInt amounts above 2^31, and records the batch", async () => {
    fx = await recordFixture();
    const file = fx.csv("credit.csv", [
      CREDIT_HEADER,
      ["01990", 2024, "Cho vay hộ nghèo", "1.234", "19,600,000,000", 0, "src-a;src-b"],
      ["063", 2024, "Cho vay hộ cận nghèo", 80, "19.600.000.001", 1, ""],
      ["06", 2024, "Cho vay hộ mới thoát nghèo", 5, "999999999999999", 1, ""],
    ]);
    const summary = await importCredit({ privateUrl: fx.privateUrl, file });
    expect(summary).toMatchObject({ kind: "CREDIT", rows: 3, counts: { unitYears: 3, inserted: 3, replaced: 0 }, warnings: [] });
    const rows = await fx.db.creditRecord.findMany({ orderBy: { unitCode: "asc" } });
    expect(rows.map((r) => r.outstandingVnd)).toEqual([19_600_000_000n, 999_999_999_999_999n, 19_600_000_001n]);
    expect(rows.find((r) => r.unitCode === "01990")).toMatchObject({ loanTurns: 1234, synthetic: false, sourceIds: '["src-a","src-b"]' });
    const batch = await fx.db.importBatch.findFirstOrThrow();
    expect(batch).toMatchObject({ kind: "CREDIT", fileName: "credit.csv", year: 2024, rows: 3, synthetic: true });
    expect(batch.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("credit: every problem is reported with its row and column, and nothing is stored", () => {
  it("lists unknown units, bad years, negative and absurd amounts, unknown sources and duplicate keys together", async () => {
    fx = await recordFixture();
    const file = fx.csv("credit.csv", [
      CREDIT_HEADER,
      ["01990", 2024, "Cho vay hộ nghèo", 10, "100", 0, "src-a"], // good row: must not be stored either
      ["99999", 2024, "Cho vay hộ nghèo", 10, "100", 0, ""],
      ["01990", 1890, "Cho vay hộ nghèo", 10, "100", 0, ""],
      ["01990", 2024, "Cho vay hộ cận nghèo", -3, "100", 0, ""],
      ["01990", 2024, "Cho vay nước sạch", 10, "-5000", 0, ""],
      ["01990", 2024, "Cho vay việc làm", 10, "12345678901234567890", 0, ""],
      ["01990", 2024, "Cho vay nhà ở", 10, "1.5", 0, ""],
      ["01990", 2024, "Cho vay học sinh", 10, "100", 0, "src-zzz"],
      ["01990", 2024, "Cho vay hộ nghèo", 11, "200", 0, ""],
      ["01990", 2024, "Cho vay DTTS", 10, "100", "", ""],
    ]);
    const problems = await problemsOf(importCredit({ privateUrl: fx.privateUrl, file }));
    expect(problems).toEqual([
      expect.stringMatching(/^3:Mã đơn vị: unknown unit code 99999: not in the private store's unit list; check the code against the unit list/),
      "4:Năm: 1890 is below the minimum 2000",
      "5:Lượt vay: negative value -3; must be at least 0",
      "6:Dư nợ (đồng): negative value -5000; must be at least 0 đồng",
      expect.stringMatching(/^7:Dư nợ \(đồng\): 12345678901234567890 đồng is implausibly large/),
      expect.stringMatching(/^8:Dư nợ \(đồng\): "1.5" is not a whole number/),
      "9:Mã nguồn: unknown source id(s) src-zzz: import the sources file first (`minhbach import sources FILE`), or correct the id",
      "10:Chương trình tín dụng: duplicate: same unit, year and programme as row 2",
      "11:Dữ liệu giả lập: must be 1 (synthetic) or 0 (from a cited source)",
    ]);
    expect(await fx.db.creditRecord.count()).toBe(0);
    expect(await fx.db.importBatch.count()).toBe(0);
  });

  it("refuses formula cells (via the shared reader) alongside its own problems", async () => {
    fx = await recordFixture();
    const file = fx.csv("credit.csv", [
      CREDIT_HEADER,
      ["01990", 2024, '=HYPERLINK("http://x.example","bấm")', 10, "100", 0, ""],
      ["01990", "năm ngoái", "Cho vay", 10, "100", 0, ""],
    ]);
    const problems = await problemsOf(importCredit({ privateUrl: fx.privateUrl, file }));
    expect(problems).toEqual([expect.stringMatching(/^2:Chương trình tín dụng: .*formula/), expect.stringMatching(/^3:Năm: "năm ngoái" is not a whole number/)]);
    expect(await fx.db.creditRecord.count()).toBe(0);
  });

  it("reports a missing required column and an empty file", async () => {
    fx = await recordFixture();
    const noAmount = fx.csv("a.csv", [CREDIT_HEADER.filter((h) => h !== "Dư nợ (đồng)"), ["01990", 2024, "x", 1, 0, ""]]);
    expect(await problemsOf(importCredit({ privateUrl: fx.privateUrl, file: noAmount }))).toEqual([expect.stringMatching(/Dư nợ.*missing/)]);
    const empty = fx.csv("b.csv", [CREDIT_HEADER]);
    expect(await problemsOf(importCredit({ privateUrl: fx.privateUrl, file: empty }))).toEqual([":: the file has no data rows"]);
  });
});

describe("credit: re-import replaces the unit-years the file covers", () => {
  it("drops programmes missing from the new file for that unit-year and keeps other unit-years", async () => {
    fx = await recordFixture();
    const first = fx.csv("c1.csv", [
      CREDIT_HEADER,
      ["01990", 2024, "Cho vay hộ nghèo", 10, "100", 0, ""],
      ["01990", 2024, "Cho vay hộ cận nghèo", 10, "100", 0, ""],
      ["01990", 2023, "Cho vay hộ nghèo", 7, "70", 0, ""],
    ]);
    await importCredit({ privateUrl: fx.privateUrl, file: first });
    const second = fx.csv("c2.csv", [CREDIT_HEADER, ["01990", 2024, "Cho vay hộ nghèo", 12, "120", 0, ""]]);
    const summary = await importCredit({ privateUrl: fx.privateUrl, file: second });
    expect(summary.counts).toEqual({ unitYears: 1, inserted: 1, replaced: 2 });
    const rows = await fx.db.creditRecord.findMany({ orderBy: { year: "asc" } });
    expect(rows.map((r) => [r.year, r.programme, r.loanTurns])).toEqual([
      [2023, "Cho vay hộ nghèo", 7],
      [2024, "Cho vay hộ nghèo", 12],
    ]);
    expect(await fx.db.importBatch.count()).toBe(2);
  });
});

describe("jobs", () => {
  it("imports, rejects a duplicate unit-year, and replaces by unit-year", async () => {
    fx = await recordFixture();
    const good = fx.csv("j1.csv", [JOBS_HEADER, ["01990", 2024, 12, 3, 1, ""], ["063", 2024, 140, 25, 1, "src-a"]]);
    expect((await importJobs({ privateUrl: fx.privateUrl, file: good })).rows).toBe(2);
    const dup = fx.csv("j2.csv", [JOBS_HEADER, ["01990", 2024, 13, 3, 1, ""], ["01990", 2024, 14, 3, 1, ""]]);
    expect(await problemsOf(importJobs({ privateUrl: fx.privateUrl, file: dup }))).toEqual(["3:Năm: duplicate: same unit and year as row 2"]);
    const again = fx.csv("j3.csv", [JOBS_HEADER, ["01990", 2024, 20, 4, 1, ""]]);
    await importJobs({ privateUrl: fx.privateUrl, file: again });
    const rows = await fx.db.jobsRecord.findMany({ orderBy: { unitCode: "asc" } });
    expect(rows.map((r) => [r.unitCode, r.domestic, r.abroad])).toEqual([["01990", 20, 4], ["063", 140, 25]]);
  });
});
