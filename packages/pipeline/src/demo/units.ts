/**
 * The demo's administrative map as data: the whole country from the committed national data (national/map.ts), and
 * inside it the Bắc Kạn (06) demo: synthetic villages in its real communes, which follow the 2025 reform (districts end,
 * 06 → Thái Nguyên 19, communes merged per Resolution 1683). Why one model: seeding, household generation, geometry and
 * the project files all need the same codes.
 */
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import type { AnyUnitLevel } from "@minhbach/core/units/levels.ts";
import { loadNational, type NationalData } from "./national/load.js";
import { BEFORE_REFORM, DEMO_START, REFORM_DATE, buildNationalMap } from "./national/map.js";
import { Rng } from "./random.js";
import { SOURCE_IDS } from "./sources.js";
import { villageNames } from "./village-names.js";

export { BEFORE_REFORM, DEMO_START, LEGAL_1683, LEGAL_202, LEGAL_DISTRICTS, REFORM_DATE } from "./national/map.js";
/** The province of the household demo (the only one with villages and household data). */
export const DEMO_PROVINCE = "06";
export const NEW_PROVINCE = { code: "19", name: "Thái Nguyên" } as const;
export const LUC_BINH = "01990";
/** The four villages of Lục Bình named in the seed article (names real; their household data synthetic). */
export const LUC_BINH_REAL_VILLAGES = ["Lủng Chang", "Nam Lanh Chang", "Bắc Lanh Chang", "Pác Chang"] as const;

export interface DemoUnit {
  code: string;
  gsoCode: string | null;
  level: AnyUnitLevel;
  name: string;
  type: string;
  parentCode: string | null;
  validFrom: Date | null;
  validTo: Date | null;
  synthetic: boolean;
  sourceId: string;
}

export interface DemoParent { unitCode: string; parentCode: string; validFrom: Date; validTo: Date | null }
export interface DemoChange { kind: string; fromCode: string; toCode: string; effectiveDate: Date; legalBasis: string; note: string | null }

/** What the household generator needs to know about an old (pre-reform) commune. */
export interface CommuneProfile {
  gsoCode: string;
  code: string; // unit code (suffixed when the successor reused the GSO code)
  name: string;
  districtCode: string;
  newCode: string;
  urban: boolean;
  remoteness: number; // 0 (city) … 1 (most remote)
  villages: string[]; // village codes
}

export interface DemoMap {
  units: DemoUnit[];
  parents: DemoParent[];
  changes: DemoChange[];
  communes: CommuneProfile[];
}

const DISTRICT_REMOTENESS: Record<string, number> = { "058": 0.1, "065": 0.35, "063": 0.45, "064": 0.55, "066": 0.6, "062": 0.65, "061": 0.65, "060": 0.9 };

export function buildDemoMap(seed: number, national: NationalData = loadNational()): DemoMap {
  const map = buildNationalMap(national);
  const { units, parents } = map;
  const communes: CommuneProfile[] = [];
  const districts = new Set(national.districts.filter((d) => d[3] === DEMO_PROVINCE).map((d) => d[0]));
  const rng = new Rng(seed, "units");
  for (const [gsoCode, name, type, district] of national.communes) {
    if (!districts.has(district)) continue;
    const code = map.oldCode(gsoCode);
    const next = map.successors.get(gsoCode) ?? [];
    if (next.length !== 1) throw new Error(`Demo commune ${gsoCode} goes into ${next.length} new communes; the demo expects one`);
    const newCode = next[0]!;
    const keeps = map.unchanged.has(gsoCode);
    const urban = type === "phường" || type === "thị trấn";
    const jitter = rng.uniform(-0.15, 0.15);
    // Lục Bình lies next to the district town: less remote than its district (a demo assumption).
    const remoteness = gsoCode === LUC_BINH ? 0.3 : clamp(DISTRICT_REMOTENESS[district]! - (urban ? 0.3 : 0) + jitter, 0, 1);
    const profile: CommuneProfile = { gsoCode, code, name, districtCode: district, newCode, urban, remoteness, villages: [] };
    const real = gsoCode === LUC_BINH ? [...LUC_BINH_REAL_VILLAGES] : [];
    const count = gsoCode === LUC_BINH ? 11 : rng.int(5, 14);
    const names = [
      ...real.map((n) => ({ name: n, type: "thôn", synthetic: false })),
      ...villageNames(rng, count - real.length, urban, remoteness, real).map((v) => ({ ...v, synthetic: true })),
    ];
    names.forEach((v, i) => {
      const vCode = `${gsoCode}-${String(i + 1).padStart(2, "0")}`;
      profile.villages.push(vCode);
      units.push({
        code: vCode, gsoCode: null, level: "VILLAGE", name: v.name, type: v.type, parentCode: keeps ? code : newCode, validFrom: null,
        validTo: null, synthetic: v.synthetic, sourceId: v.synthetic ? SOURCE_IDS.generator : SOURCE_IDS.article,
      });
      if (keeps) {
        parents.push({ unitCode: vCode, parentCode: code, validFrom: DEMO_START, validTo: null });
      } else {
        parents.push({ unitCode: vCode, parentCode: code, validFrom: DEMO_START, validTo: BEFORE_REFORM });
        parents.push({ unitCode: vCode, parentCode: newCode, validFrom: REFORM_DATE, validTo: null });
      }
    });
    communes.push(profile);
  }
  return { units, parents, changes: map.changes, communes };
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

export function nameAscii(name: string): string {
  return foldVietnamese(name);
}
