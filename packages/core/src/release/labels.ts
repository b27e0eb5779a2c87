/**
 * Vietnamese and English words for what a release publishes: measures, statuses, the hidden-figure note, coverage,
 * unit types, project statuses. Why here: the API and the portal must say the same thing in the same words.
 */
import { foldVietnamese } from "../units/fold.js";

export type Lang = "VI" | "EN";

type Words = Record<Lang, string>;

export const MEASURE_LABELS: Record<string, Words> = {
  households: { VI: "Tổng số hộ", EN: "Households" },
  poor: { VI: "Hộ nghèo", EN: "Poor households" },
  nearPoor: { VI: "Hộ cận nghèo", EN: "Near-poor households" },
  newlyPoor: { VI: "Hộ nghèo phát sinh", EN: "Newly poor households" },
  rePoor: { VI: "Hộ tái nghèo", EN: "Households falling back into poverty" },
  escapedPoor: { VI: "Hộ thoát nghèo", EN: "Households that escaped poverty" },
  newlyNearPoor: { VI: "Hộ cận nghèo phát sinh", EN: "Newly near-poor households" },
  escapedNearPoor: { VI: "Hộ thoát cận nghèo", EN: "Households that escaped near-poverty" },
  projectParticipants: { VI: "Hộ tham gia dự án", EN: "Households taking part in projects" },
  poorRate: { VI: "Tỷ lệ hộ nghèo", EN: "Poverty rate" },
  nearPoorRate: { VI: "Tỷ lệ hộ cận nghèo", EN: "Near-poverty rate" },
  loanTurns: { VI: "Lượt vay", EN: "Loan turns" },
  outstandingVnd: { VI: "Dư nợ (đồng)", EN: "Outstanding loans (VND)" },
  domestic: { VI: "Việc làm trong nước", EN: "Jobs in Vietnam" },
  abroad: { VI: "Đi làm việc ở nước ngoài", EN: "Workers sent abroad" },
};

export const LEVEL_LABELS: Record<string, Words> = {
  COUNTRY: { VI: "Quốc gia", EN: "Country" },
  REGION: { VI: "Vùng", EN: "Region" },
  PROVINCE: { VI: "Tỉnh", EN: "Province" },
  DISTRICT: { VI: "Huyện", EN: "District" },
  COMMUNE: { VI: "Xã", EN: "Commune" },
  VILLAGE: { VI: "Thôn", EN: "Village" },
};

/** Unit types as the GSO names them (PubUnit.type). Unknown types are shown as stored. */
export const UNIT_TYPE_LABELS: Record<string, Words> = {
  QUOC_GIA: { VI: "Quốc gia", EN: "Country" },
  VUNG: { VI: "Vùng kinh tế - xã hội", EN: "Socio-economic region" },
  TINH: { VI: "Tỉnh", EN: "Province" },
  THANH_PHO_TRUNG_UONG: { VI: "Thành phố trực thuộc trung ương", EN: "Centrally governed city" },
  HUYEN: { VI: "Huyện", EN: "Rural district" },
  THANH_PHO: { VI: "Thành phố", EN: "City" },
  THI_XA: { VI: "Thị xã", EN: "Town" },
  QUAN: { VI: "Quận", EN: "Urban district" },
  XA: { VI: "Xã", EN: "Commune" },
  PHUONG: { VI: "Phường", EN: "Ward" },
  THI_TRAN: { VI: "Thị trấn", EN: "Township" },
  DAC_KHU: { VI: "Đặc khu", EN: "Special zone" },
  THON: { VI: "Thôn", EN: "Village" },
  BAN: { VI: "Bản", EN: "Hamlet" },
  TO_DAN_PHO: { VI: "Tổ dân phố", EN: "Residential group" },
};

/** The stored Vietnamese word (folded) → type code. Why: the API fixture stores GSO codes (XA, THI_TRAN) while the demo
 *  and real imports store the word ("xã", "thị trấn"); both must read "Xã" / "Commune", never "xã" in English. */
const UNIT_TYPE_BY_WORD = new Map(Object.entries(UNIT_TYPE_LABELS).map(([code, w]) => [foldVietnamese(w.VI), code]));

/** "xã" or "XA" → "Xã" (VI) / "Commune" (EN); an unknown type is shown as stored, capitalised. */
export function unitTypeLabel(type: string | null | undefined, lang: Lang): string {
  if (!type) return "";
  const code = UNIT_TYPE_LABELS[type] ? type : UNIT_TYPE_BY_WORD.get(foldVietnamese(type));
  if (code) return UNIT_TYPE_LABELS[code]![lang];
  return type.charAt(0).toLocaleUpperCase("vi") + type.slice(1);
}

