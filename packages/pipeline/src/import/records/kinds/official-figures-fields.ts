/**
 * Columns and cell readers of the officially reported figures files (docs/import-format-records.md, "Official
 * figures"). Why apart from the kind: the two layouts (province file; national and regional file) share one column
 * list, and their cells need readers the other record kinds do not: optional counts, percentages and partial dates.
 */
import type { ColumnSpec } from "@minhbach/core/households/columns.ts";
import type { RowFields } from "../fields.js";

const col = (key: string, headerVi: string, description: string, aliases?: string[]): ColumnSpec => ({
  key, headerVi, required: false, description, ...(aliases ? { aliases } : {}),
});

export const OFFICIAL_FIGURE_QUALITIES = ["REPORTED", "PRELIMINARY", "SECONDARY", "UNCERTAIN"] as const;
export type OfficialFigureQuality = (typeof OFFICIAL_FIGURE_QUALITIES)[number];

/** Both layouts in one list: a row names its unit either by `province_code` or by `level` and `name`. Only the columns
 *  every row needs are required; which unit columns a row must fill is checked per row. */
export const OFFICIAL_FIGURE_COLUMNS: readonly ColumnSpec[] = [
  col("province_code", "Mã tỉnh", "Province file: GSO code of the province before 2025 (2 digits), e.g. 64"),
  col("province_name", "Tên tỉnh", "Province file: the province's name (checked against the unit list: a warning if it differs)"),
  col("level", "Cấp", "National and regional file: national (the whole country) or region"),
  col("name", "Tên", "National and regional file: Toàn quốc, or the region's name (e.g. Tây Nguyên)"),
  { ...col("review_year", "Năm rà soát", "Review year: the review at the end of that year, e.g. 2023"), required: true },
  col("poor_households", "Số hộ nghèo", "Poor households; empty when the source gives none"),
  col("poor_rate_pct", "Tỷ lệ hộ nghèo (%)", "Poor households in % of all households, as the source gives it (8.11 for 8.11 %)"),
  col("near_poor_households", "Số hộ cận nghèo", "Near-poor households; empty when the source gives none"),
  col("near_poor_rate_pct", "Tỷ lệ hộ cận nghèo (%)", "Near-poor households in % of all households"),
  col("poor_plus_near_households", "Số hộ nghèo và cận nghèo", "Poor and near-poor households together, when the source gives the sum"),
  col("multidimensional_poverty_rate_pct", "Tỷ lệ hộ nghèo và cận nghèo (%)", "Poor and near-poor in % (the multidimensional poverty rate)"),
  col("total_households", "Tổng số hộ", "All households of the unit; empty when the source gives none"),
  col("quality", "Chất lượng", "reported, preliminary, secondary or uncertain (province file: required; national file: reported when absent)"),
  col("quality_note", "Ghi chú chất lượng", "Why the quality is what it is, or what to know about the figure"),
  { ...col("source_title", "Tiêu đề nguồn", "Title of the article, report or decision"), required: true },
  { ...col("source_publisher", "Cơ quan phát hành nguồn", "Publisher of the source"), required: true },
  col("source_date", "Ngày nguồn", "Date of the source, as precise as it is known: YYYY-MM-DD, DD/MM/YYYY, YYYY-MM, YYYY, or a period (2022-11/12)"),
  col("source_url", "Đường dẫn nguồn", "http(s) address of the source"),
];

/** An optional whole count: blank is null ("not found"), never 0. */
export function optionalCount(f: RowFields, key: string): number | null | undefined {
  return f.text(key) === undefined ? null : f.int(key);
}

/** An optional percentage in [0, 100] with at most 4 decimals, "8.11" or "8,11"; blank is null. */
export function optionalRate(f: RowFields, key: string): number | null | undefined {
  const v = f.text(key);
  if (v === undefined) return null;
  if (!/^\d{1,3}([.,]\d{1,4})?$/.test(v)) return f.problem(key, `"${v.slice(0, 40)}" is not a percentage (write 8.11 for 8.11 %, without the % sign)`);
  const rate = Number(v.replace(",", "."));
  if (rate > 100) return f.problem(key, `${rate} is above 100 %`);
  return rate;
}

export interface SourceDate {
  /** As precise as the source gives it: YYYY, YYYY-MM, YYYY-MM-DD, or a period such as 2022-11/12. */
  text: string;
  /** The full date, when the source gives a day (Source.date); null for a year, a month or a period. */
  date: Date | null;
}

/** YYYY or YYYY-MM, then optionally "/" and the period's end: YYYY, MM or YYYY-MM (2022/2023, 2022-11/12, 2024-12/2025-01). */
const PARTIAL_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2]))?(?:\/(?:(\d{4})(?:-(0[1-9]|1[0-2]))?|(0[1-9]|1[0-2])))?$/;

/** `source_date`: a day (YYYY-MM-DD or DD/MM/YYYY), a month, a year or a period; blank is null. Why partial dates:
 *  many articles are known by month or year only, and inventing a day would claim a precision the source lacks. */
export function sourceDate(f: RowFields, key: string): SourceDate | null | undefined {
  const v = f.text(key);
  if (v === undefined) return null;
  const partial = PARTIAL_DATE.exec(v);
  if (partial) {
    const years = [partial[1], partial[3]].filter((y) => y !== undefined).map(Number);
    const outside = years.find((y) => y < 2000 || y > 2050);
    if (outside !== undefined) return f.problem(key, `year ${outside} is outside 2000–2050`);
    return { text: v, date: null };
  }
  if (!/^\d{4}-\d{2}-\d{2}$|^\d{1,2}\/\d{1,2}\/\d{4}$/.test(v)) {
    return f.problem(key, `"${v.slice(0, 40)}" is not a date (YYYY-MM-DD, DD/MM/YYYY, YYYY-MM, YYYY, or a period such as 2022-11/12)`);
  }
  const date = f.date(key);
  return date === undefined ? undefined : { text: date.toISOString().slice(0, 10), date };
}

/** `source_url`: blank, or an http(s) address without spaces. */
export function sourceUrl(f: RowFields, key: string): string | null | undefined {
  const url = f.text(key, { max: 2000 });
  if (url === undefined) return null;
  if (!/^https?:\/\/\S+$/.test(url)) return f.problem(key, "must start with http:// or https:// and contain no spaces");
  return url;
}
