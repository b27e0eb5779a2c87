import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { HOUSEHOLD_COLUMNS } from "@minhbach/core/households/columns.ts";
import { tempDir, writeCsv } from "../import/shared/test-files.js";
import { HEADER, SECRET, dropHouseholdStores, household, seededStores } from "../import/households/test-fixtures.js";

afterEach(dropHouseholdStores);

const MAIN = path.resolve(import.meta.dirname, "../main.ts");

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--import", "tsx", MAIN, ...args], { encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("CLI: import households", () => {
  it("imports, prints the summary; on problems lists file:row:column and exits 1", async () => {
    const { privateUrl, dir } = await seededStores();
    const env = { DATABASE_URL: privateUrl, HOUSEHOLD_KEY_SECRET: SECRET, MINHBACH_DATA_DIR: dir };
    const good = writeCsv(tempDir(), "ho.csv", [HEADER, household("H1"), household("H2")]);
    const ok = cli(["import", "households", good, "--year", "2024"], env);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Imported 2 households from ho\.csv for the 2024 review \(standard ND07-2021\)/);
    const bad = writeCsv(tempDir(), "bad.csv", [HEADER, household("H1", { size: 99 })]);
    const fail = cli(["import", "households", bad, "--year", "2024"], env);
    expect(fail.code).toBe(1);
    expect(fail.stderr).toContain(`${bad}:2:Số nhân khẩu: household size must be a whole number from 1 to 50`);
    const noSecret = cli(["import", "households", good, "--year", "2024"], { ...env, HOUSEHOLD_KEY_SECRET: "" });
    expect(noSecret.code).toBe(1);
  }, 60_000);
});

describe("CLI: template households", () => {
  it("writes the CSV header to stdout, and an XLSX with a help sheet", async () => {
    const csv = cli(["template", "households"], {});
    expect(csv.code).toBe(0);
    expect(csv.stdout.replace(/^\ufeff/, "").trim().split(",")).toEqual(HOUSEHOLD_COLUMNS.map((c) => c.headerVi));
    const out = path.join(tempDir(), "t.xlsx");
    expect(cli(["template", "households", "--format", "xlsx", "--out", out], {}).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Hộ gia đình", "Hướng dẫn"]);
    expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(HOUSEHOLD_COLUMNS.map((c) => c.headerVi));
    expect(wb.worksheets[1]!.rowCount).toBeGreaterThan(HOUSEHOLD_COLUMNS.length);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
  }, 60_000);
});
