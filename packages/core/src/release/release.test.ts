import { describe, expect, it } from "vitest";
import { countMeasure, formatNumber, formatPercent, formatVnd, percent, rateMeasure } from "./index.js";

const pub = (value: number) => ({ value, status: "PUBLISHED" });

describe("rates", () => {
  it("rounds to one decimal from the published counts", () => {
    expect(percent(89, 1000)).toBe(8.9);
    expect(percent(136, 1000)).toBe(13.6);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(1, 8)).toBe(12.5);
    expect(rateMeasure(pub(89), pub(1000), "EN")).toEqual({ value: 8.9, status: "PUBLISHED", reason: null, note: null });
  });

  it("never shows a rate, nor a zero, when the count or the households are hidden", () => {
    const hidden = { value: null, status: "SUPPRESSED", reason: "PRIMARY" };
    const r = rateMeasure(hidden, pub(40), "EN", 5);
    expect(r.value).toBeNull();
    expect(r.status).toBe("SUPPRESSED");
    expect(r.note).toMatch(/count is hidden.*fewer than 5 households/);
    expect(rateMeasure(pub(3), { ...hidden, reason: "SMALL_UNIT" }, "VI").note).toMatch(/tổng số hộ bị ẩn/);
    expect(countMeasure(hidden, "VI").value).toBeNull();
  });

  it("says NOT_AVAILABLE for missing data and empty units", () => {
    expect(rateMeasure(undefined, pub(10), "EN").status).toBe("NOT_AVAILABLE");
    expect(rateMeasure(pub(0), pub(0), "EN")).toMatchObject({ value: null, status: "NOT_AVAILABLE" });
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
