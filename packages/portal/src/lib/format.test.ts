import { describe, expect, it } from "vitest";
import { formatDate, formatPercent, formatPoints, formatVndShort } from "./format.js";

describe("portal number formatting", () => {
  it("writes money in millions and billions, Vietnamese and English", () => {
    expect(formatVndShort(500_000_000n, "VI")).toBe("500 triệu đồng");
    expect(formatVndShort("19600000000", "VI")).toBe("19,6 tỷ đồng");
    expect(formatVndShort(19_600_000_000, "EN")).toBe("VND 19.6 billion");
    expect(formatVndShort(390_000_000, "EN")).toBe("VND 390 million");
    expect(formatVndShort(250_000, "VI")).toBe("250.000 đồng");
  });

  it("writes rates, changes and dates", () => {
    expect(formatPercent(8.9, "VI")).toBe("8,9 %");
    expect(formatPercent(8.9, "EN")).toBe("8.9%");
    expect(formatPoints(-8.2, "VI")).toBe("−8,2 điểm %");
    expect(formatPoints(1, "EN")).toBe("+1.0 pp");
    expect(formatDate("2025-07-01", "VI")).toBe("1/7/2025");
    expect(formatDate("2025-07-01T00:00:00Z", "EN")).toBe("1 Jul 2025");
  });
});
