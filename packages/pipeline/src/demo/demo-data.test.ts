/**
 * The demo data set, checked from the generated files alone (no store): the whole country's map and its 2025 reform,
 * real province and district boundaries, the Bắc Kạn demo's illustrative geometry that tiles its real districts,
 * households whose computed classification hits the published figures exactly, and determinism.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import polygonClipping, { type MultiPolygon } from "polygon-clipping";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@minhbach/db/test-temp-dir.ts";
import { planarArea } from "@minhbach/core/geo/centroid.ts";
import { REVIEW_CATEGORIES } from "@minhbach/core/households/columns.ts";
import { INDICATORS, classifyHousehold, standardForYear } from "@minhbach/core/standards/index.ts";
import { unitCoverage } from "../publish/coverage.js";
import { UnitHierarchy } from "../publish/unit-hierarchy.js";
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

const validAt = (u: { validFrom: Date | null; validTo: Date | null }, at: string) =>
  (!u.validFrom || u.validFrom <= new Date(at)) && (!u.validTo || u.validTo >= new Date(at));
const levelAt = (level: string, at: string) => data.map.units.filter((u) => u.level === level && validAt(u, at));

describe("the map: the whole country before and after the 2025 reform", () => {
  it("has 63 provinces, 696 districts and 10,047 communes until 2025-06-30, then 34 provinces, 3,321 communes and no district", () => {
    expect([levelAt("PROVINCE", "2025-06-30"), levelAt("DISTRICT", "2025-06-30"), levelAt("COMMUNE", "2025-06-30")].map((l) => l.length)).toEqual([63, 696, 10_047]);
    expect([levelAt("PROVINCE", "2025-07-01"), levelAt("DISTRICT", "2025-07-01"), levelAt("COMMUNE", "2025-07-01")].map((l) => l.length)).toEqual([34, 0, 3321]);
    expect(data.map.units.filter((u) => u.level !== "VILLAGE").every((u) => u.gsoCode)).toBe(true);
  });

  it("puts every province under VN (Việt Nam) with dated links, and six regions outside the hierarchy", () => {
    expect(byCode().get("VN")).toMatchObject({ level: "COUNTRY", name: "Việt Nam", parentCode: null });
    const toVN = data.map.parents.filter((p) => p.parentCode === "VN");
    expect(toVN).toHaveLength(63 + 23);
    expect(toVN.find((p) => p.unitCode === "06")).toMatchObject({ validFrom: new Date("2021-01-01"), validTo: new Date("2025-06-30") });
    expect(toVN.find((p) => p.unitCode === "01")).toMatchObject({ validTo: null }); // Hà Nội continues unchanged
    const regions = data.map.units.filter((u) => u.level === "REGION");
    expect(regions.map((r) => `${r.code} ${r.name}`)).toEqual([
      "VN-1 Đồng bằng sông Hồng", "VN-2 Trung du và miền núi phía Bắc", "VN-3 Bắc Trung Bộ và duyên hải miền Trung",
      "VN-4 Tây Nguyên", "VN-5 Đông Nam Bộ", "VN-6 Đồng bằng sông Cửu Long",
    ]);
    const codes = new Set(regions.map((r) => r.code));
    expect(data.map.parents.filter((p) => codes.has(p.unitCode) || codes.has(p.parentCode))).toEqual([]);
    expect(data.map.units.filter((u) => u.parentCode && codes.has(u.parentCode))).toEqual([]);
  });

  it("merges old provinces into the new ones, suffixing a reused code (Thái Nguyên 19 → 19.2025)", () => {
    const into19 = data.map.changes.filter((c) => c.toCode === "19");
    expect(into19.filter((c) => c.kind === "MERGE").map((c) => c.fromCode).sort()).toEqual(["06", "19.2025"]);
    // The districts of both old provinces (8 + 9) ended, their communes directly under the new province.
    expect(into19.filter((c) => c.kind === "ABOLISH")).toHaveLength(17);
    expect(byCode().get("19.2025")).toMatchObject({ gsoCode: "19", name: "Thái Nguyên", validTo: new Date("2025-06-30") });
    expect(byCode().get("19")).toMatchObject({ validFrom: new Date("2025-07-01"), validTo: null, parentCode: "VN" });
  });

  it("records commune splits as SPLIT changes and island districts becoming special zones", () => {
    expect(data.map.changes.filter((c) => c.kind === "SPLIT")).toHaveLength(1012);
    expect(data.map.changes.find((c) => c.fromCode === "318")).toMatchObject({ toCode: "11948", kind: "RENAME" });
    expect(byCode().get("11948")).toMatchObject({ name: "Bạch Long Vĩ", type: "đặc khu", parentCode: "31" });
  });
});

describe("the map: the Bắc Kạn demo inside it", () => {
  it("has the province, 8 districts and 108 communes with GSO names, and 5–14 villages per commune, villages nowhere else", () => {
    const units = data.map.units;
    expect(units.filter((u) => u.level === "DISTRICT" && u.parentCode === "06")).toHaveLength(8);
    expect(data.map.communes).toHaveLength(108);
    expect(byCode().get("01990")).toMatchObject({ name: "Lục Bình", type: "xã", parentCode: "063" });
    for (const c of data.map.communes) expect(c.villages.length).toBeGreaterThanOrEqual(5), expect(c.villages.length).toBeLessThanOrEqual(14);
    expect(units.filter((u) => u.level === "VILLAGE").length).toBe(data.map.communes.reduce((n, c) => n + c.villages.length, 0));
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
    const newCommunes = new Set(data.map.communes.map((c) => c.newCode));
    const bk = data.map.changes.filter((c) => newCommunes.has(c.toCode));
    expect(bk.length).toBeGreaterThan(100);
    expect(bk.every((c) => c.kind === "MERGE" && c.legalBasis === "Nghị quyết 1683/NQ-UBTVQH15 ngày 16/06/2025")).toBe(true);
  });

  it("ends districts and Bắc Kạn on 2025-06-30", () => {
    const units = byCode();
    for (const d of data.map.units.filter((u) => u.level === "DISTRICT")) expect(d.validTo).toEqual(new Date("2025-06-30"));
    expect(units.get("06")!.validTo).toEqual(new Date("2025-06-30"));
  });

  it("moves every village to its new commune on 2025-07-01 (Lủng Chang: Lục Bình → Phủ Thông)", () => {
    const links = data.map.parents.filter((p) => p.unitCode === "01990-01");
    expect(links).toEqual([
      { unitCode: "01990-01", parentCode: "01990", validFrom: new Date("2021-01-01"), validTo: new Date("2025-06-30") },
      { unitCode: "01990-01", parentCode: "01969", validFrom: new Date("2025-07-01"), validTo: null },
    ]);
  });

  it("gives household coverage to Bắc Kạn, never to VN, and not a complete one to the new Thái Nguyên (19)", () => {
    const hierarchy = new UnitHierarchy(data.map.units.map((u) => ({ code: u.code, level: u.level, validFrom: u.validFrom, validTo: u.validTo })), data.map.parents);
    const villages = data.map.communes.flatMap((c) => c.villages);
    const coverage = unitCoverage(hierarchy, [2021, 2025], villages.flatMap((village) => [{ village, year: 2021 }, { village, year: 2025 }]));
    expect(coverage.get("06|2021")).toEqual({ reported: 108, expected: 108 });
    expect(coverage.get("063|2021")).toEqual({ reported: 14, expected: 14 });
    // 19 holds the former Thái Nguyên too, whose communes have no data: rebuilt 2021 and 2025 are not complete
    const n19 = data.map.units.filter((u) => u.level === "COMMUNE" && u.parentCode === "19" && validAt(u, "2025-07-01")).length;
    expect(coverage.get("19|2021")).toEqual({ reported: new Set(data.map.communes.map((c) => c.newCode)).size, expected: n19 });
    expect(coverage.get("19|2025")!.reported).toBeLessThan(coverage.get("19|2025")!.expected);
    const phuThong = data.map.communes.filter((c) => c.newCode === "01969").reduce((n, c) => n + c.villages.length, 0);
    expect(coverage.get("01969|2025")).toEqual({ reported: phuThong, expected: phuThong }); // a commune: its villages
    expect([...coverage.keys()].filter((k) => k.startsWith("VN"))).toEqual([]);
    expect(hierarchy.groupsOfVillage("01990-01", 2021).map((g) => g.unit)).toEqual(["01990", "063", "06", "01969", "19"]);
  });
});

const mp = (code: string): MultiPolygon => {
  const g = JSON.parse(data.geometry.get(code)!.geometry!) as { type: string; coordinates: unknown };
  return (g.type === "Polygon" ? [g.coordinates] : g.coordinates) as MultiPolygon;
};
const area = (m: MultiPolygon) => planarArea({ type: "MultiPolygon", coordinates: m });

describe("real geometry", () => {
  it("gives 62 of the 63 old provinces and 681 districts a real shape, not illustrative; Quảng Ninh (22) none", () => {
    const real = (level: string) => levelAt(level, "2025-06-30").filter((u) => data.geometry.get(u.code)?.illustrative === false);
    expect(real("PROVINCE")).toHaveLength(62);
    expect(real("DISTRICT")).toHaveLength(681);
    expect(data.geometry.has("22")).toBe(false);
    expect(byCode().get("22")).toMatchObject({ name: "Quảng Ninh", validTo: null });
  });

  it("draws every province of 2025-07-01 but Quảng Ninh as the union of its old provinces (Thái Nguyên = 06 + 19)", () => {
    const drawn = levelAt("PROVINCE", "2025-07-01").filter((u) => data.geometry.get(u.code)?.illustrative === false);
    expect(drawn.map((u) => u.code).sort()).toEqual(levelAt("PROVINCE", "2025-07-01").map((u) => u.code).filter((c) => c !== "22").sort());
    expect(Math.abs(area(mp("19")) - area(mp("06")) - area(mp("19.2025"))) / area(mp("19"))).toBeLessThan(0.001);
  });

  it("gives no shape to communes and villages outside the Bắc Kạn demo", () => {
    const demo = new Set([...data.map.communes.flatMap((c) => [c.code, c.newCode, ...c.villages])]);
    const others = data.map.units.filter((u) => (u.level === "COMMUNE" || u.level === "VILLAGE") && !demo.has(u.code));
    expect(others.length).toBeGreaterThan(13_000);
    expect(others.filter((u) => data.geometry.has(u.code))).toEqual([]);
  });
});

describe("illustrative geometry", () => {
  it("tiles the real province with commune cells, each inside its real district, that do not overlap", () => {
    const cells = data.map.communes.map((c) => mp(c.code));
    const sum = cells.reduce((s, c) => s + area(c), 0);
    expect(Math.abs(sum - area(mp("06"))) / area(mp("06"))).toBeLessThan(0.001);
    expect(area(polygonClipping.intersection(mp("01990"), mp("01975")))).toBeLessThan(1e-6);
    for (const c of data.map.communes) {
      expect(area(polygonClipping.intersection(mp(c.code), mp(c.districtCode))) / area(mp(c.code))).toBeGreaterThan(0.999);
      expect(data.geometry.get(c.code)!.illustrative).toBe(true);
    }
    expect(data.geometry.get("01969")!.illustrative).toBe(true);
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
