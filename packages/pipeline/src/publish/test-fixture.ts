/** A small private store for publish tests: one commune with three villages (or `villages`) and the reviews given,
 *  written directly (through Prisma, so on either provider). Why not the demo: publish tests need seconds, not a
 *  province. */
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import { openPrivateStore } from "@minhbach/db/private.ts";
import { freshStores, type TestStores } from "@minhbach/db/test-stores.ts";

export interface FixtureHousehold { key: string; village: string; income: number; lacking: number; category?: string }

/** Deprivation bit set with the first `n` indicators of the catalogue lacking. */
const lackingBits = (n: number) => (1 << n) - 1;

const created: TestStores[] = [];

/** Drops every store publishFixture made (call in afterAll/afterEach). */
export async function dropPublishFixtures(): Promise<void> {
  await Promise.all(created.splice(0).map((s) => s.drop()));
}

export interface FixtureOptions {
  /** villages of the commune, 01990-01 … (default 3) */
  villages?: number;
  /** review years whose import batch is marked synthetic (default: every year) */
  syntheticYears?: number[];
}

export async function publishFixture(households: Record<number, FixtureHousehold[]>, opts: FixtureOptions = {}): Promise<TestStores> {
  const stores = await freshStores("minhbach-publish-");
  created.push(stores);
  const db = openPrivateStore(stores.privateUrl);
  try {
    const unit = (code: string, level: string, name: string, type: string, parentCode: string | null, gsoCode: string | null = code) => ({
      code, gsoCode, level, name, nameAscii: foldVietnamese(name), type, parentCode, synthetic: true, geometryIllustrative: false,
    });
    const since = new Date("2020-01-01T00:00:00Z");
    const villages = Array.from({ length: opts.villages ?? 3 }, (_, i) => `01990-${String(i + 1).padStart(2, "0")}`);
    await db.adminUnit.createMany({
      data: [
        unit("06", "PROVINCE", "Bắc Kạn", "tỉnh", null),
        unit("063", "DISTRICT", "Bạch Thông", "huyện", "06"),
        unit("01990", "COMMUNE", "Lục Bình", "xã", "063"),
        ...villages.map((v) => unit(v, "VILLAGE", `Thôn ${v}`, "thôn", "01990", null)),
      ],
    });
    await db.unitParent.createMany({
      data: [["063", "06"], ["01990", "063"], ...villages.map((v) => [v, "01990"])].map(([unitCode, parentCode]) => ({ unitCode: unitCode!, parentCode: parentCode!, validFrom: since })),
    });
    for (const [year, rows] of Object.entries(households)) {
      const batch = await db.importBatch.create({
        data: {
          kind: "HOUSEHOLDS", fileName: "fixture", sha256: "", year: Number(year), rows: rows.length, summary: "{}",
          synthetic: opts.syntheticYears?.includes(Number(year)) ?? true,
        },
      });
      await db.householdRecord.createMany({
        data: rows.map((h) => ({
          year: Number(year), householdKey: h.key, villageCode: h.village, urban: false, size: 4, incomePerMonth: h.income, aScore: null,
          deprivations: lackingBits(h.lacking), reviewCategory: h.category ?? "NOT_POOR", ethnicMinority: true, importId: batch.id,
        })),
      });
    }
  } finally {
    await db.$disconnect();
  }
  return stores;
}

/** `count` households in a village: the first `poor` poor (income under the line, 4 indicators lacking), then not poor. */
export function village(village: string, count: number, poor: number, keyPrefix = village): FixtureHousehold[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `${keyPrefix}-${i}`,
    village,
    income: i < poor ? 900_000 : 3_000_000,
    lacking: i < poor ? 4 : 0,
    category: i < poor ? "POOR" : "NOT_POOR",
  }));
}
