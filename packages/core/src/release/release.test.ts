import { describe, expect, it } from "vitest";
import { countMeasure, coverageNote, formatNumber, formatPercent, formatVnd, isCompleteCoverage, partialLabel, percent, rateMeasure, suppressionNote } from "./index.js";

const pub = (value: number) => ({ value, status: "PUBLISHED" });
const hidden = { value: null, status: "SUPPRESSED" };

describe("rates", () => {
  it("rounds to one decimal from the published counts", () => {
    expect(percent(89, 1000)).toBe(8.9);
    expect(percent(136, 1000)).toBe(13.6);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(1, 8)).toBe(12.5);
    expect(rateMeasure(pub(89), pub(1000), "EN")).toEqual({ value: 8.9, status: "PUBLISHED", reason: null, note: null });
  });

  it("never shows a rate, nor a zero, when the count or the households are hidden", () => {
    const r = rateMeasure(hidden, pub(40), "EN", 5);
    expect(r).toEqual({ value: null, status: "SUPPRESSED", reason: null, note: "Hidden to protect households (minimum 5 households rule)" });
    expect(countMeasure(hidden, "VI").value).toBeNull();
  });

  it("gives every hidden figure, count or rate, the same note and no reason", () => {
    const notes = new Set([countMeasure(hidden, "VI", 5), rateMeasure(hidden, pub(40), "VI", 5), rateMeasure(pub(3), hidden, "VI", 5),
      rateMeasure(hidden, hidden, "VI", { k: 5 })].map((m) => { expect(m.reason).toBeNull(); return m.note; }));
    expect([...notes]).toEqual(["Ẩn để bảo vệ hộ gia đình (quy tắc công bố tối thiểu 5 hộ)"]);
    expect(suppressionNote("EN", 5)).not.toMatch(/PRIMARY|SECONDARY|HISTORY|SMALL_UNIT|fewer than/i);
  });

  it("says NOT_AVAILABLE for missing data and empty units, with the coverage note when given", () => {
    expect(rateMeasure(undefined, pub(10), "EN").status).toBe("NOT_AVAILABLE");
    expect(rateMeasure(pub(0), pub(0), "EN")).toMatchObject({ value: null, status: "NOT_AVAILABLE" });
    const notAvailable = coverageNote({ reported: 3, expected: 11 }, 2026, "VILLAGE", "EN");
    expect(notAvailable).toBe("3 of 11 villages reported in 2026: no total");
    expect(countMeasure({ value: null, status: "NOT_AVAILABLE" }, "EN", { k: 5, notAvailable }).note).toBe(notAvailable);
    expect(coverageNote({ reported: 3, expected: 11 }, 2026, "VILLAGE", "VI")).toBe("3/11 thôn đã báo cáo năm 2026: chưa đủ để tính tổng");
    expect(partialLabel({ reported: 2, expected: 4 }, "COMMUNE", "VI")).toBe("chưa đủ số liệu (2/4 xã)");
    expect(isCompleteCoverage(null)).toBe(true);
    expect(isCompleteCoverage({ reported: 3, expected: 4 })).toBe(false);
  });
});

describe("formatting", () => {
  it("writes numbers the Vietnamese and the English way", () => {
    expect(formatNumber(19_600_000_000, "VI")).toBe("19.600.000.000");
    expect(formatNumber(19_600_000_000n, "EN")).toBe("19,600,000,000");
    expect(formatPercent(8.9, "VI")).toBe("8,9 %");
    expect(formatPercent(13.6, "EN")).toBe("13.6%");
    expect(formatVnd(500_000_000, "VI")).toBe("500.000.000 đồng");
    expect(formatNumber(-1234.5, "EN", 1)).toBe("-1,234.5");
  });
});
