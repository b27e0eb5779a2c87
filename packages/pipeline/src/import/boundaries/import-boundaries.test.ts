import fs from "node:fs";
import path from "node:path";
import { bbox, containsPoint, simplifyGeometry, toleranceForZoom, validateAreaGeometry, vertexCount, type AreaGeometry } from "@minhbach/core/geo/index.ts";
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import { openPrivateStore, type PrivateDb } from "@minhbach/db/private";
import { freshStores, type TestStores } from "@minhbach/db/test-stores.ts";
import { afterEach, describe, expect, it } from "vitest";
import { importBoundaries } from "./import-boundaries.js";

/** Shared reference data, read in place (its polygons must not be copied into the repository). */
const VN_ADMIN = path.resolve(import.meta.dirname, "../../../../../../shared/data/vn-admin");
const BAC_KAN_GEOJSON = path.join(VN_ADMIN, "gis-2025-03/06-bac-kan.geojson");
const UNITS_JSON = path.join(VN_ADMIN, "units-2025-03-01.json");
const haveReferenceData = fs.existsSync(BAC_KAN_GEOJSON) && fs.existsSync(UNITS_JSON);
if (!haveReferenceData) console.warn(`Skipping the Bắc Kạn boundary test: ${BAC_KAN_GEOJSON} or ${UNITS_JSON} is absent`);

let db: PrivateDb | undefined;
let stores: TestStores | undefined;
afterEach(async () => {
  await db?.$disconnect();
  await stores?.drop();
  db = stores = undefined;
});

async function storeWith(units: { code: string; name: string; level: string; type: string; parentCode?: string }[]) {
  stores = await freshStores("minhbach-boundaries-");
  const { dir, privateUrl } = stores;
  db = openPrivateStore(privateUrl);
  await db.adminUnit.createMany({ data: units.map((u) => ({ ...u, nameAscii: foldVietnamese(u.name) })) });
  return { dir, privateUrl, db };
}

describe.skipIf(!haveReferenceData)("the real Bắc Kạn boundaries (shared reference data)", () => {
  it("attaches all 9 geometries with label points inside each unit", async () => {
    const data = JSON.parse(fs.readFileSync(UNITS_JSON, "utf8")) as {
      data: { level1_id: string; name: string; type: string; level2s: { level2_id: string; name: string; type: string }[] }[];
    };
    const p = data.data.find((u) => u.level1_id === "06")!;
    const units = [
      { code: "06", name: p.name, level: "PROVINCE", type: p.type },
      ...p.level2s.map((d) => ({ code: d.level2_id, name: d.name, level: "DISTRICT", type: d.type, parentCode: "06" })),
    ];
    expect(units).toHaveLength(9);
    const store = await storeWith(units);
    const summary = await importBoundaries({ privateUrl: store.privateUrl, file: BAC_KAN_GEOJSON, codeProperty: "code", nameProperty: "name" });
    expect(summary).toMatchObject({ attached: 9, skipped: [], warnings: [] });
    const rows = await store.db.adminUnit.findMany();
    for (const u of rows) {
      const geometry = JSON.parse(u.geometry!) as AreaGeometry;
      expect(geometry.type).toBe("MultiPolygon");
      const point = { lng: u.centroidLng!, lat: u.centroidLat! };
      expect(containsPoint(geometry, point), `label point of ${u.code} lies inside it`).toBe(true);
      expect(u.geometryIllustrative).toBe(false);
      // What the portal will do with it: a province-zoom version is much lighter and still a valid geometry.
      const light = simplifyGeometry(geometry, toleranceForZoom(8), { decimals: 5 });
      expect(vertexCount(light)).toBeLessThan(vertexCount(geometry) / 3);
      expect(validateAreaGeometry(light).problems).toEqual([]);
    }
    // Bạch Thông lies inside Bắc Kạn, so its label point is inside the province too.
    const province = JSON.parse(rows.find((u) => u.code === "06")!.geometry!) as AreaGeometry;
    const bachThong = rows.find((u) => u.code === "063")!;
    expect(containsPoint(province, { lng: bachThong.centroidLng!, lat: bachThong.centroidLat! })).toBe(true);
    const [minX, minY, maxX, maxY] = bbox(province);
    expect([minX > 105, maxX < 106.5, minY > 21.7, maxY < 22.8]).toEqual([true, true, true, true]);
    expect(await store.db.importBatch.findFirstOrThrow()).toMatchObject({ kind: "BOUNDARIES", rows: 9, fileName: "06-bac-kan.geojson" });
  });
});

const square = (x: number, y: number, s = 0.1) => [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]];
const feature = (properties: Record<string, unknown>, coordinates: unknown, type = "Polygon") => ({ type: "Feature", properties, geometry: { type, coordinates } });

function writeGeojson(dir: string, features: unknown[]): string {
  const file = path.join(dir, "b.geojson");
  fs.writeFileSync(file, JSON.stringify({ type: "FeatureCollection", features }));
  return file;
}

