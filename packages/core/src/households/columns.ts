/**
 * The household review file format: one row per household per yearly review. Headers are Vietnamese (what commune
 * officers type); matching ignores case and diacritics, and the English key is accepted too. Why a shared spec: the
 * template writer, the importer and the demo generator must agree on it exactly.
 */
import { INDICATORS } from "../standards/indicators.js";

export interface ColumnSpec {
  key: string;
  headerVi: string;
  required: boolean;
  description: string;
  /** Other headers seen in real files for this column (matched like headerVi: case, diacritics, spacing ignored). */
  aliases?: readonly string[];
}

export const BASE_COLUMNS: readonly ColumnSpec[] = [
  { key: "household_id", headerVi: "Mã hộ", required: true, aliases: ["Mã số hộ", "Mã hộ gia đình"], description: "Household id in the commune's list (stored only as a keyed hash)" },
  { key: "village_code", headerVi: "Mã thôn", required: true, aliases: ["Mã thôn/bản", "Mã thôn, bản, tổ dân phố"], description: "Village code, e.g. 01990-03" },
  { key: "area", headerVi: "Khu vực", required: true, aliases: ["Thành thị/Nông thôn", "Khu vực (thành thị/nông thôn)"], description: "nông thôn (rural) or thành thị (urban)" },
  { key: "size", headerVi: "Số nhân khẩu", required: true, aliases: ["Nhân khẩu", "Số khẩu", "Số thành viên"], description: "Household members, 1–50" },
  { key: "income_per_person_month", headerVi: "Thu nhập bình quân (đồng/người/tháng)", required: false, aliases: ["Thu nhập bình quân", "Thu nhập bình quân đầu người", "Thu nhập (đồng/người/tháng)"], description: "VND per person per month" },
  { key: "a_score", headerVi: "Điểm A", required: false, aliases: ["Tổng điểm A"], description: "Official A score, when income is not given" },
  { key: "review_category", headerVi: "Phân loại", required: true, aliases: ["Phân loại hộ", "Kết quả rà soát"], description: "Review category (see REVIEW_CATEGORIES)" },
  { key: "ethnic_minority", headerVi: "Dân tộc thiểu số", required: true, aliases: ["DTTS", "Hộ dân tộc thiểu số"], description: "1/có if an ethnic-minority household, else 0/không" },
];

/** One 0/1 column per indicator of the catalogue; a standard uses its subset, the others may be blank. */
export const INDICATOR_COLUMNS: readonly ColumnSpec[] = INDICATORS.map((i) => ({
  key: `lacks_${i.code.toLowerCase()}`,
  headerVi: `Thiếu hụt: ${i.labelVi}`,
  required: false,
  aliases: [i.labelVi, i.code],
  description: `1 if the household lacks "${i.labelEn}"`,
}));

export const HOUSEHOLD_COLUMNS: readonly ColumnSpec[] = [...BASE_COLUMNS, ...INDICATOR_COLUMNS];

/** Review categories recorded by the yearly review, with the words used in files. */
export const REVIEW_CATEGORIES = [
  { code: "POOR", vi: "nghèo", en: "poor" },
  { code: "NEAR_POOR", vi: "cận nghèo", en: "near-poor" },
  { code: "NEWLY_POOR", vi: "nghèo phát sinh", en: "newly poor" },
  { code: "RE_POOR", vi: "tái nghèo", en: "fell back into poverty" },
  { code: "NEWLY_NEAR_POOR", vi: "cận nghèo phát sinh", en: "newly near-poor" },
  { code: "RE_NEAR_POOR", vi: "tái cận nghèo", en: "fell back into near-poverty" },
  { code: "ESCAPED_POOR", vi: "thoát nghèo", en: "escaped poverty" },
  { code: "ESCAPED_NEAR_POOR", vi: "thoát cận nghèo", en: "escaped near-poverty" },
  { code: "NOT_POOR", vi: "không nghèo", en: "not poor" },
] as const;

export type ReviewCategory = (typeof REVIEW_CATEGORIES)[number]["code"];
