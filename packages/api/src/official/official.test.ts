/**
 * Unit.officialFigures on a real public store (the suite's provider): figures as their sources give them, several
 * sources side by side, null for "not found", the year filter, and the same answer from the fast path (interpreted
 * and compiled) as from Apollo. The figures and sources below are made up for the test.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import { openPublicStore } from "@minhbach/db/public.ts";
import type { ReleaseContent } from "@minhbach/db/release-content.ts";
import { writeRelease } from "@minhbach/db/release-writer.ts";
import { freshStores, type TestStores } from "@minhbach/db/test-stores.ts";
import { directResolvers } from "../schema/build-schema.js";
import { fixtureRelease } from "../test/fixture-release.js";
import { startTestApp, type TestApp } from "../test/test-app.js";

type Figure = NonNullable<ReleaseContent["officialFigures"]>[number];

const NONE = { poorHouseholds: null, poorRate: null, nearPoorHouseholds: null, nearPoorRate: null, poorAndNearPoorHouseholds: null,
  poorAndNearPoorRate: null, totalHouseholds: null, qualityNote: null, sourceDate: null };
const figure = (unitCode: string, year: number, sourceId: string, quality: string, given: Partial<Figure>): Figure =>
  ({ ...NONE, unitCode, year, sourceId, quality, ...given });

/** The fixture release plus the country, Gia Lai, three sources and their figures; Thái Nguyên (19) has none. */
function releaseWithOfficialFigures(): ReleaseContent {
  const c = fixtureRelease("official.1");
  const unit = (code: string, level: string, name: string, type: string) => ({ code, gsoCode: code.startsWith("VN") ? null : code, level, name,
    nameAscii: foldVietnamese(name), type, parentCode: null, validFrom: null, validTo: null, centroidLat: null, centroidLng: null,
    geometry: null, geometryIllustrative: false, synthetic: false });
  c.units.push(unit("VN", "COUNTRY", "Việt Nam", "QUOC_GIA"), unit("64", "PROVINCE", "Gia Lai", "TINH"));
  const source = (id: string, title: string, publisher: string, url: string | null, kind: string) =>
    ({ id, title, publisher, url, date: null, kind, synthetic: false });
  c.sources.push(
    source("gialai-ubnd-2023", "Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2023", "UBND tỉnh Gia Lai", "https://gialai.gov.vn/ra-soat-2023", "OFFICIAL_REPORT"),
    source("gialai-ubnd-2022", "Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2022", "UBND tỉnh Gia Lai", null, "OFFICIAL_REPORT"),
    source("vnexpress-gialai", "Gia Lai còn hơn 8 % hộ nghèo", "Báo điện tử", "https://example.vn/gia-lai-ho-ngheo", "ARTICLE"),
    source("molisa-2023", "Công bố kết quả rà soát hộ nghèo năm 2023", "Bộ LĐ-TB&XH", null, "OFFICIAL_REPORT"),
  );
  c.officialFigures = [
    figure("64", 2023, "gialai-ubnd-2023", "REPORTED", { poorHouseholds: 30_000, poorRate: 8.11, nearPoorHouseholds: 25_000, nearPoorRate: 6.76,
      totalHouseholds: 370_000, sourceDate: "2024-01-15" }),
    figure("64", 2023, "vnexpress-gialai", "SECONDARY", { poorRate: 8.2, qualityNote: "Báo dẫn lời Sở LĐ-TB&XH", sourceDate: "2024-02" }),
    figure("64", 2022, "gialai-ubnd-2022", "PRELIMINARY", { poorHouseholds: 38_000, poorRate: 10.4, sourceDate: "2023" }),
    figure("VN", 2023, "molisa-2023", "REPORTED", { poorAndNearPoorRate: 8.16, sourceDate: "2024-03-01" }),
  ];
  return c;
}

const QUERY = `query Official($code: ID!, $year: Int) { unit(code: $code) { code officialFigures(year: $year) { year poorHouseholds poorRate
  nearPoorHouseholds nearPoorRate poorAndNearPoorHouseholds poorAndNearPoorRate totalHouseholds quality qualityNote sourceDate
  source { id title url publisher } } } }`;

let stores: TestStores;
let fast: TestApp;
let apollo: TestApp;

beforeAll(async () => {
  stores = await freshStores("minhbach-api-official-");
  const db = openPublicStore(stores.publicUrl);
  try {
    await writeRelease(db, releaseWithOfficialFigures());
  } finally {
    await db.$disconnect();
  }
  // No response cache: every request is executed, so each path really answers.
  fast = await startTestApp({ publicUrl: stores.publicUrl, responseCacheEntries: 0 });
  apollo = await startTestApp({ publicUrl: stores.publicUrl, responseCacheEntries: 0, fastPath: false });
});

