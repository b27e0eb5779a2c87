import { describe, expect, it } from "vitest";
import { typeLabel } from "./unit-type.js";

describe("unit type words", () => {
  it("reads GSO codes and stored Vietnamese words alike, in either language", () => {
    expect(typeLabel("XA", "VI")).toBe("Xã");
    expect(typeLabel("xã", "EN")).toBe("Commune");
    expect(typeLabel("thị trấn", "VI")).toBe("Thị trấn");
    expect(typeLabel("tổ dân phố", "EN")).toBe("Residential group");
    expect(typeLabel("huyện", "EN")).toBe("Rural district");
    expect(typeLabel("buôn", "VI")).toBe("Buôn");
    expect(typeLabel(null, "VI")).toBe("");
  });
});
