import { describe, expect, it } from "vitest";
import { excelSerialDate, parseDate, parseGroupedInteger } from "./fields.js";

describe("whole numbers in đồng", () => {
  it("accepts plain digits and consistent thousands grouping with . , or space", () => {
    expect(parseGroupedInteger("19600000000")).toBe("19600000000");
    expect(parseGroupedInteger("19.600.000.000")).toBe("19600000000");
    expect(parseGroupedInteger("19,600,000,000")).toBe("19600000000");
    expect(parseGroupedInteger("19 600 000 000")).toBe("19600000000");
    expect(parseGroupedInteger("007")).toBe("7");
  });
  it("refuses decimals, mixed separators, bad grouping and signs", () => {
    for (const v of ["1.5", "1,50", "19.600,000", "1.0000", "-5", "+5", "1e10", "", "12 đồng"]) expect(parseGroupedInteger(v)).toBeUndefined();
  });
});

describe("dates", () => {
  it("reads YYYY-MM-DD and DD/MM/YYYY as UTC midnight", () => {
    expect(parseDate("2024-03-01")?.toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(parseDate("1/3/2024")?.toISOString()).toBe("2024-03-01T00:00:00.000Z");
  });
  it("refuses impossible dates and other formats", () => {
    for (const v of ["2023-02-29", "31/04/2024", "2024/03/01", "03-01-2024", "March 1, 2024"]) expect(parseDate(v)).toBeUndefined();
    expect(parseDate("29/02/2024")).toBeDefined();
  });
});

describe("Excel day serials (XLSX date cells)", () => {
  it("converts serials of 2000–2050 and nothing else", () => {
    expect(excelSerialDate("45337")?.toISOString()).toBe("2024-02-15T00:00:00.000Z");
    expect(excelSerialDate("36526")?.toISOString()).toBe("2000-01-01T00:00:00.000Z");
    for (const v of ["2024", "12345", "99999", "4533x"]) expect(excelSerialDate(v)).toBeUndefined();
  });
});
