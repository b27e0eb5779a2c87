/** CSV export of connection rows: hidden figures are empty with status SUPPRESSED, never 0. */
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
  });
});
