/**
 * The committed national data (data/national/): what the project's own script derives from ../shared/data/vn-admin,
 * byte for byte (so it cannot drift), with the expected counts, within the size budget, and real boundaries in which
 * districts still nest in their provinces after simplification.
 */
import fs from "node:fs";
import path from "node:path";
import polygonClipping, { type MultiPolygon } from "polygon-clipping";
import { planarArea } from "@minhbach/core/geo/centroid.ts";
import { validateAreaGeometry } from "@minhbach/core/geo/validate.ts";
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { deriveNational } from "./derive.js";
import { NATIONAL_DIR, loadNational } from "./load.js";
import { deriveOfficialFigures, OFFICIAL_FIGURES_FILE } from "./official-figures.js";
import { decodeGeometry } from "./topology.js";

/** Shared reference data, read in place (development and CI machines only). */
const VN_ADMIN = path.resolve(import.meta.dirname, "../../../../../../shared/data/vn-admin");
const FIGURES = path.resolve(VN_ADMIN, "../official-figures");
const haveReferenceData = fs.existsSync(path.join(VN_ADMIN, "units-2025-03-01.json")) && fs.existsSync(FIGURES);
if (!haveReferenceData) console.warn(`Skipping the derivation check: ${VN_ADMIN} is absent`);

const national = loadNational();
const shapes = (collection: "provinces" | "districts") =>
  new Map(national.topology.objects[collection]!.geometries.map((g) => [g.id, decodeGeometry(national.topology, g) as MultiPolygon]));
const area = (mp: MultiPolygon) => planarArea({ type: "MultiPolygon", coordinates: mp });

describe.skipIf(!haveReferenceData)("derivation from ../shared/data/vn-admin", () => {
  it("gives exactly the committed files, with 63/696/10,047 units, 34 new provinces and 62 + 681 shapes", () => {
    const { files, counts } = deriveNational(VN_ADMIN);
    for (const [name, text] of files) expect(fs.readFileSync(path.join(NATIONAL_DIR, name), "utf8"), name).toBe(text);
    expect(counts).toEqual({ provinces: 63, districts: 696, communes: 10_047, newProvinces: 34, newCommunes: 3321, provinceShapes: 62, districtShapes: 681 });
  }, 120_000);

  it("gives exactly the committed official figures: 51 province rows and 21 national and regional rows", () => {
    const { text, rows } = deriveOfficialFigures(FIGURES);
    expect(fs.readFileSync(OFFICIAL_FIGURES_FILE, "utf8")).toBe(text);
    expect(rows).toBe(72);
  });
});

describe("the committed national data", () => {
  it("lists 63 provinces, 696 districts and 10,047 communes, and the 34 provinces and 3,321 communes of 2025-07-01", () => {
    expect([national.provinces.length, national.districts.length, national.communes.length]).toEqual([63, 696, 10_047]);
    expect([national.newProvinces.length, national.newCommunes.length]).toEqual([34, 3321]);
    expect(national.provinces.find((p) => p[0] === "01")).toEqual(["01", "Hà Nội", "thành phố trực thuộc trung ương"]);
    expect(national.communes.find((c) => c[0] === "01990")).toEqual(["01990", "Lục Bình", "xã", "063"]);
    expect(national.newProvinces.find((p) => p[0] === "19")).toEqual(["19", "Thái Nguyên", "tỉnh", ["06", "19"]]);
    // every old province goes into exactly one new one
    expect(national.newProvinces.flatMap((p) => p[3]).sort()).toEqual(national.provinces.map((p) => p[0]).sort());
  });

  it("stays within 3 MB with its licence and attribution beside it", () => {
    const files = fs.readdirSync(NATIONAL_DIR);
    const total = files.reduce((n, f) => n + fs.statSync(path.join(NATIONAL_DIR, f)).size, 0);
    expect(total).toBeLessThanOrEqual(3_000_000);
    expect(files).toEqual(expect.arrayContaining(["LICENSE-dvhcvn-GPL-3.0.txt", "LICENSE-dvhcvn-20250701-MIT.txt", "README.md"]));
    const readme = fs.readFileSync(path.join(NATIONAL_DIR, "README.md"), "utf8");
    for (const needed of ["build-national-geo.ts", "GPL-3.0", "daohoangson/dvhcvn", "dvhcvn/20250701", "Quảng Ninh"]) expect(readme).toContain(needed);
  });

  it("has real shapes for 62 provinces (not Quảng Ninh, 22) and 681 districts, all valid and inside Vietnam", () => {
    const provinces = shapes("provinces");
    const districts = shapes("districts");
    expect(provinces.size).toBe(62);
    expect(provinces.has("22")).toBe(false);
    expect(districts.size).toBe(681);
    for (const [code, mp] of [...provinces, ...districts]) {
      expect(validateAreaGeometry({ type: "MultiPolygon", coordinates: mp }).problems, code).toEqual([]);
    }
  });

  it("keeps districts nested in their provinces and tiling them (Hà Nội, Bắc Kạn, Gia Lai, Kiên Giang)", () => {
    const provinces = shapes("provinces");
    const districts = shapes("districts");
    for (const p of ["01", "06", "64", "91"]) {
      const province = provinces.get(p)!;
      const own = national.districts.filter((d) => d[3] === p).map((d) => districts.get(d[0])!);
      for (const d of own) expect(area(polygonClipping.intersection(d, province)) / area(d)).toBeGreaterThan(0.999);
      const sum = own.reduce((s, d) => s + area(d), 0);
      expect(Math.abs(sum - area(province)) / area(province)).toBeLessThan(0.001);
    }
  });

  it("holds the official figures the issue names, with their sources (Gia Lai 2023, Bắc Kạn 2021, VN 2022)", () => {
    const figures = parse(fs.readFileSync(OFFICIAL_FIGURES_FILE, "utf8"), { columns: true }) as Record<string, string>[];
    const find = (unit: string, year: string) => figures.filter((r) => (r["Mã tỉnh"] || r["Tên"]) === unit && r["Năm rà soát"] === year);
    expect(find("64", "2023").map((r) => [r["Tỷ lệ hộ nghèo (%)"], r["Cơ quan phát hành nguồn"]])).toEqual([["8.11", expect.stringContaining("Gia Lai")]]);
    expect(find("06", "2021").map((r) => [r["Số hộ nghèo"], r["Tỷ lệ hộ nghèo (%)"]])).toEqual([["21946", "26.93"]]);
    expect(find("Toàn quốc", "2022").map((r) => r["Tỷ lệ hộ nghèo (%)"])).toEqual(["4.03"]);
    for (const r of figures) expect(r["Đường dẫn nguồn"], r["Tiêu đề nguồn"]).toMatch(/^https?:\/\//);
  });
});
