/** CSV and XLSX exports of connection rows: hidden figures are empty with status SUPPRESSED (Hidden), never 0. */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.js";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

function parse(csv: string): Record<string, string>[] {
  const [head, ...lines] = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  const cols = head!.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [cols[i]!, v])));
}

describe("CSV export", () => {
  it("exports communes for a year with rates and statuses", async () => {
    const res = await fetch(`${app.url}/export/units.csv?level=COMMUNE&year=2023`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/attachment/);
    const rows = parse(await res.text());
    expect(rows.map((r) => r.code)).toEqual(["01969.2025", "01975", "01990", "01993"]);
    expect(rows.find((r) => r.code === "01990")).toMatchObject({ name: "Lục Bình", year: "2023", poor: "89", poorRate: "8.9", poorRate_status: "PUBLISHED", release: "2026.2" });
  });

  it("leaves hidden figures empty with SUPPRESSED, and exports children and projects", async () => {
    const rows = parse(await (await fetch(`${app.url}/export/units.csv?parentCode=01990&year=2023`)).text());
    const pac = rows.find((r) => r.code === "01990-04")!;
    expect(pac).toMatchObject({ poor: "", poor_status: "SUPPRESSED", poorRate: "", poorRate_status: "SUPPRESSED" });
    const projects = parse(await (await fetch(`${app.url}/export/projects.csv?unitCode=01990`)).text());
    expect(projects.find((p) => p.code === "LB-DE-2023")).toMatchObject({ budget_vnd: "500000000", households: "20" });
    expect(projects.find((p) => p.code === "PT-SMALL-2024")).toMatchObject({ households: "", households_status: "SUPPRESSED" });
  });

  it("supports ETag/304 and rejects bad parameters", async () => {
    const first = await fetch(`${app.url}/export/units.csv?level=VILLAGE`);
    const etag = first.headers.get("etag")!;
    expect((await fetch(`${app.url}/export/units.csv?level=VILLAGE`, { headers: { "if-none-match": etag } })).status).toBe(304);
    expect((await fetch(`${app.url}/export/units.csv?level=HAMLET`)).status).toBe(400);
    expect((await fetch(`${app.url}/export/units.csv?year=abc`)).status).toBe(400);
    expect((await fetch(`${app.url}/export/secrets.csv`)).status).toBe(404);
    expect((await fetch(`${app.url}/export/units.xls`)).status).toBe(404);
    expect((await fetch(`${app.url}/export/units.xlsx?year=abc`)).status).toBe(400);
  });

  it("lang=EN: English type labels; the header row is the same fixed keys in both languages (scripts read either)", async () => {
    const vi = parse(await (await fetch(`${app.url}/export/units.csv?level=COMMUNE&year=2023`)).text());
    const en = parse(await (await fetch(`${app.url}/export/units.csv?level=COMMUNE&year=2023&lang=EN`)).text());
    expect(Object.keys(en[0]!)).toEqual(Object.keys(vi[0]!));
    expect(Object.keys(en[0]!).join(",")).toMatch(/^[a-zA-Z_,]+$/);
    expect(en.find((r) => r.code === "01990")).toMatchObject({ type_label: "Commune", poorRate_status: "PUBLISHED" });
    expect(vi.find((r) => r.code === "01990")).toMatchObject({ type_label: "Xã" });
    expect(en.find((r) => r.code === "01969.2025")).toMatchObject({ type_label: "Township" });
  });
});

/** Reads an XLSX download back with exceljs: the data sheet's header and rows by header, and the release sheet. */
async function readXlsx(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const [data, release] = wb.worksheets;
  const header = (data!.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Record<string, ExcelJS.Cell>[] = [];
  data!.eachRow((row, n) => { if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1)]))); });
  const info = new Map<string, unknown>();
  release!.eachRow((row) => info.set(String(row.getCell(1).value), row.getCell(2).value));
  return { data: data!, header, rows, info };
}

