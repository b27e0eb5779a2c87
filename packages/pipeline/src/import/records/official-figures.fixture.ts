/**
 * Test fixture for official figures: a fresh private store holding the real country above the communes, built from
 * ../shared/data/vn-admin (development and CI machines only): the 63 provinces before 1 July 2025, the 34 after, the
 * country VN and its six regions VN-1…VN-6. Codes reused by a new province are suffixed ".2025" on the old one, as
 * the demo's unit list does. Why not the demo: seeding a few hundred units takes milliseconds, a demo run seconds.
 */
import fs from "node:fs";
import path from "node:path";
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import { openPrivateStore, type PrivateDb } from "@minhbach/db/private";
import { freshStores, type TestStores } from "@minhbach/db/test-stores.ts";
import { REGIONS } from "../../demo/national/map.js";

export const SHARED_FIGURES = path.resolve(import.meta.dirname, "../../../../../../shared/data/official-figures");
const VN_ADMIN = path.resolve(import.meta.dirname, "../../../../../../shared/data/vn-admin");

/** GSO's six socio-economic regions, as the demo's map numbers and names them (the names the ministry's totals use). */
export { REGIONS };

const BEFORE_REFORM = new Date("2025-06-30T00:00:00Z");
const REFORM = new Date("2025-07-01T00:00:00Z");

type Seed = { code: string; gsoCode: string | null; level: string; name: string; type: string; parentCode: string | null; validFrom: Date | null; validTo: Date | null };

/** Country, regions, old and new provinces (no districts or communes: figures are about provinces and above). */
export function countryUnits(): Seed[] {
  const old = (JSON.parse(fs.readFileSync(path.join(VN_ADMIN, "units-2025-03-01.json"), "utf8")) as { data: { level1_id: string; name: string }[] }).data;
  const merged = (JSON.parse(fs.readFileSync(path.join(VN_ADMIN, "reorg-2025-07/merges-new-to-old.json"), "utf8")) as { data: { level1_id: string; name: string }[] }).data;
  const reused = new Set(merged.map((p) => p.level1_id));
  const bare = (name: string) => name.replace(/^(Tỉnh|Thành phố)\s+/, "");
  return [
    { code: "VN", gsoCode: null, level: "COUNTRY", name: "Việt Nam", type: "quốc gia", parentCode: null, validFrom: null, validTo: null },
    ...REGIONS.map(([code, name]) => ({ code, gsoCode: null, level: "REGION", name, type: "vùng", parentCode: "VN", validFrom: null, validTo: null })),
    ...old.map((p) => ({
      code: reused.has(p.level1_id) ? `${p.level1_id}.2025` : p.level1_id, gsoCode: p.level1_id, level: "PROVINCE", name: bare(p.name),
      type: p.name.startsWith("Thành phố") ? "thành phố" : "tỉnh", parentCode: "VN", validFrom: null, validTo: BEFORE_REFORM,
    })),
    ...merged.map((p) => ({
      code: p.level1_id, gsoCode: p.level1_id, level: "PROVINCE", name: bare(p.name), type: p.name.startsWith("Thành phố") ? "thành phố" : "tỉnh",
      parentCode: "VN", validFrom: REFORM, validTo: null,
    })),
  ];
}

export interface FiguresFixture extends TestStores {
  db: PrivateDb;
  /** Writes a CSV into the fixture folder and returns its path. */
  csv(name: string, text: string): string;
  close(): Promise<void>;
}

export async function figuresFixture(units: Seed[] = countryUnits()): Promise<FiguresFixture> {
  const stores = await freshStores("minhbach-official-");
  const db = openPrivateStore(stores.privateUrl);
  await db.adminUnit.createMany({ data: units.map((u) => ({ ...u, nameAscii: foldVietnamese(u.name) })) });
  const csv = (name: string, text: string) => {
    const file = path.join(stores.dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  return { ...stores, db, csv, close: async () => { await db.$disconnect(); await stores.drop(); } };
}
