/**
 * The demo's administrative map as data: Bắc Kạn (06) with its real districts and communes, synthetic villages, and
 * the 2025 reform (districts end, 06 → Thái Nguyên 19, communes merged per Resolution 1683). Why one model: seeding,
 * household generation, geometry and the project files all need the same codes.
 */
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import type { UnitLevel } from "@minhbach/core/units/levels.ts";
import { COMMUNES, DISTRICTS, PROVINCE } from "./data/bac-kan-units.js";
import { REFORM_1683 } from "./data/reform-1683.js";
import { Rng } from "./random.js";
import { SOURCE_IDS } from "./sources.js";
import { villageNames } from "./village-names.js";

export const REFORM_DATE = new Date("2025-07-01T00:00:00Z");
export const BEFORE_REFORM = new Date("2025-06-30T00:00:00Z");
/** Start of the demo's parent history: the first review it covers is carried out at the end of 2021. */
export const DEMO_START = new Date("2021-01-01T00:00:00Z");
export const LEGAL_1683 = "Nghị quyết 1683/NQ-UBTVQH15 ngày 16/06/2025";
export const LEGAL_202 = "Nghị quyết 202/2025/QH15 ngày 12/06/2025";
export const LEGAL_DISTRICTS = "Nghị quyết 203/2025/QH15 (sửa đổi Hiến pháp); Luật Tổ chức chính quyền địa phương số 72/2025/QH15";
export const NEW_PROVINCE = { code: "19", name: "Thái Nguyên" } as const;
export const LUC_BINH = "01990";
/** The four villages of Lục Bình named in the seed article (names real; their household data synthetic). */
export const LUC_BINH_REAL_VILLAGES = ["Lủng Chang", "Nam Lanh Chang", "Bắc Lanh Chang", "Pác Chang"] as const;

export interface DemoUnit {
  code: string;
  gsoCode: string | null;
  level: UnitLevel;
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

export function buildDemoMap(seed: number): DemoMap {
  const units: DemoUnit[] = [];
  const parents: DemoParent[] = [];
  const changes: DemoChange[] = [];
  const communes: CommuneProfile[] = [];
  const newCodeOf = new Map<string, string>();
  for (const [code, , , from] of REFORM_1683) for (const old of from) newCodeOf.set(old, code);
  // A new commune that is the old one unchanged (Thượng Quan, item 91) simply continues under the new province.
  const unchanged = new Set(REFORM_1683.filter(([code, , , from]) => from.length === 1 && from[0] === code).map(([code]) => code));
  const reused = new Set(REFORM_1683.map(([code]) => code).filter((c) => !unchanged.has(c)));
  const oldCode = (gso: string) => (reused.has(gso) ? `${gso}.2025` : gso);

  const gso = SOURCE_IDS.gsoUnits;
  units.push(unit(PROVINCE.code, "PROVINCE", PROVINCE.name, "tỉnh", null, null, BEFORE_REFORM, gso));
  units.push(unit(NEW_PROVINCE.code, "PROVINCE", NEW_PROVINCE.name, "tỉnh", null, REFORM_DATE, null, SOURCE_IDS.resolution202));
  changes.push({
    kind: "MERGE", fromCode: PROVINCE.code, toCode: NEW_PROVINCE.code, effectiveDate: REFORM_DATE, legalBasis: LEGAL_202,
    note: "Bắc Kạn and Thái Nguyên merged into Thái Nguyên (19). In this demo, 19 holds only the former Bắc Kạn area; the former Thái Nguyên is not included.",
  });
  for (const d of DISTRICTS) {
    units.push(unit(d.code, "DISTRICT", d.name, d.type, PROVINCE.code, null, BEFORE_REFORM, gso));
    parents.push({ unitCode: d.code, parentCode: PROVINCE.code, validFrom: DEMO_START, validTo: BEFORE_REFORM });
    changes.push({ kind: "ABOLISH", fromCode: d.code, toCode: NEW_PROVINCE.code, effectiveDate: REFORM_DATE, legalBasis: LEGAL_DISTRICTS,
      note: "District level ended on 2025-07-01; its communes sit directly under the province." });
  }
  for (const [code, name, type, from] of REFORM_1683) {
    if (unchanged.has(code)) continue;
    units.push(unit(code, "COMMUNE", name, type, NEW_PROVINCE.code, REFORM_DATE, null, SOURCE_IDS.resolution1683));
    parents.push({ unitCode: code, parentCode: NEW_PROVINCE.code, validFrom: REFORM_DATE, validTo: null });
    for (const old of from) {
      changes.push({ kind: "MERGE", fromCode: oldCode(old), toCode: code, effectiveDate: REFORM_DATE, legalBasis: LEGAL_1683, note: null });
    }
  }
  const rng = new Rng(seed, "units");
  for (const [gsoCode, name, type, district] of COMMUNES) {
    const code = oldCode(gsoCode);
    const newCode = newCodeOf.get(gsoCode);
    if (!newCode) throw new Error(`Commune ${gsoCode} has no row in the reform mapping`);
    const keeps = unchanged.has(gsoCode);
    units.push({
      ...unit(code, "COMMUNE", name, type, keeps ? NEW_PROVINCE.code : district, null, keeps ? null : BEFORE_REFORM, gso),
      gsoCode,
    });
    parents.push({ unitCode: code, parentCode: district, validFrom: DEMO_START, validTo: BEFORE_REFORM });
    if (keeps) parents.push({ unitCode: code, parentCode: NEW_PROVINCE.code, validFrom: REFORM_DATE, validTo: null });
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
        ...unit(vCode, "VILLAGE", v.name, v.type, keeps ? code : newCode, null, null, v.synthetic ? SOURCE_IDS.generator : SOURCE_IDS.article),
        synthetic: v.synthetic,
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
  return { units, parents, changes, communes };
}

function unit(code: string, level: UnitLevel, name: string, type: string, parentCode: string | null, validFrom: Date | null,
  validTo: Date | null, sourceId: string): DemoUnit {
  return { code, gsoCode: level === "VILLAGE" ? null : code, level, name, type, parentCode, validFrom, validTo, synthetic: false, sourceId };
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

export function nameAscii(name: string): string {
  return foldVietnamese(name);
}
