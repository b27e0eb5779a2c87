/**
 * Record imports as an officer meets them: every problem of a file — header, personal columns, missing key, rows —
 * in one pass with file:row:column, nothing stored while any remains; `--drop-personal-columns` skipping personal
 * columns unread; messages naming what the operator can actually do. Real stores on the suite's provider.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { importCredit, importProjectParticipants, importProjects } from "./index.js";
import { problemsOf, recordFixture, SECRET, type Fixture } from "./test-helpers.js";

const CREDIT_HEADER = ["Mã đơn vị", "Năm", "Chương trình tín dụng", "Lượt vay", "Dư nợ (đồng)", "Dữ liệu giả lập", "source_ids"];
const MAIN = path.resolve(import.meta.dirname, "../../main.ts");

let fx: Fixture;
afterEach(async () => fx?.drop());

describe("every problem in one pass", () => {
  it("lists the header's problems and every row's together, and stores nothing", async () => {
    fx = await recordFixture();
    const header = ["Mã đơn vị", "Năm", "Chương trình tín dụng", "Lượt vay", "Dữ liệu giả lập", "Ghi chú", "Họ và tên"]; // no Dư nợ
    const file = fx.csv("credit.csv", [
      header,
      ["01990", 2024, "Cho vay hộ nghèo", 10, 0, "ok", "Nguyễn Văn A"],
      ["99999", 2024, "Cho vay hộ nghèo", 10, 0, "", ""],
      ["01990", 1890, "Cho vay hộ cận nghèo", -3, 0, "", ""],
      ["01990", 2024, "Cho vay DTTS", 10, "", "", ""],
    ]);
    const problems = await problemsOf(importCredit({ privateUrl: fx.privateUrl, file }));
    expect(problems).toEqual([
      expect.stringMatching(/^1:Ghi chú: unknown column; expected one of: /),
      expect.stringMatching(/^1:Họ và tên: looks like personal data \(name\); .*--drop-personal-columns/),
      '1:Dư nợ (đồng): required column "Dư nợ (đồng)" (outstanding_vnd) is missing',
      expect.stringMatching(/^3:Mã đơn vị: unknown unit code 99999: not in the private store's unit list; check the code against the unit list .*`minhbach demo` loads the demo's Bắc Kạn units/),
      "4:Năm: 1890 is below the minimum 2000",
      "4:Lượt vay: negative value -3; must be at least 0",
      "5:Dữ liệu giả lập: must be 1 (synthetic) or 0 (from a cited source)",
    ]);
    // the missing column is one problem, not one more per row
    expect(problems.filter((p) => p.includes(":Dư nợ (đồng):"))).toHaveLength(1);
    expect(await fx.db.creditRecord.count()).toBe(0);
    expect(await fx.db.importBatch.count()).toBe(0);
  });

  it("lists a missing household key with the rows' problems (project participants)", async () => {
    fx = await recordFixture();
    const projects = fx.csv("p.csv", [["Mã dự án", "Tên dự án", "Mã thôn", "synthetic"], ["P1", "Dự án P1", "01990-01", 1]]);
    await importProjects({ privateUrl: fx.privateUrl, file: projects });
    const file = fx.csv("pp.csv", [["Mã dự án", "Mã hộ", "Mã thôn"], ["P1", "H1", "01990-01"], ["P9", "H2", "01990-01"], ["P1", "H3", "01990-99"]]);
    const problems = await problemsOf(importProjectParticipants({ privateUrl: fx.privateUrl, file }));
    expect(problems).toEqual([
      expect.stringMatching(/^:: HOUSEHOLD_KEY_SECRET is not set/),
      expect.stringMatching(/^3:Mã dự án: unknown project P9: import the projects file first \(`minhbach import projects FILE`\), or correct the code/),
      expect.stringMatching(/^4:Mã thôn: unknown village code\(s\) 01990-99: not in the private store's unit list; check the code/),
    ]);
    expect(await fx.db.projectParticipant.count()).toBe(0);
  });

  it("still reports a column written twice on its own (the rows cannot be matched to it)", async () => {
    fx = await recordFixture();
    const file = fx.csv("credit.csv", [[...CREDIT_HEADER, "Năm"], ["99999", 2024, "Cho vay hộ nghèo", 10, 100, 0, "", 2024]]);
    expect(await problemsOf(importCredit({ privateUrl: fx.privateUrl, file }))).toEqual([
      expect.stringMatching(/^1:Năm: the column "Năm" appears twice/),
    ]);
  });
});

describe("--drop-personal-columns", () => {
  const header = [...CREDIT_HEADER, "Họ và tên chủ hộ", "Số điện thoại", "Địa chỉ", "Số CCCD"];
  const rows = [["01990", 2024, "Cho vay hộ nghèo", 10, "100", 0, "", "Nguyễn Văn A", "0912345678", "Thôn 1", "001234567890"]];

  it("skips personal columns unread, saying which, and imports the rest", async () => {
    fx = await recordFixture();
    const file = fx.csv("credit.csv", [header, ...rows]);
    const summary = await importCredit({ privateUrl: fx.privateUrl, file, dropPersonalColumns: true });
    expect(summary.rows).toBe(1);
    expect(summary.warnings.map((w) => `${w.row}:${w.column}: ${w.reason}`)).toEqual(
      ["Họ và tên chủ hộ", "Số điện thoại", "Địa chỉ", "Số CCCD"].map((c) => `1:${c}: personal data: skipped unread (--drop-personal-columns)`),
    );
    expect(await fx.db.creditRecord.findMany({ select: { unitCode: true, loanTurns: true } })).toEqual([{ unitCode: "01990", loanTurns: 10 }]);
  });

  it("without it, refuses the file naming every personal column, and the option works from the CLI as suggested", async () => {
    fx = await recordFixture();
    const file = fx.csv("credit.csv", [header, ...rows]);
    const problems = await problemsOf(importCredit({ privateUrl: fx.privateUrl, file }));
    expect(problems).toHaveLength(4);
    for (const p of problems) expect(p).toMatch(/looks like personal data .*run with --drop-personal-columns to skip it unread/);
    const run = spawnSync(process.execPath, ["--import", "tsx", MAIN, "import", "credit", file, "--drop-personal-columns"], {
      encoding: "utf8", env: { ...process.env, DATABASE_URL: fx.privateUrl, MINHBACH_DATA_DIR: fx.dir, HOUSEHOLD_KEY_SECRET: SECRET },
    });
    expect(run.stderr).toMatch(/warning: .*credit\.csv:1:Họ và tên chủ hộ: personal data: skipped unread/);
    expect(run.stdout).toMatch(/Imported 1 row\(s\) of credit/);
    expect(run.status).toBe(0);
  }, 60_000);
});