const UNITS = [
  { code: "01990", name: "Lục Bình", level: "COMMUNE", type: "xã" },
  { code: "01993", name: "Tân Tú", level: "COMMUNE", type: "xã" },
];

describe("boundary file problems", () => {
  it("lists every problem with the feature index and property, and attaches nothing", async () => {
    const store = await storeWith(UNITS);
    const file = writeGeojson(store.dir, [
      feature({ ma: "01990" }, square(105.8, 22.1)), // good: must not be stored either
      feature({ ma: "01993" }, [[[105.8, 22.1], [105.9, 22.1], [105.9, 22.2], [105.8, 22.2]]]),
      feature({ ma: "01990" }, square(105.8, 22.1)),
      feature({ ma: 1999 }, square(105.8, 22.1)),
      feature({ ma: "99999" }, square(105.8, 22.1)),
      feature({ ma: "01994" }, square(22.1, 105.8)),
      feature({ ma: "01995" }, [105.8, 22.1], "Point"),
    ]);
    const err = await importBoundaries({ privateUrl: store.privateUrl, file, codeProperty: "ma" }).catch((e: unknown) => e);
    const problems = (err as { problems: { column?: string; reason: string }[] }).problems.map((p) => `${p.column}: ${p.reason}`);
    expect(problems).toEqual([
      "features[1].geometry.coordinates[0]: ring is not closed (first and last positions differ) (code 01993)",
      "features[2].properties.ma: code 01990 appears again (first in features[0])",
      'features[3].properties.ma: property "ma" is the number 1999; codes must be text ("06", not 6) to keep leading zeros',
      expect.stringMatching(/^features\[5\]\.geometry\.coordinates\[0\]: 5 position\(s\) outside Vietnam.*swapped.*\(code 01994\)$/),
      'features[6].geometry.type: geometry type "Point" is not Polygon or MultiPolygon (code 01995)',
      "features[4].properties.ma: unknown unit code 99999 (import the units first, or use --skip-unknown)",
    ]);
    expect(await store.db.adminUnit.count({ where: { geometry: { not: null } } })).toBe(0);
    expect(await store.db.importBatch.count()).toBe(0);
  });

  it("refuses files that are not a FeatureCollection", async () => {
    const store = await storeWith(UNITS);
    const file = path.join(store.dir, "x.geojson");
    fs.writeFileSync(file, "{ not json");
    await expect(importBoundaries({ privateUrl: store.privateUrl, file, codeProperty: "code" })).rejects.toThrow(/not valid JSON/);
    fs.writeFileSync(file, JSON.stringify({ type: "Feature", geometry: null }));
    await expect(importBoundaries({ privateUrl: store.privateUrl, file, codeProperty: "code" })).rejects.toThrow(/not a GeoJSON FeatureCollection/);
  });
});

describe("boundary options", () => {
  it("skips unknown codes with skipUnknown, marks illustrative geometry, and warns on name mismatches", async () => {
    const store = await storeWith(UNITS);
    const file = writeGeojson(store.dir, [
      feature({ code: "01990", ten: "Xã Lục Bình" }, square(105.8, 22.1)),
      feature({ code: "01993", ten: "Xã Vi Hương" }, square(105.9, 22.1)),
      feature({ code: "99999", ten: "Xã Khác" }, square(106, 22.1)),
    ]);
    const summary = await importBoundaries({ privateUrl: store.privateUrl, file, codeProperty: "code", nameProperty: "ten", illustrative: true, skipUnknown: true });
    expect(summary).toMatchObject({ attached: 2, skipped: ["99999"] });
    expect(summary.warnings.map((w) => `${w.column}: ${w.reason}`)).toEqual(['features[1].properties.ten: name "Xã Vi Hương" differs from unit 01993 "Tân Tú"']);
    const lucBinh = await store.db.adminUnit.findUniqueOrThrow({ where: { code: "01990" } });
    expect(lucBinh).toMatchObject({ geometryIllustrative: true, centroidLng: expect.closeTo(105.85, 9), centroidLat: expect.closeTo(22.15, 9) });
  });

  it("uses a point inside the unit when the area centroid falls outside it", async () => {
    const store = await storeWith(UNITS);
    // A "C" opening east: its centroid is in the gap.
    const c = [[[105, 21], [105.3, 21], [105.3, 21.1], [105.1, 21.1], [105.1, 21.2], [105.3, 21.2], [105.3, 21.3], [105, 21.3], [105, 21]]];
    const file = writeGeojson(store.dir, [feature({ code: "01990" }, c)]);
    const summary = await importBoundaries({ privateUrl: store.privateUrl, file, codeProperty: "code" });
    expect(summary.labelMovedInside).toEqual(["01990"]);
    const u = await store.db.adminUnit.findUniqueOrThrow({ where: { code: "01990" } });
    expect(containsPoint({ type: "Polygon", coordinates: c }, { lng: u.centroidLng!, lat: u.centroidLat! })).toBe(true);
  });
});
