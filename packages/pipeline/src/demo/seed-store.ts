/**
 * Resets the private store and writes the demo's map (the whole country's units with real province and district
 * boundaries, the Bắc Kạn demo's illustrative communes and villages, parent history, reform changes), its sources and
 * the citations of the real figures, directly with Prisma. Why directly: there is no unit import file format;
 * everything else goes through the real importers. Why in batches: ~14,500 units, as many parent links and ~11,500
 * changes; one statement per row would take most of the demo's time.
 */
import type { PrivateDb } from "@minhbach/db/private";
import type { UnitGeometry } from "./geometry.js";
import { DEMO_SOURCES, SOURCE_IDS } from "./sources.js";
import { LUC_BINH, nameAscii, type DemoMap } from "./units.js";

/** Every table of the private store, children first. */
const TABLES = [
  "projectParticipant", "projectFunding", "projectVillage", "project", "householdRecord", "importBatch", "creditRecord",
  "jobsRecord", "plan", "inspection", "sourceCitation", "source", "unitChange", "unitParent", "adminUnit",
] as const;

export async function resetPrivateStore(db: PrivateDb): Promise<void> {
  for (const t of TABLES) await (db as unknown as Record<string, { deleteMany(): Promise<unknown> }>)[t]!.deleteMany();
}

/** The published figures the demo reproduces, each cited to its source (see households/calibration.ts). */
export const CITATIONS = [
  { unitCode: "06", year: 2021, sourceId: SOURCE_IDS.dpi2021, note: "Tỷ lệ hộ nghèo 26,93 %, hộ cận nghèo 9,74 % (rà soát cuối năm 2021)" },
  { unitCode: LUC_BINH, year: 2022, sourceId: SOURCE_IDS.article, note: "Tỷ lệ hộ nghèo cuối năm 2022: 13,6 % (8,9 % + 4,7 điểm, suy ra từ bài báo)" },
  { unitCode: LUC_BINH, year: 2023, sourceId: SOURCE_IDS.article, note: "Tỷ lệ hộ nghèo năm 2023: 8,9 % (đánh giá sơ bộ)" },
];

export async function seedUnits(db: PrivateDb, map: DemoMap, geometry: ReadonlyMap<string, UnitGeometry>): Promise<void> {
  await db.source.createMany({
    data: DEMO_SOURCES.map((s) => ({ ...s, date: s.date ? new Date(`${s.date}T00:00:00Z`) : null })),
  });
  const units = map.units.map((u) => {
    const g = geometry.get(u.code);
    return {
      ...u,
      nameAscii: nameAscii(u.name),
      geometry: g?.geometry ?? null,
      geometryIllustrative: g?.illustrative ?? false,
      centroidLat: g?.lat ?? null,
      centroidLng: g?.lng ?? null,
    };
  });
  await inBatches(units, (data) => db.adminUnit.createMany({ data }));
  await inBatches(map.parents, (data) => db.unitParent.createMany({ data }));
  await inBatches(map.changes, (data) => db.unitChange.createMany({ data }));
  await db.sourceCitation.createMany({ data: CITATIONS });
}

/** Writes rows in batches of 500 (well under SQLite's and PostgreSQL's bound-parameter limits). */
async function inBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await write(rows.slice(i, i + 500));
}
