/**
 * Seeds a fresh private store with the national map (AdminUnit + UnitParent rows), as the demo does with Prisma
 * (`demo/seed-store.ts`): provinces, districts, communes (real codes and names) and the synthetic villages, each with
 * a dated parent link from 2021-01-01 so every review year 2021–2025 finds the same hierarchy.
 */
import fs from "node:fs";
import { foldVietnamese } from "../../packages/core/src/units/fold.ts";
import { migrateSqlite } from "../../packages/db/src/migrate.ts";
import { openPrivateStore } from "../../packages/db/src/private.ts";
import { sqlitePathFromUrl } from "../../packages/db/src/sqlite-url.ts";
import { MAP_START, type NationalProvince } from "./national-units.ts";

const SOURCE = "bench-national-synthetic";

export async function seedNationalUnits(privateUrl: string, provinces: NationalProvince[]): Promise<{ units: number; links: number }> {
  const file = sqlitePathFromUrl(privateUrl);
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
  migrateSqlite("private", privateUrl);
  const db = openPrivateStore(privateUrl);
  try {
    const units: { code: string; gsoCode: string | null; level: string; name: string; nameAscii: string; type: string; parentCode: string | null; synthetic: boolean; sourceId: string }[] = [];
    const links: { unitCode: string; parentCode: string; validFrom: Date; validTo: Date | null }[] = [];
    const unit = (code: string, level: string, name: string, type: string, parentCode: string | null, synthetic: boolean) => {
      units.push({ code, gsoCode: level === "VILLAGE" ? null : code, level, name, nameAscii: foldVietnamese(name), type, parentCode, synthetic, sourceId: SOURCE });
      if (parentCode) links.push({ unitCode: code, parentCode, validFrom: MAP_START, validTo: null });
    };
    await db.source.create({
      data: { id: SOURCE, title: "Synthetic national benchmark data (bench/pipeline)", publisher: "Minh Bạch", kind: "SYNTHETIC", synthetic: true },
    });
    for (const p of provinces) {
      unit(p.code, "PROVINCE", p.name, p.type, null, false);
      for (const d of p.districts) unit(d.code, "DISTRICT", d.name, d.type, p.code, false);
      for (const c of p.communes) {
        unit(c.code, "COMMUNE", c.name, c.type, c.district, false);
        c.villages.forEach((v, i) => unit(v, "VILLAGE", c.urban ? `Tổ ${i + 1}` : `Thôn ${i + 1}`, c.urban ? "tổ dân phố" : "thôn", c.code, true));
      }
    }
    for (let i = 0; i < units.length; i += 1000) await db.adminUnit.createMany({ data: units.slice(i, i + 1000) });
    for (let i = 0; i < links.length; i += 1000) await db.unitParent.createMany({ data: links.slice(i, i + 1000) });
    return { units: units.length, links: links.length };
  } finally {
    await db.$disconnect();
  }
}
