/**
 * The demo data set, checked from the generated files alone (no store): the map and its 2025 reform, illustrative
 * geometry that tiles, households whose computed classification hits the published figures exactly, and determinism.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import polygonClipping, { type MultiPolygon } from "polygon-clipping";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@minhbach/db/test-temp-dir.ts";
import { REVIEW_CATEGORIES } from "@minhbach/core/households/columns.ts";
import { INDICATORS, classifyHousehold, standardForYear } from "@minhbach/core/standards/index.ts";
import { buildDemoData, writeDemoFiles, type DemoData } from "./files.js";
import { contains } from "./geometry.js";
import { householdCsv } from "./households/file.js";
import { INCONSISTENT_PER_YEAR } from "./households/generate.js";

let data: DemoData;
beforeAll(() => {
  data = buildDemoData();
}, 120_000);

const byCode = () => new Map(data.map.units.map((u) => [u.code, u]));
const CATEGORY = new Map<string, string>(REVIEW_CATEGORIES.map((c) => [c.vi, c.code]));

/** Classify every row of a generated household file exactly as the pipeline would. */
const classified = new Map<number, ReturnType<typeof classifyUncached>>();
function classifyFile(year: number) {
  if (!classified.has(year)) classified.set(year, classifyUncached(year));
  return classified.get(year)!;
}
function classifyUncached(year: number) {
  const review = data.reviews.find((r) => r.year === year)!;
  const [header, ...lines] = householdCsv(review).trimEnd().split("\n");
  const cols = header!.split(",");
  const at = (name: string) => cols.findIndex((c) => c.startsWith(name));
  const standard = standardForYear(year);
  return lines.map((line) => {
    const v = line.split(",");
    let deprivations = 0;
    INDICATORS.forEach((ind, i) => { if (v[8 + i] === "1") deprivations |= 1 << ind.bit; });
    const facts = { urban: v[at("Khu vực")] === "thành thị", incomePerMonth: Number(v[at("Thu nhập")]), deprivations };
    return { id: v[0]!, village: v[1]!, size: Number(v[3]), category: CATEGORY.get(v[at("Phân loại")]!)!, cls: classifyHousehold(facts, standard) };
  });
}
const rate = (rows: { cls: string }[], cls: string, decimals: number) => (100 * rows.filter((r) => r.cls === cls).length / rows.length).toFixed(decimals);

describe("the map: Bắc Kạn's real units and the 2025 reform as data", () => {
  it("has the province, 8 districts and 108 communes with GSO names, and 5–14 villages per commune", () => {
    const units = data.map.units;
    expect(units.filter((u) => u.level === "DISTRICT")).toHaveLength(8);
    expect(data.map.communes).toHaveLength(108);
    expect(byCode().get("01990")).toMatchObject({ name: "Lục Bình", type: "xã", parentCode: "063" });
    for (const c of data.map.communes) expect(c.villages.length).toBeGreaterThanOrEqual(5), expect(c.villages.length).toBeLessThanOrEqual(14);
  });

  it("keeps Lục Bình's four real village names (not synthetic) beside synthetic ones", () => {
    const lb = data.map.units.filter((u) => u.level === "VILLAGE" && u.code.startsWith("01990-"));
    expect(lb.filter((u) => !u.synthetic).map((u) => u.name)).toEqual(["Lủng Chang", "Nam Lanh Chang", "Bắc Lanh Chang", "Pác Chang"]);
    expect(lb.filter((u) => u.synthetic).length).toBeGreaterThan(0);
  });

  it("merges TT Phủ Thông, Vi Hương, Lục Bình and Tân Tú into xã Phủ Thông (01969), the old town becoming 01969.2025", () => {
    const units = byCode();
    expect(units.get("01969")).toMatchObject({ name: "Phủ Thông", type: "xã", parentCode: "19", validFrom: new Date("2025-07-01") });
    expect(units.get("01969.2025")).toMatchObject({ gsoCode: "01969", type: "thị trấn", validTo: new Date("2025-06-30") });
    const into = data.map.changes.filter((c) => c.toCode === "01969").map((c) => c.fromCode).sort();
    expect(into).toEqual(["01969.2025", "01975", "01990", "01993"]);
    expect(data.map.changes.every((c) => c.kind !== "MERGE" || c.toCode === "19" || c.legalBasis === "Nghị quyết 1683/NQ-UBTVQH15 ngày 16/06/2025")).toBe(true);
  });

  it("ends districts and Bắc Kạn on 2025-06-30 and notes that 19 holds only the former Bắc Kạn", () => {
    const units = byCode();
    for (const d of data.map.units.filter((u) => u.level === "DISTRICT")) expect(d.validTo).toEqual(new Date("2025-06-30"));
    expect(units.get("06")!.validTo).toEqual(new Date("2025-06-30"));
    expect(data.map.changes.find((c) => c.fromCode === "06")!.note).toMatch(/only the former Bắc Kạn/);
  });

  it("moves every village to its new commune on 2025-07-01 (Lủng Chang: Lục Bình → Phủ Thông)", () => {
    const links = data.map.parents.filter((p) => p.unitCode === "01990-01");
    expect(links).toEqual([
      { unitCode: "01990-01", parentCode: "01990", validFrom: new Date("2021-01-01"), validTo: new Date("2025-06-30") },
      { unitCode: "01990-01", parentCode: "01969", validFrom: new Date("2025-07-01"), validTo: null },
    ]);
  });
});

