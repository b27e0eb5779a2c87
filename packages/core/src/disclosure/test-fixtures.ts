/**
 * Deterministic table generators shared by the disclosure tests: a seeded PRNG (so a failing property case can be
 * replayed from its seed), hierarchical category tables of any size, and the "primary suppression only" status that
 * every adversarial test attacks to prove its fixture is dangerous without secondary protection.
 */
import type { CategoryTableInput } from "./table-builder.ts";
import type { CellStatus, ProtectionProblem } from "./types.ts";

/** mulberry32: tiny, well-known 32-bit PRNG; quality is ample for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Publishes every publishable cell that is not primary-sensitive: what a naive release would do. */
export function primaryOnlyStatus(problem: ProtectionProblem): Map<string, CellStatus> {
  return new Map(problem.cells.filter((cell) => cell.publishable).map((cell) => [cell.id, cell.sensitive ? "SUPPRESSED" : "PUBLISHED"]));
}

export interface HierarchyShape {
  districts: number;
  communesPerDistrict: [min: number, max: number];
  villagesPerCommune: [min: number, max: number];
  households: [min: number, max: number];
  years: number[];
  /** In this year villages are also grouped into merged communes (pairs of old ones), both published. */
  reformYear?: number;
  /** Number of (village, consecutive years, poor) differencing pairs to add. */
  differencingPairs?: number;
}

/**
 * A poverty table (poor / nearPoor / hidden other) over province → district → commune → village, the same villages
 * every year with drifting counts.
 */
export function hierarchicalTable(random: () => number, shape: HierarchyShape, k = 5): CategoryTableInput {
  const villages: CategoryTableInput["villages"] = [];
  const groupings: CategoryTableInput["groupings"] = [];
  const communes: Array<{ code: string; district: string; villages: string[] }> = [];
  for (let d = 0; d < shape.districts; d++) {
    const communeCount = randomInt(random, ...shape.communesPerDistrict);
    for (let c = 0; c < communeCount; c++) {
      const code = `D${d}C${c}`;
      const villageCount = randomInt(random, ...shape.villagesPerCommune);
      communes.push({ code, district: `D${d}`, villages: Array.from({ length: villageCount }, (_, v) => `${code}V${v}`) });
    }
  }
  const base = new Map<string, { households: number; poorRate: number; nearRate: number }>();
  for (const village of communes.flatMap((commune) => commune.villages)) {
    base.set(village, { households: randomInt(random, ...shape.households), poorRate: random() * 0.4, nearRate: random() * 0.2 });
  }
  for (const year of shape.years) {
    for (const [village, b] of base) {
      const households = Math.max(0, b.households + randomInt(random, -2, 2));
      const poor = Math.min(households, Math.round(households * b.poorRate * (0.8 + 0.4 * random())));
      const nearPoor = Math.min(households - poor, Math.round(households * b.nearRate * (0.8 + 0.4 * random())));
      villages.push({ village, year, counts: [poor, nearPoor, households - poor - nearPoor] });
    }
    const byDistrict = new Map<string, string[]>();
    for (const commune of communes) {
      groupings.push({ unit: commune.code, year, villages: commune.villages });
      byDistrict.set(commune.district, [...(byDistrict.get(commune.district) ?? []), ...commune.villages]);
    }
    for (const [district, members] of byDistrict) groupings.push({ unit: district, year, villages: members });
    groupings.push({ unit: "P", year, villages: [...base.keys()] });
    if (year === shape.reformYear) {
      for (let c = 0; c + 1 < communes.length; c += 2) {
        groupings.push({ unit: `M${c}`, year, villages: [...communes[c]!.villages, ...communes[c + 1]!.villages] });
      }
    }
  }
  const differencing: NonNullable<CategoryTableInput["differencing"]> = [];
  const villageCodes = [...base.keys()];
  for (let i = 0; i < (shape.differencingPairs ?? 0) && shape.years.length > 1; i++) {
    const y = randomInt(random, 0, shape.years.length - 2);
    const unit = villageCodes[randomInt(random, 0, villageCodes.length - 1)]!;
    const pair = { unit, fromYear: shape.years[y]!, toYear: shape.years[y + 1]!, category: "poor" };
    if (!differencing.some((p) => p.unit === pair.unit && p.fromYear === pair.fromYear)) differencing.push(pair);
  }
  return {
    table: "poverty",
    categories: ["poor", "nearPoor", "other"],
    publishedCategories: ["poor", "nearPoor"],
    villages,
    groupings,
    differencing,
    k,
  };
}

/** One commune of four villages in 2024 (poor / near-poor / other), v1 with 2 poor households: the smallest table
 *  where history can make protection impossible. */
export const FOUR_VILLAGE_COMMUNE: CategoryTableInput = {
  table: "poverty",
  categories: ["poor", "nearPoor", "other"],
  publishedCategories: ["poor", "nearPoor"],
  k: 5,
  villages: [
    { village: "v1", year: 2024, counts: [2, 10, 30] },
    { village: "v2", year: 2024, counts: [9, 8, 40] },
    { village: "v3", year: 2024, counts: [12, 9, 25] },
    { village: "v4", year: 2024, counts: [30, 5, 35] },
  ],
  groupings: [{ unit: "c1", year: 2024, villages: ["v1", "v2", "v3", "v4"] }],
};