describe("XLSX export", () => {
  it("serves units.xlsx: codes as text with leading zeros, counts and rates as numbers, hidden figures empty", async () => {
    const res = await fetch(`${app.url}/export/units.xlsx?parentCode=063&year=2023`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="minhbach-units.xlsx"');
    const { data, header, rows, info } = await readXlsx(res);
    expect(header.slice(0, 3)).toEqual(["Bản công bố", "Mã đơn vị", "Mã TCTK"]);
    const lb = rows.find((r) => r["Mã đơn vị"]!.value === "01990")!;
    expect(lb["Mã đơn vị"]!.type).toBe(ExcelJS.ValueType.String);
    expect(lb["Mã đơn vị cấp trên"]!.value).toBe("063");
    expect(lb["Hộ nghèo"]!.type).toBe(ExcelJS.ValueType.Number);
    expect(lb["Hộ nghèo"]!.value).toBe(89);
    expect(lb["Tỷ lệ hộ nghèo (%)"]!).toMatchObject({ type: ExcelJS.ValueType.Number, value: 8.9, numFmt: "0.0" });
    expect(lb["Tỷ lệ hộ nghèo: tình trạng"]!.value).toBe("Đã công bố");
    expect(lb["Loại"]!.value).toBe("Xã");
    expect(data.getColumn(4).width).toBeGreaterThan(10);
    expect(info.get("Bản công bố")).toBe("2026.2");
    expect(String(info.get("Trích dẫn"))).toMatch(/Bản công bố 2026\.2/);
    expect(info.has("Giấy phép")).toBe(true);
    const villages = await readXlsx(await fetch(`${app.url}/export/units.xlsx?parentCode=01990&year=2023`));
    const pac = villages.rows.find((r) => r["Mã đơn vị"]!.value === "01990-04")!;
    expect(pac["Hộ nghèo"]!.type).toBe(ExcelJS.ValueType.Null);
    expect(pac["Hộ nghèo: tình trạng"]!.value).toBe("Ẩn");
    expect(pac["Tỷ lệ hộ nghèo (%)"]!.type).toBe(ExcelJS.ValueType.Null);
  });

  it("lang=EN: English headers, status words and type labels; projects.xlsx keeps money as numbers", async () => {
    const { header, rows, info } = await readXlsx(await fetch(`${app.url}/export/units.xlsx?parentCode=01990&year=2023&lang=EN`));
    expect(header).toEqual(expect.arrayContaining(["Release", "Unit code", "Type", "Poor households", "Poverty rate (%)", "Poverty rate: status"]));
    const pac = rows.find((r) => r["Unit code"]!.value === "01990-04")!;
    expect(pac["Poor households: status"]!.value).toBe("Hidden");
    expect(pac["Type"]!.value).toMatch(/^(Village|Hamlet|Residential group)$/);
    expect(info.get("Release")).toBe("2026.2");
    expect(String(info.get("Citation"))).toMatch(/Release 2026\.2/);
    const projects = await readXlsx(await fetch(`${app.url}/export/projects.xlsx?unitCode=01990&lang=EN`));
    const de = projects.rows.find((r) => r["Project code"]!.value === "LB-DE-2023")!;
    expect(de["Budget (VND)"]!).toMatchObject({ type: ExcelJS.ValueType.Number, value: 500000000 });
    expect(projects.rows.find((r) => r["Project code"]!.value === "PT-SMALL-2024")!["Households: status"]!.value).toBe("Hidden");
  });

  it("caches like the CSV: a stable ETag, 304 on If-None-Match, HEAD with the GET's headers", async () => {
    const url = `${app.url}/export/units.xlsx?level=COMMUNE`;
    const first = await fetch(url);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"2026\.2-/);
    expect(first.headers.get("last-modified")).toBeTruthy();
    expect((await fetch(url, { headers: { "if-none-match": etag } })).status).toBe(304);
    const head = await fetch(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(etag);
    expect((await fetch(`${url}&lang=EN`)).headers.get("etag")).not.toBe(etag);
  });
});
