/** CSV formula injection: hostile unit and project names come out of the exports as inert text. */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_PROJECTS, HOSTILE_UNITS, writeHostileStore } from "../test/hostile-release.js";
import { startTestApp, type TestApp } from "../test/test-app.js";
import { csvCell, csvLine } from "./csv.js";

/** RFC 4180 parser (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; } else if (c === "\r" && s[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i++; } else cell += c;
  }
  return rows;
}

function records(text: string): Record<string, string>[] {
  const [head, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(r.map((v, i) => [head![i]!, v])));
}

describe("csvCell", () => {
  it.each([["=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""], ["+1", "\"'+1\""], ["-2+3", "\"'-2+3\""], ["@SUM(A1)", "\"'@SUM(A1)\""],
    ["\tx", "\"'\tx\""], ["\r=1", "\"'\r=1\""]])("neutralises %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("leaves numbers, plain text and empty values alone, and still quotes commas and quotes", () => {
    expect(csvLine([-5, 12n, 8.9, "Lục Bình", null, "a,b", 'say "hi"'])).toBe('-5,12,8.9,Lục Bình,,"a,b","say ""hi"""\r\n');
  });
});

describe("exports of a release with hostile names", () => {
  let app: TestApp;
  beforeAll(async () => { app = await startTestApp({ publicUrl: (await writeHostileStore()).publicUrl }); });
  afterAll(async () => { await app.close(); });

  it("units.csv: every formula-like name starts with an apostrophe, and reads back as the original name", async () => {
    const text = await (await fetch(`${app.url}/export/units.csv?parentCode=01990&year=2023`)).text();
    const rows = records(text);
    for (const [code, name] of Object.entries(HOSTILE_UNITS)) {
      const row = rows.find((r) => r.code === code)!;
      expect(row, code).toBeDefined();
      if (/^[=+\-@\t\r]/.test(name)) expect(row.name).toBe(`'${name}`);
      else expect(row.name).toBe(name); // HTML is just text in a CSV
    }
    expect(text).not.toMatch(/(^|,)[=+@]/m);
  });

  it("projects.csv: the same for project names; GraphQL returns the names unchanged, as data", async () => {
    const rows = records(await (await fetch(`${app.url}/export/projects.csv?unitCode=01990`)).text());
    for (const [code, name] of Object.entries(HOSTILE_PROJECTS)) expect(rows.find((r) => r.code === code)!.name, code).toBe(`'${name}`);
    const { body } = await app.gql(`{ a: unit(code: "01990-02") { name } b: project(code: "LB-DE-2023") { name } }`);
    expect(body.data).toEqual({ a: { name: HOSTILE_UNITS["01990-02"] }, b: { name: "+SUM(1,2)" } });
  });

  // XML reads a carriage return back as a line feed (end-of-line normalisation): the only change to a name.
  const xmlText = (name: string) => name.replace(/\r\n?/g, "\n");

  it("units.xlsx and projects.xlsx: hostile names are plain string cells, unchanged, never formulas", async () => {
    const read = async (path: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await (await fetch(`${app.url}/export/${path}`)).arrayBuffer());
      // The name is column 4 of units (after release, code, GSO code) and column 3 of projects (after release, code).
      const nameColumn = path.startsWith("projects") ? 3 : 4;
      const cells = new Map<string, { type: ExcelJS.ValueType; value: unknown }>();
      wb.worksheets[0]!.eachRow((row, n) => {
        const cell = row.getCell(nameColumn);
        if (n > 1) cells.set(String(row.getCell(2).value), { type: cell.type, value: cell.value });
      });
      return cells;
    };
    const units = await read("units.xlsx?parentCode=01990&year=2023");
    for (const [code, name] of Object.entries(HOSTILE_UNITS)) expect(units.get(code), code).toEqual({ type: ExcelJS.ValueType.String, value: xmlText(name) });
    const projects = await read("projects.xlsx?unitCode=01990");
    for (const [code, name] of Object.entries(HOSTILE_PROJECTS)) expect(projects.get(code), code).toEqual({ type: ExcelJS.ValueType.String, value: xmlText(name) });
  });
});
