/**
 * `minhbach template households [--format csv|xlsx] [--out FILE]`: a blank household file with the Vietnamese
 * headers the importer expects. The XLSX has a second sheet explaining each column and its allowed values.
 */
import type { Stream } from "node:stream";
import type { Command } from "commander";
import { HOUSEHOLD_COLUMNS, REVIEW_CATEGORIES } from "@minhbach/core/households/columns.ts";
import { STANDARDS } from "@minhbach/core/standards/standards.ts";
import { csvLine } from "../import/households/template.js";

function allowedValues(key: string): string {
  switch (key) {
    case "household_id": return "unique id of the household (not a name or ID-card number); stored only as a keyed hash";
    case "village_code": return "village code from the unit list, e.g. 01990-03";
    case "area": return "nông thôn | thành thị";
    case "size": return "1–50";
    case "income_per_person_month": return "0–1,000,000,000 VND (required; 1.500.000 and 1,500,000 are read as 1500000)";
    case "a_score": return "0–1000 (recorded, not used: A-score thresholds are not available)";
    case "review_category": return REVIEW_CATEGORIES.map((c) => c.vi).join(" | ");
    case "ethnic_minority": return "1/0, x/blank, có/không";
    default: {
      const code = key.replace(/^lacks_/, "").toUpperCase();
      const used = STANDARDS.filter((s) => s.indicators.includes(code)).map((s) => s.id).join(", ");
      return `1/0, x/blank, có/không (counted by ${used || "no standard"})`;
    }
  }
}

async function writeXlsx(out: NodeJS.WriteStream | string): Promise<void> {
  const { default: ExcelJS } = await import("exceljs"); // on first use: it takes ~0.5 s to load (see read-xlsx.ts)
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Hộ gia đình");
  sheet.addRow(HOUSEHOLD_COLUMNS.map((c) => c.headerVi)).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  HOUSEHOLD_COLUMNS.forEach((c, i) => (sheet.getColumn(i + 1).width = Math.max(12, Math.min(40, c.headerVi.length + 2))));
  const help = wb.addWorksheet("Hướng dẫn");
  help.addRow(["Cột (column)", "Key", "Bắt buộc (required)", "Mô tả (description)", "Giá trị (allowed values)"]).font = { bold: true };
  for (const c of HOUSEHOLD_COLUMNS) help.addRow([c.headerVi, c.key, c.required ? "có" : "không", c.description, allowedValues(c.key)]);
  help.addRow([]);
  help.addRow(["Không nhập họ tên, số CCCD/CMND, số điện thoại hay địa chỉ: file có các cột này sẽ bị từ chối."]);
  help.columns.forEach((col, i) => (col.width = [40, 28, 12, 50, 60][i]));
  if (typeof out === "string") await wb.xlsx.writeFile(out);
  else await wb.xlsx.write(out as unknown as Stream); // exceljs types want a Stream; stdout is one
}

export function register(program: Command): void {
  const template =
    program.commands.find((c) => c.name() === "template") ?? program.command("template").description("Write a blank import template");
  template
    .command("households")
    .description("Blank household review template with Vietnamese headers (CSV to stdout by default)")
    .option("--format <format>", "csv or xlsx", "csv")
    .option("--out <file>", "write to a file instead of stdout")
    .action(async (opts: { format: string; out?: string }) => {
      if (opts.format !== "csv" && opts.format !== "xlsx") throw new Error(`--format must be csv or xlsx, got "${opts.format}"`);
      if (opts.format === "xlsx") {
        if (!opts.out && process.stdout.isTTY) throw new Error("an XLSX file is binary: give --out FILE or redirect stdout");
        await writeXlsx(opts.out ?? process.stdout);
        return;
      }
      // A UTF-8 BOM so that Excel opens the Vietnamese headers correctly.
      const text = "\ufeff" + csvLine(HOUSEHOLD_COLUMNS.map((c) => c.headerVi)) + "\r\n";
      if (opts.out) (await import("node:fs")).writeFileSync(opts.out, text);
      else process.stdout.write(text);
    });
}