afterAll(async () => {
  await Promise.all([fast?.close(), apollo?.close()]);
  await stores?.drop();
});

/** The figures of one unit, the same on the fast path (interpreted, then compiled) and through Apollo. */
async function figuresOf(code: string, year?: number): Promise<any[]> {
  const variables = { code, ...(year === undefined ? {} : { year }) };
  const answered = fast.fast!.answered;
  const viaFast = [await fast.gql(QUERY, variables), await fast.gql(QUERY, variables)];
  const viaApollo = await apollo.gql(QUERY, variables);
  expect(fast.fast!.answered - answered, "both answered on the fast path").toBe(2);
  expect(fast.fast!.documents.compiledCount, "graphql-jit compiled the query on its second use").toBe(1);
  for (const r of [...viaFast, viaApollo]) {
    expect(r.body.errors).toBeUndefined();
    expect(r.status).toBe(200);
  }
  expect(viaFast[0]!.body).toEqual(viaApollo.body);
  expect(viaFast[1]!.body).toEqual(viaApollo.body);
  return viaApollo.body.data!.unit.officialFigures;
}

describe("Unit.officialFigures", () => {
  it("keeps two sources for one province-year side by side, each with its own figures, title and URL; newest year first", async () => {
    const figures = await figuresOf("64");
    expect(figures.map((f) => [f.year, f.source.id])).toEqual([[2023, "gialai-ubnd-2023"], [2023, "vnexpress-gialai"], [2022, "gialai-ubnd-2022"]]);
    expect(figures[0]).toEqual({ year: 2023, poorHouseholds: 30_000, poorRate: 8.11, nearPoorHouseholds: 25_000, nearPoorRate: 6.76,
      poorAndNearPoorHouseholds: null, poorAndNearPoorRate: null, totalHouseholds: 370_000, quality: "REPORTED", qualityNote: null,
      sourceDate: "2024-01-15", source: { id: "gialai-ubnd-2023", title: "Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2023",
        url: "https://gialai.gov.vn/ra-soat-2023", publisher: "UBND tỉnh Gia Lai" } });
    expect(figures[1]).toMatchObject({ poorRate: 8.2, quality: "SECONDARY", qualityNote: "Báo dẫn lời Sở LĐ-TB&XH", sourceDate: "2024-02",
      source: { title: "Gia Lai còn hơn 8 % hộ nghèo", url: "https://example.vn/gia-lai-ho-ngheo" } });
  });

  it("gives null, not 0, for every figure a source does not give", async () => {
    const [, press] = await figuresOf("64", 2023);
    expect(press).toMatchObject({ poorHouseholds: null, nearPoorHouseholds: null, nearPoorRate: null, poorAndNearPoorHouseholds: null,
      poorAndNearPoorRate: null, totalHouseholds: null });
  });

  it("filters by year", async () => {
    expect((await figuresOf("64", 2023)).map((f) => f.source.id)).toEqual(["gialai-ubnd-2023", "vnexpress-gialai"]);
    expect(await figuresOf("64", 2022)).toEqual([expect.objectContaining({ year: 2022, quality: "PRELIMINARY", sourceDate: "2023", source: expect.objectContaining({ url: null }) })]);
    expect(await figuresOf("64", 2021)).toEqual([]);
  });

  it("returns [] for a unit without official figures", async () => {
    expect(await figuresOf("19")).toEqual([]);
    expect(await figuresOf("01990")).toEqual([]);
  });

  it("serves national figures on the COUNTRY unit", async () => {
    const [vn] = await figuresOf("VN");
    expect(vn).toMatchObject({ year: 2023, poorAndNearPoorRate: 8.16, poorRate: null, poorHouseholds: null, source: { id: "molisa-2023" } });
  });

  it("resolves officialFigures and its source by direct calls, not through type-graphql's wrappers", () => {
    expect(directResolvers).toEqual(expect.arrayContaining(["Unit.officialFigures", "OfficialFigure.source"]));
  });

  it("loads the figures and their sources of many units in one statement each", async () => {
    fast.cache.clear();
    fast.rows.clear();
    const before = fast.store.statements.total;
    const { body } = await fast.gql(`{ units(level: PROVINCE, first: 100) { nodes { code officialFigures { year source { title } } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.units.nodes.map((u: any) => [u.code, u.officialFigures.length])).toEqual([["06", 0], ["19", 0], ["64", 3]]);
    // units page, official figures, sources: one each, not one per province
    expect(fast.store.statements.total - before).toBeLessThanOrEqual(3);
  });
});
