import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.js";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

const SERIES = `query($code: ID!, $year: Int) { unit(code: $code) { poverty(year: $year) { year synthetic households { value status }
  poor { value status reason note } nearPoor { value status } poorRate { value status reason note } nearPoorRate { value status note }
  standard { id legalBasis } sources { id publisher synthetic } } } }`;

describe("poverty figures", () => {
  it("computes rates with one decimal from the published counts (Lục Bình 13.6 % → 8.9 %)", async () => {
    const { body } = await app.gql(SERIES, { code: "01990" });
    const [y2021, y2022, y2023] = body.data!.unit.poverty;
    expect(y2022).toMatchObject({ year: 2022, households: { value: 1000 }, poor: { value: 136 }, poorRate: { value: 13.6, status: "PUBLISHED" } });
    expect(y2023.poorRate.value).toBe(8.9);
    expect(y2023.nearPoorRate.value).toBe(10.1);
    expect(y2021.poorRate.value).toBe(17.1);
    expect(y2023.standard).toEqual({ id: "ND07-2021", legalBasis: "Nghị định 07/2021/NĐ-CP" });
  });

  it("cites the article for cited years and labels the made-up years synthetic", async () => {
    const { body } = await app.gql(SERIES, { code: "01990" });
    const [y2021, y2022] = body.data!.unit.poverty;
    expect(y2022.synthetic).toBe(false);
    expect(y2022.sources).toEqual([{ id: "baobackan-lucbinh", publisher: "Báo Bắc Kạn", synthetic: false }]);
    expect(y2021.synthetic).toBe(true);
    expect(y2021.sources[0].synthetic).toBe(true);
  });

  it("shows a hidden count as null with SUPPRESSED and the one hidden-figure note — never 0, no reason — and no rate from it", async () => {
    const { body } = await app.gql(SERIES, { code: "01990-04", year: 2023 });
    const [s] = body.data!.unit.poverty;
    const note = "Ẩn để bảo vệ hộ gia đình (quy tắc công bố tối thiểu 5 hộ)";
    expect(s.poor).toEqual({ value: null, status: "SUPPRESSED", reason: null, note });
    expect(s.poorRate).toEqual({ value: null, status: "SUPPRESSED", reason: null, note });
    expect(s.nearPoorRate).toEqual({ value: null, status: "SUPPRESSED", note });
    expect(s.households.status).toBe("PUBLISHED");
  });

  it("writes notes in English with lang or Accept-Language", async () => {
    const en = await app.gql(SERIES, { code: "01990-04", year: 2023 }, { headers: { "accept-language": "en-GB,en;q=0.9,vi;q=0.5" } });
    expect(en.body.data!.unit.poverty[0].poor.note).toBe("Hidden to protect households (minimum 5 households rule)");
    const viaParam = await fetch(`${app.url}/graphql?lang=EN`, { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: SERIES, variables: { code: "01990-04", year: 2023 } }) });
    expect(((await viaParam.json()) as any).data.unit.poverty[0].nearPoor).toEqual({ value: null, status: "SUPPRESSED" });
  });

  it("keeps figures hidden in an earlier release hidden, alike the others, and serves the corrected figure", async () => {
    const latest = await app.gql(`{ unit(code: "01975") { poverty(year: 2024) { poor { value } } } pac: unit(code: "01990-04") { poverty(year: 2024) { poor { status reason note } } } }`);
    expect(latest.body.data!.unit.poverty[0].poor.value).toBe(98);
    expect(latest.body.data!.pac.poverty[0].poor).toEqual({ status: "SUPPRESSED", reason: null, note: "Ẩn để bảo vệ hộ gia đình (quy tắc công bố tối thiểu 5 hộ)" });
    const first = await app.gql(`{ unit(code: "01975", release: "2026.1") { poverty(year: 2024) { poor { value } } } }`);
    expect(first.body.data!.unit.poverty[0].poor.value).toBe(99);
  });

  it("says how many villages reported and publishes no total for an incomplete commune-year", async () => {
    const { body } = await app.gql(`{ unit(code: "01969") { poverty { year coverage { reported expected complete } households { value status note }
      poor { value status note } poorRate { value status note } deprivations { households { status note } share { status } } } } }`);
    const [y2025, y2026] = body.data!.unit.poverty;
    expect(y2025).toMatchObject({ year: 2025, coverage: { reported: 4, expected: 4, complete: true }, households: { value: 3990, status: "PUBLISHED" } });
    const note = "2/4 thôn đã báo cáo năm 2026: chưa đủ để tính tổng";
    expect(y2026).toMatchObject({ year: 2026, coverage: { reported: 2, expected: 4, complete: false } });
    for (const m of [y2026.households, y2026.poor, y2026.poorRate]) expect(m).toEqual({ value: null, status: "NOT_AVAILABLE", note });
    for (const d of y2026.deprivations) expect(d.households).toEqual({ status: "NOT_AVAILABLE", note });
    const en = await app.gql(`{ unit(code: "01969") { poverty(year: 2026) { poor { note } } } village: unit(code: "01990-01") { poverty { coverage { reported } } } }`,
      undefined, { headers: { "accept-language": "en" } });
    expect(en.body.data!.unit.poverty[0].poor.note).toBe("2 of 4 villages reported in 2026: no total");
    expect(en.body.data!.village.poverty.every((p: { coverage: unknown }) => p.coverage === null)).toBe(true);
  });

  it("labels a unit-year synthetic from its own flag, not from the release or the unit", async () => {
    const { body } = await app.gql(`{ release { synthetic } unit(code: "01969") { synthetic poverty { year synthetic sources { id } } } }`);
    expect(body.data!.release.synthetic).toBe(true);
    const y2025 = body.data!.unit.poverty.find((p: { year: number }) => p.year === 2025);
    expect(y2025).toEqual({ year: 2025, synthetic: false, sources: [] });
  });

  it("lists the standard's deprivations in official order with shares of households", async () => {
    const { body } = await app.gql(`{ unit(code: "01990") { poverty(year: 2023) { deprivations { indicator { code label(lang: EN) dimension }
      households { value } share { value status } } } } }`);
    const d = body.data!.unit.poverty[0].deprivations;
    expect(d).toHaveLength(12);
    expect(d[0]).toMatchObject({ indicator: { code: "EMPLOYMENT", label: "Employment", dimension: "Việc làm" } });
    const lacking = d[0].households.value as number;
    expect(d[0].share).toEqual({ value: Math.round((lacking * 1000) / 1000) / 10, status: "PUBLISHED" });
  });

  it("lists indicators in Vietnamese by default and in English on request", async () => {
    const vi = await app.gql(`{ indicators { code label } }`);
    expect(vi.body.data!.indicators[3]).toEqual({ code: "HEALTH_INSURANCE", label: "Bảo hiểm y tế" });
    const en = await app.gql(`{ indicators(standard: "ND07-2021", lang: EN) { label } }`);
    expect(en.body.data!.indicators[3].label).toBe("Health insurance");
  });
});
