import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { importOfficialFigures } from "./index.js";
import { countryUnits, figuresFixture, SHARED_FIGURES, type FiguresFixture } from "./official-figures.fixture.js";
import { problemsOf } from "./test-helpers.js";

const PROVINCES = path.join(SHARED_FIGURES, "province-figures.csv");
const NATIONAL = path.join(SHARED_FIGURES, "national-regional-figures.csv");
const HEADER = "province_code,province_name,review_year,poor_households,poor_rate_pct,near_poor_households,near_poor_rate_pct,total_households,quality,quality_note,source_title,source_publisher,source_date,source_url";

let fx: FiguresFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const figure = (unitCode: string, year: number) =>
  fx!.db.officialFigure.findMany({ where: { unitCode, year }, orderBy: { sourceId: "asc" } });

describe("official figures: the real files of ../shared/data/official-figures", () => {
  it("imports every province, national and regional figure with its source, blanks as null", async () => {
    fx = await figuresFixture();
    const provinces = await importOfficialFigures({ privateUrl: fx.privateUrl, file: PROVINCES });
    expect(provinces).toMatchObject({ kind: "OFFICIAL_FIGURES", rows: 51, counts: { figures: 51, inserted: 51, replaced: 0 } });
    const national = await importOfficialFigures({ privateUrl: fx.privateUrl, file: NATIONAL });
    expect(national).toMatchObject({ rows: 21, counts: { figures: 21, inserted: 21 } });

    const [giaLai] = await figure("64", 2023);
    const giaLaiSource = await fx.db.source.findUniqueOrThrow({ where: { id: giaLai!.sourceId } });
    expect(giaLai).toMatchObject({ poorHouseholds: 31502, poorRate: 8.11, nearPoorHouseholds: 35749, nearPoorRate: 9.21, totalHouseholds: null, quality: "REPORTED" });
    expect(giaLaiSource).toMatchObject({
      publisher: "Báo Gia Lai", kind: "ARTICLE", synthetic: false, date: new Date("2023-11-14T00:00:00Z"),
      url: "https://baogialai.com.vn/gia-lai-con-31502-ho-ngheo-theo-chuan-ngheo-da-chieu-post255727.html",
    });

    const [bacKan] = await figure("06", 2021);
    expect(bacKan).toMatchObject({ poorHouseholds: 21946, poorRate: 26.93, nearPoorHouseholds: 7935, nearPoorRate: 9.74, quality: "REPORTED" });
    expect(await fx.db.source.findUniqueOrThrow({ where: { id: bacKan!.sourceId } })).toMatchObject({
      publisher: "Sở Kế hoạch và Đầu tư tỉnh Bắc Kạn", kind: "OFFICIAL_REPORT", url: expect.stringMatching(/^https:\/\/sokhdt\.backan\.gov\.vn\//),
    });

    const [vn] = await figure("VN", 2022);
    expect(vn).toMatchObject({ poorHouseholds: 1057374, poorRate: 4.03, nearPoorRate: 3.49, poorAndNearPoorHouseholds: 1972767, poorAndNearPoorRate: 7.52, quality: "REPORTED", sourceDate: "2023-02" });
    expect((await fx.db.source.findUniqueOrThrow({ where: { id: vn!.sourceId } })).url).toBe("https://baobariavungtau.com.vn/xa-hoi/202302/toan-quoc-con-gan-2-trieu-ho-ngheo-da-chieu-970571/index.htm");
    // A region known only by its poor-and-near-poor total keeps the other figures null, not 0.
    expect((await figure("VN-5", 2023))[0]).toMatchObject({ poorHouseholds: null, poorRate: null, poorAndNearPoorHouseholds: 10791, poorAndNearPoorRate: 0.23 });
  });

  it("keeps several sources of one unit-year side by side, and resolves codes at the end of the review year", async () => {
    fx = await figuresFixture();
    await importOfficialFigures({ privateUrl: fx.privateUrl, file: PROVINCES });
    const haGiang = await figure("02", 2023);
    expect(haGiang.map((f) => [f.poorHouseholds, f.poorRate, f.nearPoorRate, f.quality]).sort((a, b) => String(a[3]).localeCompare(String(b[3])))).toEqual([
      [null, 31.12, 11.49, "REPORTED"],
      [59496, 31.12, null, "SECONDARY"],
    ]);
    expect(new Set(haGiang.map((f) => f.sourceId)).size).toBe(2);
    // Lạng Sơn kept its code on 1 July 2025: its 2024 review is the old province's (20.2025), its 2025 review the new one's (20).
    expect((await figure("20.2025", 2024))[0]).toMatchObject({ poorRate: 3.36 });
    expect((await figure("20", 2025))[0]).toMatchObject({ poorRate: 2.32, totalHouseholds: 199765 });
  });

  it("re-importing the same file adds no figure and no source", async () => {
    fx = await figuresFixture();
    await importOfficialFigures({ privateUrl: fx.privateUrl, file: PROVINCES });
    const sources = await fx.db.source.count();
    const again = await importOfficialFigures({ privateUrl: fx.privateUrl, file: PROVINCES });
    expect(again.counts).toMatchObject({ figures: 51, inserted: 0, replaced: 51, sourcesCreated: 0 });
    expect(await fx.db.officialFigure.count()).toBe(51);
    expect(await fx.db.source.count()).toBe(sources);
  });
});

describe("official figures: a bad file", () => {
  it("lists every problem as row and column, and stores nothing (no figure, no source, no batch)", async () => {
    fx = await figuresFixture();
    const src = "Tiêu đề,Báo X,2024-01-02,https://example.org/a";
    const file = fx.csv("bad.csv", [
      HEADER,
      `64,Gia Lai,2023,31502,8.11,,,,reported,,${src}`, // good: must not be stored either
      `64,Gia Lai,1890,31502,8.11,,,,reported,,${src}`,
      `64,Gia Lai,2022,31502,8.11,,,,official,,${src}`,
      `64,Gia Lai,2021,31502,8.11%,,,,reported,,${src}`,
      `64,Gia Lai,2020,31502,108,,,,reported,,${src}`,
      `99,Nowhere,2023,1,1,,,,reported,,${src}`,
      `64,Gia Lai,2019,,,,,,reported,,${src}`,
      `64,Gia Lai,2018,500,1,,,400,reported,,${src}`,
      `64,Gia Lai,2023,31502,8.11,,,,reported,,${src}`,
      `64,Gia Lai,2017,1,1,,,,reported,,Tiêu đề,Báo X,2024-13,ftp://x`,
    ].join("\n"));
    const problems = await problemsOf(importOfficialFigures({ privateUrl: fx.privateUrl, file }));
    expect(problems).toEqual([
      "3:Năm rà soát: 1890 is below the minimum 2000",
      "4:Chất lượng: \"OFFICIAL\" is not one of REPORTED, PRELIMINARY, SECONDARY, UNCERTAIN",
      "5:Tỷ lệ hộ nghèo (%): \"8.11%\" is not a percentage (write 8.11 for 8.11 %, without the % sign)",
      "6:Tỷ lệ hộ nghèo (%): 108 is above 100 %",
      expect.stringMatching(/^7:Mã tỉnh: unknown province code 99: no province in the private store's unit list has that GSO code; check the code/),
      "8:Tỷ lệ hộ nghèo (%): no figure: give at least one count or rate",
      "9:Tổng số hộ: 400 households is fewer than the 500 in poorHouseholds",
      "10:Tiêu đề nguồn: duplicate: same unit, review year and source as row 2",
      "11:Ngày nguồn: \"2024-13\" is not a date (YYYY-MM-DD, DD/MM/YYYY, YYYY-MM, YYYY, or a period such as 2022-11/12)",
      "11:Đường dẫn nguồn: must start with http:// or https:// and contain no spaces",
    ]);
    expect(await fx.db.officialFigure.count()).toBe(0);
    expect(await fx.db.source.count()).toBe(0);
    expect(await fx.db.importBatch.count()).toBe(0);
  });

  it("refuses a province that did not exist at the end of the review year, and a row naming its unit twice or not at all", async () => {
    fx = await figuresFixture();
    const src = "T,P,2024,https://example.org/b";
    const file = fx.csv("when.csv", [
      "province_code,level,name,review_year,poor_rate_pct,quality,source_title,source_publisher,source_date,source_url",
      `64,,,2025,1,reported,${src}`, // Gia Lai (64) ended on 30 June 2025; the new Gia Lai has another code
      `64,national,,2024,1,reported,${src}`,
      `,,,2024,1,reported,${src}`,
      `,region,Tây Bắc,2024,1,,${src}`,
    ].join("\n"));
    expect(await problemsOf(importOfficialFigures({ privateUrl: fx.privateUrl, file }))).toEqual([
      expect.stringMatching(/^2:Mã tỉnh: no province with GSO code 64 was valid at the end of 2025 \(units with that code: 64\)/),
      expect.stringMatching(/^3:Cấp: a row gives either province_code/),
      expect.stringMatching(/^4:Mã tỉnh: required value is empty/),
      expect.stringMatching(/^5:Tên: unknown region "Tây Bắc": the regions are Đồng bằng sông Hồng; Trung du và miền núi phía Bắc; /),
    ]);
  });

  it("with skipUnknown, skips rows whose unit is not in the unit list with a warning each, and stores the rest", async () => {
    fx = await figuresFixture(countryUnits().filter((u) => u.code === "06" || u.code === "64"));
    const summary = await importOfficialFigures({ privateUrl: fx.privateUrl, file: PROVINCES, skipUnknown: true });
    expect(summary.rows).toBe(5); // Bắc Kạn 2021 and Gia Lai 2021–2024
    expect(summary.warnings).toHaveLength(46);
    expect(summary.warnings[0]).toMatchObject({ row: 2, column: "Mã tỉnh", reason: expect.stringMatching(/unknown province code 02.*row skipped \(--skip-unknown\)/) });
    const refused = await problemsOf(importOfficialFigures({ privateUrl: fx.privateUrl, file: NATIONAL, skipUnknown: false }));
    expect(refused[0]).toMatch(/^2:Cấp: no unit VN \(the whole country\)/);
  });
});
