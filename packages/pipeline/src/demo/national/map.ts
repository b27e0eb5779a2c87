/**
 * The whole country's administrative map as demo units: the country (VN), its six socio-economic regions, every
 * province, district and commune before the 2025 reform as dated units, and the 34 provinces and new communes from
 * 1 July 2025 linked to their predecessors. Why the same scheme as the Bắc Kạn demo had: a unit whose successor reuses
 * its code becomes `<code>.2025`; a unit the reform left as it was (same code, name, type and land) simply continues.
 */
import { COUNTRY_CODE, type AnyUnitLevel } from "@minhbach/core/units/levels.ts";
import { SOURCE_IDS } from "../sources.js";
import type { DemoChange, DemoParent, DemoUnit } from "../units.js";
import type { NationalData } from "./load.js";

export const REFORM_DATE = new Date("2025-07-01T00:00:00Z");
export const BEFORE_REFORM = new Date("2025-06-30T00:00:00Z");
/** Start of the demo's parent history: the first review it covers is carried out at the end of 2021. */
export const DEMO_START = new Date("2021-01-01T00:00:00Z");
export const LEGAL_1683 = "Nghị quyết 1683/NQ-UBTVQH15 ngày 16/06/2025";
export const LEGAL_202 = "Nghị quyết 202/2025/QH15 ngày 12/06/2025";
export const LEGAL_DISTRICTS = "Nghị quyết 203/2025/QH15 (sửa đổi Hiến pháp); Luật Tổ chức chính quyền địa phương số 72/2025/QH15";
/** The new Thái Nguyên (old 06 Bắc Kạn + old 19 Thái Nguyên), whose communes Resolution 1683 rearranged. */
export const THAI_NGUYEN = "19";

/** GSO's six socio-economic regions; names exactly as the official figures name them (official-figures import). */
export const REGIONS = [
  ["VN-1", "Đồng bằng sông Hồng"],
  ["VN-2", "Trung du và miền núi phía Bắc"],
  ["VN-3", "Bắc Trung Bộ và duyên hải miền Trung"],
  ["VN-4", "Tây Nguyên"],
  ["VN-5", "Đông Nam Bộ"],
  ["VN-6", "Đồng bằng sông Cửu Long"],
] as const;

export interface NationalMap {
  units: DemoUnit[];
  parents: DemoParent[];
  changes: DemoChange[];
  /** pre-reform GSO code → unit code (suffixed when a successor reused the code) */
  oldCode: (gso: string) => string;
  /** pre-reform commune GSO code → the codes of the new communes it went into */
  successors: Map<string, string[]>;
  /** pre-reform GSO codes of units the reform left unchanged (they continue, with no end date) */
  unchanged: Set<string>;
  /** old province → new province */
  newProvinceOf: Map<string, string>;
}

function unit(code: string, level: AnyUnitLevel, name: string, type: string, parentCode: string | null, validFrom: Date | null,
  validTo: Date | null, sourceId: string, gsoCode: string | null = code): DemoUnit {
  return { code, gsoCode, level, name, type, parentCode, validFrom, validTo, synthetic: false, sourceId };
}

/** The national map: every unit, parent link and reform change, from the committed national data. */
export function buildNationalMap(data: NationalData): NationalMap {
  const unchanged = unchangedUnits(data);
  const newCodes = new Set([...data.newProvinces.map((p) => p[0]), ...data.newCommunes.map((c) => c[0])]);
  const oldCode = (gso: string) => (newCodes.has(gso) && !unchanged.has(gso) ? `${gso}.2025` : gso);
  const map: NationalMap = { units: [], parents: [], changes: [], oldCode, successors: new Map(), unchanged, newProvinceOf: new Map() };
  for (const [code, name, type, from] of data.newProvinces) for (const old of from) map.newProvinceOf.set(old, code);
  map.units.push(unit(COUNTRY_CODE, "COUNTRY", "Việt Nam", "quốc gia", null, null, null, SOURCE_IDS.gsoUnits));
  // Regions hang from nothing and hold nothing: official regional figures attach to them, aggregation never sees them.
  for (const [code, name] of REGIONS) map.units.push(unit(code, "REGION", name, "vùng", null, null, null, SOURCE_IDS.gsoRegions));
  addOldUnits(data, map);
  addNewUnits(data, map);
  return map;
}

/** Units the reform kept as they were: one whole predecessor with the same code, name and type. */
function unchangedUnits(data: NationalData): Set<string> {
  const old = new Map<string, string>();
  for (const [code, name, type] of [...data.provinces, ...data.communes]) old.set(code, `${name}|${type}`);
  const partial = new Set(data.newCommunes.flatMap((c) => c[5]));
  const same = (code: string, name: string, type: string, whole: readonly string[]) =>
    whole.length === 1 && whole[0] === code && !partial.has(code) && old.get(code) === `${name}|${type}`;
  return new Set([
    ...data.newProvinces.filter(([code, name, type, from]) => same(code, name, type, from)).map((p) => p[0]),
    ...data.newCommunes.filter(([code, name, type, , whole, part]) => part.length === 0 && same(code, name, type, whole)).map((c) => c[0]),
  ]);
}

