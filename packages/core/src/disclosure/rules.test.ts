import { describe, expect, it } from "vitest";
import { isPrimarySensitive } from "./rules.ts";

describe("primary rule: few households in the count", () => {
  it("suppresses 1 ≤ c < k", () => {
    expect(isPrimarySensitive(1, 100, 5)).toBe(true);
    expect(isPrimarySensitive(4, 100, 5)).toBe(true);
    expect(isPrimarySensitive(5, 100, 5)).toBe(false);
  });
});

describe("primary rule: few households outside the count", () => {
  it("suppresses c ≥ 1 with n − c < k, including a 100 % village", () => {
    expect(isPrimarySensitive(96, 100, 5)).toBe(true);
    expect(isPrimarySensitive(12, 12, 5)).toBe(true);
    expect(isPrimarySensitive(95, 100, 5)).toBe(false);
  });
});

describe("primary rule: zero", () => {
  it("never makes c = 0 sensitive, even in a tiny unit", () => {
    expect(isPrimarySensitive(0, 100, 5)).toBe(false);
    expect(isPrimarySensitive(0, 2, 5)).toBe(false);
  });
});

describe("primary rule: threshold", () => {
  it("refuses k below 3 and non-integer k", () => {
    expect(() => isPrimarySensitive(1, 10, 2)).toThrow(/k must be/);
    expect(() => isPrimarySensitive(1, 10, 3.5)).toThrow(/k must be/);
    expect(isPrimarySensitive(2, 10, 3)).toBe(true);
  });
});
