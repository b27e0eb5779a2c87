/**
 * The real records of the demo, each from the seed article (Báo Bắc Kạn, late 2023, "Lục Bình thực hiện hiệu quả công
 * tác giảm nghèo") and cited to it. Why separate: these rows are `synthetic = 0` and must say exactly what the
 * article says — approximations (dates, "more than 330") are documented in docs/demo-data.md.
 */
import { SOURCE_IDS } from "../sources.js";

export const NTP_SPR = "Chương trình MTQG giảm nghèo bền vững giai đoạn 2021–2025";
export const COMPONENT_2 = "Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo";

export interface RealProject {
  code: string;
  name: string;
  villages: { code: string; participants: number }[];
  budgetVnd: bigint;
}

/** Goat breeding in Lủng Chang (01990-01), buffalo breeding in Nam Lanh Chang (01990-02) and Bắc Lanh Chang (01990-03). */
export const REAL_PROJECTS: readonly RealProject[] = [
  { code: "LB-2023-DE", name: "Dự án nuôi dê sinh sản", villages: [{ code: "01990-01", participants: 20 }], budgetVnd: 500_000_000n },
  {
    code: "LB-2023-TRAU",
    name: "Dự án nuôi trâu sinh sản",
    // The article gives 16 households for both villages; the split 9 + 7 is synthetic.
    villages: [{ code: "01990-02", participants: 9 }, { code: "01990-03", participants: 7 }],
    budgetVnd: 390_000_000n,
  },
];

const src = SOURCE_IDS.article;

export const REAL_CREDIT = [
  // "hơn 330 lượt hộ … dư nợ hơn 19,6 tỷ đồng": lower bounds, recorded as 330 and 19,600,000,000.
  { unit_code: "01990", year: 2023, programme: "Tín dụng chính sách cho hộ nghèo, cận nghèo, mới thoát nghèo (NHCSXH PGD Bạch Thông)", loan_turns: 330, outstanding_vnd: 19_600_000_000n, synthetic: 0, source_ids: src },
];

export const REAL_JOBS = [{ unit_code: "01990", year: 2023, domestic: 46, abroad: 3, synthetic: 0, source_ids: src }];

export const REAL_PLANS = [
  { unit_code: "01990", year: 2023, title: "Kế hoạch thực hiện công tác giảm nghèo năm 2023", reference: "54/KH-UBND", date: "2023-03-31", synthetic: 0, source_ids: src },
];

/** The article does not date the inspection; the article's (approximate) date is used. */
export const REAL_INSPECTIONS = [
  { unit_code: "01990", date: "2023-12-01", body: "Đoàn công tác của tỉnh Bắc Kạn", subject: "Kiểm tra việc thực hiện Chương trình MTQG giảm nghèo bền vững tại xã Lục Bình (ngày kiểm tra gần đúng)", synthetic: 0, source_ids: src },
  { unit_code: "01990-04", date: "2023-12-01", body: "Đoàn công tác của tỉnh Bắc Kạn", subject: "Kiểm tra thực tế công tác đánh giá hộ nghèo, hộ cận nghèo tại thôn Pác Chang (ngày kiểm tra gần đúng)", synthetic: 0, source_ids: src },
];
