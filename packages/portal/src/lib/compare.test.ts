import { describe, expect, it } from "vitest";
import { compareTable, compareYears, type UnitFile } from "./compare.js";
import type { Fig, IndicatorData, YearStat } from "../data/model.js";

const pub = (value: number): Fig => ({ value, status: "PUBLISHED" });
const hidden: Fig = { value: null, status: "SUPPRESSED" };
const stat = (year: number, rate: number, poor: Fig = pub(89), coverage: YearStat["coverage"] = null): YearStat => ({
  year, standardId: "ND07-2021", synthetic: true, coverage, sourceIds: [], households: pub(1000), poor, nearPoor: pub(101), poorRate: pub(rate),
  nearPoorRate: pub(10.1), newlyPoor: pub(14), rePoor: pub(6), escapedPoor: pub(35), projectParticipants: pub(36),
  deprivations: [{ code: "HOUSING_AREA", households: pub(23), share: pub(2.3) }],
});
const unit = (code: string, name: string, poverty: YearStat[], money: UnitFile["money"] = null): UnitFile => ({
  code, name, level: "COMMUNE", type: "XA", gsoCode: code, validFrom: null, validTo: null, synthetic: true, geometryIllustrative: true,
  hasGeometry: false, centroid: null, parentCode: "063", ancestors: [], parentHistory: [], successors: [], predecessors: [], children: [],
  poverty, credit: [], jobs: [], projectCodes: [], officialFigures: [], release: "2026.1", money,
});
const indicators: IndicatorData[] = [{ code: "HOUSING_AREA", standard: "ND07-2021", ordinal: 6, labelVi: "Diện tích nhà ở", labelEn: "Housing area",
  dimensionVi: "Nhà ở", dimensionEn: "Housing" }];
const money = { fromYear: 2022, toYear: 2023, budgetVnd: 19_600_000_000, disbursedVnd: 500_000_000, households: 20, perHouseholdVnd: 25_000_000,
  rateFrom: 13.6, rateTo: 8.9, change: -4.7, projects: 2 };

describe("compare view table", () => {
  const a = unit("01990", "Lục Bình", [stat(2022, 13.6), stat(2023, 8.9)], money);
  const b = unit("01975", "Vi Hương", [stat(2023, 15.2, hidden), stat(2024, 11.8)]);

  it("defaults to the latest year both units have and lists every year in the trend", () => {
    expect(compareYears([a, b])).toEqual({ years: [2022, 2023, 2024], preferred: 2023 });
    const groups = compareTable([a, b], 2023, indicators, "VI");
    expect(groups.map((g) => g.title)).toEqual(["Năm rà soát 2023", "Thiếu hụt dịch vụ xã hội cơ bản (2023)", "Tiền chi và kết quả giảm nghèo", "Diễn biến qua các năm: tỷ lệ hộ nghèo"]);
    expect(groups[3]!.rows.map((r) => [r.label, r.cells.map((c) => c.text)])).toEqual([["2022", ["13,6 %", "–"]], ["2023", ["8,9 %", "15,2 %"]], ["2024", ["–", "11,8 %"]]]);
  });

  it("shows rates, counts, deprivation shares and money side by side, formatted per language", () => {
    const [poverty, dep, spend] = compareTable([a, b], 2023, indicators, "VI");
    const cells = (label: string) => poverty!.rows.find((r) => r.label === label)!.cells.map((c) => c.text);
    expect(cells("Tỷ lệ hộ nghèo")).toEqual(["8,9 %", "15,2 %"]);
    expect(cells("Tỷ lệ hộ cận nghèo")).toEqual(["10,1 %", "10,1 %"]);
    expect(cells("Tổng số hộ")).toEqual(["1.000", "1.000"]);
    expect(cells("Thay đổi tỷ lệ hộ nghèo")).toEqual(["−4,7 điểm % so với 2022", "–"]);
    expect(dep!.rows[0]).toMatchObject({ label: "Diện tích nhà ở", cells: [{ text: "2,3 %" }, { text: "2,3 %" }] });
    expect(spend!.rows.map((r) => r.cells[0]!.text)).toEqual(["2", "19,6 tỷ đồng", "500 triệu đồng", "20", "25 triệu đồng", "−4,7 điểm % (2022–2023)"]);
    expect(spend!.rows.every((r) => r.cells[1]!.text === "–")).toBe(true);
    const en = compareTable([a, b], 2023, indicators, "EN")[0]!;
    expect(en.rows[0]!.cells.map((c) => c.text)).toEqual(["8.9%", "15.2%"]);
  });

  it("never shows a hidden figure as a number, and gives it the one hidden-figure note (no rule named)", () => {
    const poor = compareTable([a, b], 2023, indicators, "VI", 10)[0]!.rows.find((r) => r.label === "Hộ nghèo")!;
    expect(poor.cells[0]).toEqual({ text: "89", hidden: false, note: null });
    expect(poor.cells[1]).toEqual({ text: "ẩn", hidden: true, note: "Ẩn để bảo vệ hộ gia đình (quy tắc công bố tối thiểu 10 hộ)" });
  });

  it("defaults to a year both have complete, and labels a partial year partial, never a total", () => {
    const partial = { reported: 3, expected: 11, of: "VILLAGE" as const };
    const c = unit("01969", "Phủ Thông", [stat(2023, 9), { ...stat(2024, 0), poorRate: { value: null, status: "NOT_AVAILABLE" }, coverage: partial }]);
    const d = unit("01970", "Khác", [stat(2023, 7), stat(2024, 6)]);
    expect(compareYears([c, d]).preferred).toBe(2023);
    const groups = compareTable([c, d], 2024, indicators, "VI");
    expect(groups[0]!.rows[0]!.cells[0]).toEqual({ text: "không có", hidden: true, note: "3/11 thôn đã báo cáo năm 2024: chưa đủ để tính tổng" });
    expect(groups.at(-1)!.rows.find((r) => r.label === "2024")!.cells[0]).toMatchObject({ text: "chưa đủ số liệu (3/11 thôn)", hidden: true });
  });
});