/** A figure's status in words, for spreadsheets (the API and the CSV keep the codes). */
export const STATUS_LABELS: Record<string, Words> = {
  PUBLISHED: { VI: "Đã công bố", EN: "Published" },
  SUPPRESSED: { VI: "Ẩn", EN: "Hidden" },
  NOT_AVAILABLE: { VI: "Không có số liệu", EN: "Not available" },
};

export const PROJECT_STATUS_LABELS: Record<string, Words> = {
  PLANNED: { VI: "Kế hoạch", EN: "Planned" },
  ONGOING: { VI: "Đang thực hiện", EN: "Ongoing" },
  COMPLETED: { VI: "Đã hoàn thành", EN: "Completed" },
  CANCELLED: { VI: "Đã hủy", EN: "Cancelled" },
};

export const FUNDING_SOURCE_LABELS: Record<string, Words> = {
  CENTRAL: { VI: "Ngân sách trung ương", EN: "Central budget" },
  LOCAL: { VI: "Ngân sách địa phương", EN: "Local budget" },
  CREDIT: { VI: "Vốn tín dụng chính sách", EN: "Policy credit" },
  PEOPLE: { VI: "Vốn đối ứng của người dân", EN: "People's contribution" },
  OTHER: { VI: "Nguồn khác", EN: "Other sources" },
};

export const CHANGE_KIND_LABELS: Record<string, Words> = {
  MERGE: { VI: "Sáp nhập", EN: "Merger" },
  SPLIT: { VI: "Chia tách", EN: "Split" },
  RENAME: { VI: "Đổi tên", EN: "Renaming" },
  TRANSFER: { VI: "Điều chỉnh địa giới", EN: "Boundary transfer" },
  ABOLISH: { VI: "Giải thể", EN: "Abolition" },
};

/**
 * The one note every hidden figure carries, in each language. Why one text and no per-cell reason: a reason such as
 * "fewer than k households" is a constraint on the hidden count; an outside audit pinned 89 hidden counts exactly
 * from such reasons. Which rule hid a figure stays in the private store. `k` is the release's minimum group size
 * (a public parameter of the release, the same for every cell).
 */
export function suppressionNote(lang: Lang, k?: number): string {
  const kText = k === undefined ? "k" : String(k);
  return lang === "VI"
    ? `Ẩn để bảo vệ hộ gia đình (quy tắc công bố tối thiểu ${kText} hộ)`
    : `Hidden to protect households (minimum ${kText} households rule)`;
}

/** Children that reported in a review year against those that existed then (null for villages). */
export interface CoverageLike {
  reported: number;
  expected: number;
}

export const isCompleteCoverage = (c: CoverageLike | null | undefined): boolean => !c || c.reported >= c.expected;

/**
 * Why an incomplete unit-year shows no figure: "3/11 thôn đã báo cáo năm 2026: chưa đủ để tính tổng". `childLevel` is
 * the level of the children counted (VILLAGE for a commune, COMMUNE for a district or province).
 */
export function coverageNote(c: CoverageLike, year: number, childLevel: string, lang: Lang): string {
  const village = childLevel === "VILLAGE";
  return lang === "VI"
    ? `${c.reported}/${c.expected} ${village ? "thôn" : "xã"} đã báo cáo năm ${year}: chưa đủ để tính tổng`
    : `${c.reported} of ${c.expected} ${village ? "villages" : "communes"} reported in ${year}: no total`;
}

/** A short label for a partial year's row or column: "chưa đủ số liệu (3/11 thôn)" / "incomplete (3 of 11 villages)". */
export function partialLabel(c: CoverageLike, childLevel: string, lang: Lang): string {
  const village = childLevel === "VILLAGE";
  return lang === "VI"
    ? `chưa đủ số liệu (${c.reported}/${c.expected} ${village ? "thôn" : "xã"})`
    : `incomplete (${c.reported} of ${c.expected} ${village ? "villages" : "communes"})`;
}

/** The level whose units a unit's coverage counts: villages for a commune, communes for a district or province. */
export function coverageChildLevel(level: string): string {
  return level === "COMMUNE" ? "VILLAGE" : "COMMUNE";
}

export function notAvailableNote(lang: Lang): string {
  return lang === "VI" ? "Không có số liệu cho đơn vị và năm này." : "No data for this unit and year.";
}

/** A label from a table, falling back to the stored code so nothing is ever blank. */
export function labelOf(table: Record<string, Words>, code: string | null | undefined, lang: Lang): string | null {
  if (code === null || code === undefined) return null;
  return table[code]?.[lang] ?? code;
}