describe("illustrative geometry", () => {
  const mp = (code: string): MultiPolygon => {
    const g = JSON.parse(data.geometry.get(code)!.geometry!) as { type: string; coordinates: unknown };
    return (g.type === "Polygon" ? [g.coordinates] : g.coordinates) as MultiPolygon;
  };
  it("tiles the province with commune cells that do not overlap", () => {
    const cells = data.map.communes.map((c) => mp(c.code));
    const area = (m: MultiPolygon) => m.reduce((s, p) => s + Math.abs(p[0]!.reduce((a, [x, y], i, r) => a + (i ? r[i - 1]![0] * y - x * r[i - 1]![1] : 0), 0)) / 2, 0);
    const sum = cells.reduce((s, c) => s + area(c), 0);
    expect(Math.abs(sum - area(mp("06"))) / area(mp("06"))).toBeLessThan(0.001);
    expect(area(polygonClipping.intersection(mp("01990"), mp("01975")))).toBeLessThan(1e-6);
  });

  it("puts every village point inside its commune cell", () => {
    for (const c of data.map.communes) for (const v of c.villages) {
      const g = data.geometry.get(v)!;
      expect(contains(mp(c.code), [g.lng, g.lat])).toBe(true);
    }
  });
});

describe("households: calibration by the computed classification", () => {
  it("gives Bắc Kạn 26.93 % poor and 9.74 % near-poor at the 2021 review", () => {
    const rows = classifyFile(2021);
    expect(rate(rows, "POOR", 2)).toBe("26.93");
    expect(rate(rows, "NEAR_POOR", 2)).toBe("9.74");
    expect(rows.length).toBeGreaterThanOrEqual(70_000);
  });

  it("gives Lục Bình 13.6 % poor at the 2022 review and 8.9 % at the 2023 review", () => {
    expect(rate(classifyFile(2022).filter((r) => r.village.startsWith("01990-")), "POOR", 1)).toBe("13.6");
    expect(rate(classifyFile(2023).filter((r) => r.village.startsWith("01990-")), "POOR", 1)).toBe("8.9");
  });

  it("reduces poverty over the years and keeps remote Pác Nặm poorer than the city", () => {
    const poor = [2021, 2022, 2023, 2024, 2025].map((y) => Number(rate(classifyFile(y), "POOR", 2)));
    expect(poor).toEqual([...poor].sort((a, b) => b - a));
    const rows = classifyFile(2021);
    const district = (code: string) => data.map.communes.filter((c) => c.districtCode === code).map((c) => c.gsoCode);
    const inD = (code: string) => rows.filter((r) => district(code).includes(r.village.slice(0, 5)));
    expect(Number(rate(inD("060"), "POOR", 1))).toBeGreaterThan(2 * Number(rate(inD("058"), "POOR", 1)));
  });

  it("records categories consistent with the computed class, except the documented deliberate ones", () => {
    const recorded: Record<string, string[]> = { POOR: ["POOR", "NEWLY_POOR", "RE_POOR"], NEAR_POOR: ["NEAR_POOR", "NEWLY_NEAR_POOR", "RE_NEAR_POOR", "ESCAPED_POOR"], NOT_POOR: ["NOT_POOR", "ESCAPED_POOR", "ESCAPED_NEAR_POOR"] };
    for (const y of [2021, 2023, 2025]) {
      const bad = classifyFile(y).filter((r) => !recorded[r.cls]!.includes(r.category));
      expect(bad.length).toBeLessThanOrEqual(INCONSISTENT_PER_YEAR);
      expect(bad.length).toBeGreaterThan(INCONSISTENT_PER_YEAR / 2);
    }
  });

  it("follows the same households across reviews, with sizes 1–9", () => {
    const a = new Set(classifyFile(2021).map((r) => r.id));
    const b = classifyFile(2022);
    expect(b.filter((r) => a.has(r.id)).length / a.size).toBeGreaterThan(0.98);
    expect(b.every((r) => r.size >= 1 && r.size <= 9)).toBe(true);
  });
});

describe("determinism", () => {
  it("writes byte-identical files for the same seed, and different ones for another seed", () => {
    const hashes = (d: DemoData) => writeDemoFiles(d, tempDir("minhbach-demo-")).map((f) => f.sha256);
    const first = hashes(data);
    expect(hashes(buildDemoData())).toEqual(first);
    // Every generated file changes with the seed (sources.csv, first, is fixed text).
    const other = hashes(buildDemoData(7));
    expect(other.slice(1).filter((h, i) => h === first[i + 1])).toEqual([]);
    const text = fs.readFileSync(writeDemoFiles(data, tempDir("minhbach-demo-"))[0]!.file);
    expect(createHash("sha256").update(text).digest("hex")).toBe(first[0]);
  });
});
