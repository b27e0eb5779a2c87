import { describe, expect, it } from "vitest";
import type { AreaGeometry } from "@minhbach/core/geo/index.ts";
import type { IndexEntry } from "../data/model.js";
import { nationalMap, NO_OFFICIAL_FILL } from "./national-map.js";
import { RATE_CLASSES } from "../data/map-layers.js";

const entry = (code: string, official: IndexEntry["official"], hasGeometry = true): IndexEntry => ({
  code, name: code, level: "PROVINCE", type: "TINH", parentCode: "VN", page: code, nameAscii: code, years: [], validTo: null, validFrom: null,
  synthetic: false, hasGeometry, centroid: null, rates: [], syntheticYears: [], official, templated: false,
});
const square = (x: number, y: number): AreaGeometry => ({ type: "Polygon", coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] });

describe("national map", () => {
  it("draws every province with a shape, hatches those without an official figure, lists those without a shape", () => {
    const geo: Record<string, AreaGeometry> = { "01": square(105, 21), "02": square(106, 20), "03": square(104, 10) };
    const map = nationalMap([entry("01", { year: 2023, rate: 8.11, quality: "REPORTED" }), entry("02", null), entry("03", { year: 2022, rate: 0, quality: "REPORTED" }), entry("22", null, false)],
      (c) => geo[c] ?? null);
    expect(map.shapes.map((s) => s.code)).toEqual(["01", "02", "03"]);
    expect(map.unshaped.map((u) => u.code)).toEqual(["22"]);
    expect(map.shapes[0]!.fill).toBe(RATE_CLASSES[2].color); // 5–10 %
    expect(map.shapes[1]!.fill).toBe(NO_OFFICIAL_FILL); // no figure: the hatch, never the colour of zero
    expect(map.shapes[2]!.fill).toBe(RATE_CLASSES[0].color); // a real 0 % keeps the lowest class
    for (const s of map.shapes) expect(s.d).toMatch(/^M\d+ \d+(l-?\d+ -?\d+){3,}z$/);
    expect(map.height).toBe(1000);
    // Southernmost square (lat 10–11) sits at the bottom, the northern ones at the top; widths follow cos(latitude).
    expect(Number(/^M\d+ (\d+)/.exec(map.shapes[2]!.d)![1])).toBeGreaterThan(900);
  });

  it("draws nothing when no province has a shape", () => {
    expect(nationalMap([entry("22", null, false)], () => null)).toMatchObject({ shapes: [], unshaped: [{ code: "22" }] });
  });
});
