import { afterEach, describe, expect, it } from "vitest";
import { importInspections, importPlans, importSources } from "./index.js";
import { problemsOf, recordFixture, type Fixture } from "./test-helpers.js";

const SOURCE_HEADER = ["Mã nguồn", "Tiêu đề", "Cơ quan phát hành", "Đường dẫn", "Ngày", "Loại", "Dữ liệu giả lập"];
const PLAN_HEADER = ["unit_code", "year", "Tên kế hoạch", "Số hiệu", "Ngày ban hành", "synthetic", "source_ids"];
const INSPECTION_HEADER = ["unit_code", "Ngày", "Cơ quan kiểm tra", "Nội dung", "synthetic", "source_ids"];

let fx: Fixture;
afterEach(async () => fx?.drop());

describe("sources", () => {
  it("creates new sources and updates existing ones by id", async () => {
    fx = await recordFixture({ sources: ["src-a"] });
    const file = fx.csv("s.csv", [
      SOURCE_HEADER,
      ["src-a", "Lục Bình giảm nghèo", "Báo Bắc Kạn", "https://baobackan.vn/a", "15/01/2024", "ARTICLE", 0],
      ["demo", "Dữ liệu minh hoạ", "Minh Bạch", "", "", "synthetic", 1],
    ]);
    const summary = await importSources({ privateUrl: fx.privateUrl, file });
    expect(summary.counts).toEqual({ created: 1, updated: 1 });
    const a = await fx.db.source.findUniqueOrThrow({ where: { id: "src-a" } });
    expect(a).toMatchObject({ title: "Lục Bình giảm nghèo", publisher: "Báo Bắc Kạn", kind: "ARTICLE", synthetic: false });
    expect(a.date?.toISOString()).toBe("2024-01-15T00:00:00.000Z");
    expect(await fx.db.source.findUniqueOrThrow({ where: { id: "demo" } })).toMatchObject({ kind: "SYNTHETIC", url: null, synthetic: true });
  });

  it("reports bad urls, kinds, unlabelled synthetic sources and duplicate ids", async () => {
    fx = await recordFixture({ sources: [] });
    const file = fx.csv("s.csv", [
      SOURCE_HEADER,
      ["a", "T", "P", "baobackan.vn/a", "", "ARTICLE", 0],
      ["b", "T", "P", "", "", "BLOG", 0],
      ["c", "T", "P", "", "", "SYNTHETIC", 0],
      ["d", "T", "P", "", "2024-13-01", "LEGAL", 0],
      ["e", "T", "P", "", "", "LEGAL", 0],
      ["e", "T2", "P", "", "", "LEGAL", 0],
    ]);
    expect(await problemsOf(importSources({ privateUrl: fx.privateUrl, file }))).toEqual([
      "2:Đường dẫn: must start with http:// or https:// and contain no spaces",
      '3:Loại: "BLOG" is not one of ARTICLE, OFFICIAL_REPORT, LEGAL, DATASET, SYNTHETIC',
      "4:Dữ liệu giả lập: a SYNTHETIC source must have synthetic = 1",
      '5:Ngày: "2024-13-01" is not a date (YYYY-MM-DD or DD/MM/YYYY)',
      "7:Mã nguồn: duplicate: same source id as row 6",
    ]);
    expect(await fx.db.source.count()).toBe(0);
  });
});

describe("plans", () => {
  it("imports, reports bad rows, and replaces by unit-year", async () => {
    fx = await recordFixture();
    const first = fx.csv("k1.csv", [
      PLAN_HEADER,
      ["01990", 2024, "Kế hoạch giảm nghèo năm 2024", "45/KH-UBND", "2024-02-01", 1, "src-a"],
      ["01990", 2024, "Kế hoạch hỗ trợ nhà ở", "", "", 1, ""],
      ["063", 2024, "Kế hoạch giảm nghèo huyện", "", "", 1, ""],
    ]);
    expect((await importPlans({ privateUrl: fx.privateUrl, file: first })).rows).toBe(3);
    const bad = fx.csv("k2.csv", [
      PLAN_HEADER,
      ["01990", 2025, "", "", "", 1, ""],
      ["01990", 2025, "Kế hoạch A", "", "2025/02/01", 1, ""],
      ["01990", 2025, "Kế hoạch B", "", "", 1, ""],
      ["01990", 2025, "kế hoạch b", "", "", 1, ""],
    ]);
    expect(await problemsOf(importPlans({ privateUrl: fx.privateUrl, file: bad }))).toEqual([
      "2:Tên kế hoạch: required value is empty",
      '3:Ngày ban hành: "2025/02/01" is not a date (YYYY-MM-DD or DD/MM/YYYY)',
      "5:Tên kế hoạch: duplicate: same unit, year and title as row 4",
    ]);
    await importPlans({ privateUrl: fx.privateUrl, file: fx.csv("k3.csv", [PLAN_HEADER, ["01990", 2024, "Kế hoạch sửa đổi", "", "", 1, ""]]) });
    const rows = await fx.db.plan.findMany({ orderBy: { unitCode: "asc" } });
    expect(rows.map((r) => [r.unitCode, r.title])).toEqual([["01990", "Kế hoạch sửa đổi"], ["063", "Kế hoạch giảm nghèo huyện"]]);
  });
});

describe("inspections", () => {
  it("requires a date and replaces the inspections of each unit in the years the file covers", async () => {
    fx = await recordFixture();
    await importInspections({
      privateUrl: fx.privateUrl,
      file: fx.csv("i1.csv", [
        INSPECTION_HEADER,
        ["01990", "2023-05-10", "Thanh tra huyện", "Rà soát hộ nghèo 2022", 1, ""],
        ["01990", "10/06/2024", "Thanh tra tỉnh", "Kiểm tra giải ngân Dự án 2", 1, ""],
      ]),
    });
    const noDate = fx.csv("i2.csv", [INSPECTION_HEADER, ["01990", "", "Thanh tra", "Nội dung", 1, ""]]);
    expect(await problemsOf(importInspections({ privateUrl: fx.privateUrl, file: noDate }))).toEqual(["2:Ngày: required date is empty"]);
    const s = await importInspections({
      privateUrl: fx.privateUrl,
      file: fx.csv("i3.csv", [INSPECTION_HEADER, ["01990", "2024-11-20", "Thanh tra tỉnh", "Kiểm tra lại", 1, ""]]),
    });
    expect(s.counts).toEqual({ unitYears: 1, inserted: 1, replaced: 1 });
    const rows = await fx.db.inspection.findMany({ orderBy: { date: "asc" } });
    expect(rows.map((r) => r.subject)).toEqual(["Rà soát hộ nghèo 2022", "Kiểm tra lại"]);
  });
});
