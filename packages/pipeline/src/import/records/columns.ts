/**
 * Column specs of the record files (everything but households), as in docs/contracts.md. Why one place: the importers,
 * a future template writer and the demo generator must agree on keys and Vietnamese headers.
 */
import type { ColumnSpec } from "@minhbach/core/households/columns.ts";

const col = (key: string, headerVi: string, required: boolean, description: string, aliases?: string[]): ColumnSpec => ({
  key,
  headerVi,
  required,
  description,
  ...(aliases ? { aliases } : {}),
});

const SYNTHETIC = col("synthetic", "Dữ liệu giả lập", true, "1 for made-up (demo) rows, 0 for rows from a cited source");
const SOURCE_IDS = col("source_ids", "Mã nguồn", false, "Source ids separated by ';' (each must have been imported)", ["Nguồn"]);
const UNIT_CODE = col("unit_code", "Mã đơn vị", true, "GSO code of an existing unit, or a village code");
const YEAR = col("year", "Năm", true, "Year, e.g. 2024");

export const SOURCE_COLUMNS: readonly ColumnSpec[] = [
  col("id", "Mã nguồn", true, "Short stable id, e.g. vnexpress-2024-luc-binh"),
  col("title", "Tiêu đề", true, "Title of the article, report or legal text"),
  col("publisher", "Cơ quan phát hành", true, "Publisher"),
  col("url", "Đường dẫn", false, "http(s) address"),
  col("date", "Ngày", false, "Publication date, YYYY-MM-DD or DD/MM/YYYY"),
  col("kind", "Loại", true, "ARTICLE, OFFICIAL_REPORT, LEGAL, DATASET or SYNTHETIC"),
  SYNTHETIC,
];

export const PROJECT_COLUMNS: readonly ColumnSpec[] = [
  col("code", "Mã dự án", true, "Project code, unique"),
  col("name", "Tên dự án", true, "Project name"),
  col("programme", "Chương trình", false, "Programme, e.g. CTMTQG giảm nghèo bền vững"),
  col("component", "Dự án thành phần", false, 'Component, e.g. "Dự án 2"'),
  col("village_codes", "Mã thôn", false, "Village codes separated by ';'"),
  col("start_date", "Ngày bắt đầu", false, "YYYY-MM-DD or DD/MM/YYYY"),
  col("end_date", "Ngày kết thúc", false, "YYYY-MM-DD or DD/MM/YYYY"),
  col("status", "Trạng thái", false, "PLANNED, ONGOING, COMPLETED or CANCELLED"),
  col("decision_ref", "Số quyết định", false, "Number of the approving decision"),
  SYNTHETIC,
  SOURCE_IDS,
];

export const PROJECT_FUNDING_COLUMNS: readonly ColumnSpec[] = [
  col("project_code", "Mã dự án", true, "Code of an imported project"),
  col("funding_source", "Nguồn vốn", true, "CENTRAL, LOCAL, CREDIT, PEOPLE or OTHER"),
  col("budget_vnd", "Kinh phí (đồng)", true, "Budget in VND (integer)", ["Kinh phí"]),
  col("disbursed_vnd", "Đã giải ngân (đồng)", true, "Disbursed so far in VND (integer)", ["Đã giải ngân"]),
];

export const PROJECT_PARTICIPANT_COLUMNS: readonly ColumnSpec[] = [
  col("project_code", "Mã dự án", true, "Code of an imported project"),
  col("household_id", "Mã hộ", true, "Household id as in the review file (stored only as a keyed hash)"),
  col("village_code", "Mã thôn", true, "Code of an existing village"),
];

export const CREDIT_COLUMNS: readonly ColumnSpec[] = [
  UNIT_CODE,
  YEAR,
  col("programme", "Chương trình tín dụng", true, "Credit programme, e.g. Cho vay hộ nghèo"),
  col("loan_turns", "Lượt vay", true, "Number of loans granted in the year"),
  col("outstanding_vnd", "Dư nợ (đồng)", true, "Outstanding balance at year end in VND (integer)", ["Dư nợ"]),
  SYNTHETIC,
  SOURCE_IDS,
];

export const JOBS_COLUMNS: readonly ColumnSpec[] = [
  UNIT_CODE,
  YEAR,
  col("domestic", "Việc làm trong nước", true, "Workers placed in jobs in Vietnam"),
  col("abroad", "Đi làm việc ở nước ngoài", true, "Workers gone to work abroad under contract"),
  SYNTHETIC,
  SOURCE_IDS,
];

export const PLAN_COLUMNS: readonly ColumnSpec[] = [
  UNIT_CODE,
  YEAR,
  col("title", "Tên kế hoạch", true, "Title of the plan"),
  col("reference", "Số hiệu", false, "Document number"),
  col("date", "Ngày ban hành", false, "Date issued, YYYY-MM-DD or DD/MM/YYYY"),
  SYNTHETIC,
  SOURCE_IDS,
];

export const INSPECTION_COLUMNS: readonly ColumnSpec[] = [
  UNIT_CODE,
  col("date", "Ngày", true, "Date of the inspection (its year decides what a re-import replaces)", ["Ngày kiểm tra"]),
  col("body", "Cơ quan kiểm tra", true, "Inspecting body"),
  col("subject", "Nội dung", true, "What was inspected and found"),
  SYNTHETIC,
  SOURCE_IDS,
];
