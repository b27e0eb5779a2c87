import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { importCredit, importPlans } from "./index.js";
import { recordFixture, type Fixture } from "./test-helpers.js";

let fx: Fixture;
const savedTmpdir = process.env.TMPDIR;
afterEach(async () => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  await fx?.drop();
});

/** Date cells get a date format, as Excel gives them when an officer types a date. */
async function writeXlsx(file: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Sheet1");
  sheet.addRows(rows);
  sheet.eachRow((row) => row.eachCell((cell) => {
    if (cell.value instanceof Date) cell.numFmt = "dd/mm/yyyy";
  }));
  await wb.xlsx.writeFile(file);
  return file;
}

describe("XLSX files", () => {
  it("reads numeric amount cells above 2^31 exactly and real date cells", async () => {
    fx = await recordFixture();
    const credit = await writeXlsx(path.join(fx.dir, "credit.xlsx"), [
      ["Mã đơn vị", "Năm", "Chương trình tín dụng", "Lượt vay", "Dư nợ (đồng)", "Dữ liệu giả lập", "Mã nguồn"],
      ["01990", 2024, "Cho vay hộ nghèo", 52, 19_600_000_000, 0, "src-a"],
    ]);
    await importCredit({ privateUrl: fx.privateUrl, file: credit });
    expect((await fx.db.creditRecord.findFirstOrThrow()).outstandingVnd).toBe(19_600_000_000n);

    const plans = await writeXlsx(path.join(fx.dir, "plans.xlsx"), [
      ["Mã đơn vị", "Năm", "Tên kế hoạch", "Số hiệu", "Ngày ban hành", "Dữ liệu giả lập"],
      ["01990", 2024, "Kế hoạch giảm nghèo", "12/KH-UBND", new Date(Date.UTC(2024, 1, 15)), 1],
    ]);
    await importPlans({ privateUrl: fx.privateUrl, file: plans });
    expect((await fx.db.plan.findFirstOrThrow()).date?.toISOString()).toBe("2024-02-15T00:00:00.000Z");
  });

  it("leave none of their rows in the temp folder, refused mid-sheet or stored", async () => {
    fx = await recordFixture();
    // exceljs parks a worksheet written before the shared strings (as Excel writes them) in a temp file until it has
    // been read to its end: a file refused at its header stops reading at once.
    const header = ["Mã đơn vị", "Năm", "Chương trình tín dụng", "Lượt vay", "Dư nợ (đồng)", "Dữ liệu giả lập", "Mã nguồn"];
    const row = ["01990", 2024, "Cho vay hộ nghèo", 52, 19_600_000_000, 0, "src-a"];
    const refused = await writeXlsx(path.join(fx.dir, "refused.xlsx"), [header.slice(1), ...Array.from({ length: 50 }, () => row.slice(1))]);
    const stored = await writeXlsx(path.join(fx.dir, "stored.xlsx"), [header, row]);
    const tmpRoot = fs.mkdtempSync(path.join(fx.dir, "tmproot-"));
    process.env.TMPDIR = tmpRoot;
    await expect(importCredit({ privateUrl: fx.privateUrl, file: refused })).rejects.toThrow(/Mã đơn vị/);
    expect(fs.readdirSync(tmpRoot)).toEqual([]);
    await importCredit({ privateUrl: fx.privateUrl, file: stored });
    expect(fs.readdirSync(tmpRoot)).toEqual([]);
  });
});
