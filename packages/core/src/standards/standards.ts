/**
 * The national multidimensional poverty standards as versioned data: income lines, indicators (by catalogue code) and
 * the classification rule. Why data: a new decree is a new entry here, never a code branch, and a release can cite
 * exactly which standard (id, legal basis) produced each figure.
 */
import { INDICATORS, type IndicatorDef } from "./indicators.js";

export type HouseholdClass = "POOR" | "NEAR_POOR" | "NOT_POOR";

/** A class is assigned when income is at most the line and the count of lacking indicators reaches `minLacking`. */
export interface ClassRule {
  class: Exclude<HouseholdClass, "NOT_POOR">;
  minLacking: number;
}

export interface StandardDimension {
  nameVi: string;
  nameEn: string;
  indicators: readonly string[];
}

export interface PovertyStandard {
  id: string;
  nameVi: string;
  nameEn: string;
  legalBasis: string;
  /** Official text, when we have a stable address for it; null rather than a guessed link. */
  sourceUrl: string | null;
  /** Review years (inclusive) this standard applies to; see docs/contracts.md. */
  firstYear: number;
  lastYear: number;
  /** Income lines, VND per person per month. */
  incomeLine: { rural: number; urban: number };
  /** Indicator codes from the catalogue (indicators.ts), in catalogue order. */
  indicators: readonly string[];
  /** Bit mask over the catalogue of the indicators this standard counts. */
  indicatorMask: number;
  dimensions: readonly StandardDimension[];
  /** Tried in order; the first that matches wins, else NOT_POOR. */
  rules: readonly ClassRule[];
  /**
   * A-score thresholds (official proxy score used when income is not surveyed). null: we have not sourced them, so
   * classification requires income (see classify.ts and docs/import-format.md).
   */
  aScoreThreshold: { rural: number; urban: number } | null;
}

function define(
  base: Omit<PovertyStandard, "indicatorMask" | "dimensions" | "indicators"> & { indicators: readonly string[] },
): PovertyStandard {
  const defs: IndicatorDef[] = base.indicators.map((code) => {
    const def = INDICATORS.find((i) => i.code === code);
    if (!def) throw new Error(`Standard ${base.id}: unknown indicator ${code}`);
    return def;
  });
  defs.sort((a, b) => a.bit - b.bit);
  const dimensions: StandardDimension[] = [];
  for (const d of defs) {
    let dim = dimensions.find((x) => x.nameEn === d.dimensionEn);
    if (!dim) dimensions.push((dim = { nameVi: d.dimensionVi, nameEn: d.dimensionEn, indicators: [] }));
    (dim.indicators as string[]).push(d.code);
  }
  return {
    ...base,
    indicators: defs.map((d) => d.code),
    indicatorMask: defs.reduce((m, d) => m | (1 << d.bit), 0),
    dimensions,
  };
}

/** Decree 07's rule, kept by Decree 351: at or under the income line, 3+ lacking indicators is poor, fewer is near-poor. */
const RULES: readonly ClassRule[] = [
  { class: "POOR", minLacking: 3 },
  { class: "NEAR_POOR", minLacking: 0 },
];

export const STANDARDS: readonly PovertyStandard[] = [
  define({
    id: "ND07-2021",
    nameVi: "Chuẩn nghèo đa chiều giai đoạn 2021–2025",
    nameEn: "Multidimensional poverty standard 2021–2025",
    legalBasis: "Nghị định 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ (sửa đổi, bổ sung bởi Nghị định 30/2025/NĐ-CP)",
    sourceUrl: null,
    firstYear: 2021,
    lastYear: 2026,
    incomeLine: { rural: 1_500_000, urban: 2_000_000 },
    indicators: [
      "EMPLOYMENT", "DEPENDANTS", "NUTRITION", "HEALTH_INSURANCE", "ADULT_EDUCATION", "CHILD_SCHOOL_ATTENDANCE",
      "HOUSING_QUALITY", "HOUSING_AREA", "DOMESTIC_WATER", "LATRINE", "TELECOM", "INFORMATION_ACCESS",
    ],
    rules: RULES,
    aScoreThreshold: null,
  }),
  define({
    id: "ND351-2025",
    nameVi: "Chuẩn nghèo đa chiều giai đoạn 2026–2030",
    nameEn: "Multidimensional poverty standard 2026–2030",
    legalBasis: "Nghị định 351/2025/NĐ-CP của Chính phủ",
    sourceUrl: null,
    firstYear: 2027,
    lastYear: 2030,
    incomeLine: { rural: 2_200_000, urban: 2_800_000 },
    indicators: [
      "EMPLOYMENT", "DEPENDANTS", "NUTRITION", "HEALTH_INSURANCE", "ADULT_EDUCATION", "CHILD_SCHOOL_ATTENDANCE",
      "HOUSING_QUALITY", "HOUSING_AREA", "DOMESTIC_WATER", "LATRINE", "TELECOM", "DIGITAL_SERVICES", "WASTE_TREATMENT",
    ],
    rules: RULES,
    aScoreThreshold: null,
  }),
];

/** The standard for a review year; throws when no standard covers the year. */
export function standardForYear(year: number): PovertyStandard {
  const s = STANDARDS.find((x) => year >= x.firstYear && year <= x.lastYear);
  if (!s) {
    const known = STANDARDS.map((x) => `${x.id} (${x.firstYear}–${x.lastYear})`).join(", ");
    throw new Error(`No poverty standard covers review year ${year}; known standards: ${known}`);
  }
  return s;
}

export function standardById(id: string): PovertyStandard | undefined {
  return STANDARDS.find((s) => s.id === id);
}