function addOldUnits(data: NationalData, map: NationalMap): void {
  const { oldCode, unchanged } = map;
  const gso = SOURCE_IDS.gsoUnits;
  const district = new Map(data.districts.map((d) => [d[0], d]));
  for (const c of data.newCommunes) for (const old of [...c[4], ...c[5]]) (map.successors.get(old) ?? map.successors.set(old, []).get(old)!).push(c[0]);
  for (const [code, name, type] of data.provinces) {
    const keeps = unchanged.has(code);
    map.units.push(unit(oldCode(code), "PROVINCE", name, type, COUNTRY_CODE, null, keeps ? null : BEFORE_REFORM, gso, code));
    map.parents.push({ unitCode: oldCode(code), parentCode: COUNTRY_CODE, validFrom: DEMO_START, validTo: keeps ? null : BEFORE_REFORM });
  }
  for (const [code, name, type, province] of data.districts) {
    map.units.push(unit(code, "DISTRICT", name, type, oldCode(province), null, BEFORE_REFORM, gso));
    map.parents.push({ unitCode: code, parentCode: oldCode(province), validFrom: DEMO_START, validTo: BEFORE_REFORM });
    // Island districts without communes became special zones whole: their change is the zone's (addNewUnits).
    if (map.successors.has(code)) continue;
    map.changes.push({ kind: "ABOLISH", fromCode: code, toCode: map.newProvinceOf.get(province)!, effectiveDate: REFORM_DATE,
      legalBasis: LEGAL_DISTRICTS, note: "District level ended on 2025-07-01; its communes sit directly under the province." });
  }
  for (const [code, name, type, districtCode] of data.communes) {
    const keeps = unchanged.has(code);
    const newProvince = map.newProvinceOf.get(district.get(districtCode)![3])!;
    map.units.push(unit(oldCode(code), "COMMUNE", name, type, keeps ? newProvince : districtCode, null, keeps ? null : BEFORE_REFORM, gso, code));
    map.parents.push({ unitCode: oldCode(code), parentCode: districtCode, validFrom: DEMO_START, validTo: BEFORE_REFORM });
    if (keeps) map.parents.push({ unitCode: code, parentCode: newProvince, validFrom: REFORM_DATE, validTo: null });
  }
}

function addNewUnits(data: NationalData, map: NationalMap): void {
  const { oldCode, unchanged } = map;
  for (const [code, name, type, from] of data.newProvinces) {
    if (unchanged.has(code)) continue;
    map.units.push(unit(code, "PROVINCE", name, type, COUNTRY_CODE, REFORM_DATE, null, SOURCE_IDS.resolution202));
    map.parents.push({ unitCode: code, parentCode: COUNTRY_CODE, validFrom: REFORM_DATE, validTo: null });
    for (const old of from) {
      map.changes.push({ kind: from.length > 1 ? "MERGE" : "RENAME", fromCode: oldCode(old), toCode: code, effectiveDate: REFORM_DATE, legalBasis: LEGAL_202, note: null });
    }
  }
  const provinceName = new Map(data.newProvinces.map((p) => [p[0], p[1]]));
  for (const [code, name, type, province, whole, part] of data.newCommunes) {
    if (unchanged.has(code)) continue;
    const t1683 = province === THAI_NGUYEN;
    map.units.push(unit(code, "COMMUNE", name, type, province, REFORM_DATE, null, t1683 ? SOURCE_IDS.resolution1683 : SOURCE_IDS.reformMapping));
    map.parents.push({ unitCode: code, parentCode: province, validFrom: REFORM_DATE, validTo: null });
    // Only Resolution 1683 (Thái Nguyên) was checked here; other provinces' resolutions are named, not numbered.
    const legalBasis = t1683 ? LEGAL_1683
      : `Nghị quyết của Ủy ban Thường vụ Quốc hội năm 2025 về sắp xếp đơn vị hành chính cấp xã của ${provinceName.get(province)} (theo bảng chuyển đổi dvhcvn/20250701)`;
    const kind = whole.length + part.length > 1 ? "MERGE" : "RENAME";
    for (const old of whole) map.changes.push({ kind, fromCode: oldCode(old), toCode: code, effectiveDate: REFORM_DATE, legalBasis, note: null });
    for (const old of part) {
      map.changes.push({ kind: "SPLIT", fromCode: oldCode(old), toCode: code, effectiveDate: REFORM_DATE, legalBasis,
        note: "Part of the old unit went into this one." });
    }
  }
}
