/**
 * Every source the demo cites. Why one list: units, records and citations refer to sources by id, and the sources
 * file imported through the real importer must hold exactly these rows.
 */
export interface DemoSource {
  id: string;
  title: string;
  publisher: string;
  url: string | null;
  date: string | null; // YYYY-MM-DD
  kind: "ARTICLE" | "OFFICIAL_REPORT" | "LEGAL" | "DATASET" | "SYNTHETIC";
  synthetic: boolean;
}

export const SOURCE_IDS = {
  article: "baobackan-2023-luc-binh",
  dpi2021: "bac-kan-skhdt-2022-03-02",
  gsoUnits: "gso-dvhcvn-2025-03-01",
  gsoRegions: "gso-vung-kinh-te-xa-hoi",
  reformMapping: "dvhcvn-20250701-mapping",
  resolution1683: "nq-1683-ubtvqh15",
  resolution202: "nq-202-2025-qh15",
  generator: "minhbach-demo-generator",
} as const;

export const DEMO_SOURCES: readonly DemoSource[] = [
  {
    id: SOURCE_IDS.article,
    title: "Lục Bình thực hiện hiệu quả công tác giảm nghèo",
    publisher: "Báo Bắc Kạn",
    url: null,
    // The article is from late 2023; its exact day is not recorded in the seed copy, so the date is approximate.
    date: "2023-12-01",
    kind: "ARTICLE",
    synthetic: false,
  },
  {
    id: SOURCE_IDS.dpi2021,
    title: "Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2021 tỉnh Bắc Kạn (tỷ lệ hộ nghèo 26,93 %, hộ cận nghèo 9,74 %)",
    publisher: "Sở Kế hoạch và Đầu tư tỉnh Bắc Kạn",
    url: null,
    date: "2022-03-02",
    kind: "OFFICIAL_REPORT",
    synthetic: false,
  },
  {
    id: SOURCE_IDS.gsoUnits,
    title: "Danh mục đơn vị hành chính Việt Nam (dữ liệu ngày 01/03/2025)",
    publisher: "Tổng cục Thống kê (GSO), qua github.com/daohoangson/dvhcvn",
    url: "https://github.com/daohoangson/dvhcvn",
    date: "2025-03-01",
    kind: "DATASET",
    synthetic: false,
  },
  {
    id: SOURCE_IDS.gsoRegions,
    title: "Sáu vùng kinh tế - xã hội trong số liệu thống kê (Tổng cục Thống kê)",
    publisher: "Tổng cục Thống kê (GSO)",
    url: null,
    date: null,
    kind: "DATASET",
    synthetic: false,
  },
  {
    id: SOURCE_IDS.reformMapping,
    title: "Bảng chuyển đổi đơn vị hành chính cấp xã từ 01/07/2025 (mapping/splits.json, MIT)",
    publisher: "dvhcvn/20250701",
    url: "https://github.com/dvhcvn/20250701",
    date: "2025-07-01",
    kind: "DATASET",
    synthetic: false,
  },
  {
    id: SOURCE_IDS.resolution1683,
    title: "Nghị quyết 1683/NQ-UBTVQH15 về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Thái Nguyên năm 2025",
    publisher: "Ủy ban Thường vụ Quốc hội",
    url: null,
    date: "2025-06-16",
    kind: "LEGAL",
    synthetic: false,
  },
  {
    id: SOURCE_IDS.resolution202,
    title: "Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh",
    publisher: "Quốc hội",
    url: null,
    date: "2025-06-12",
    kind: "LEGAL",
    synthetic: false,
  },
  {
    id: SOURCE_IDS.generator,
    title: "Minh Bạch demo generator (synthetic data, not real figures)",
    publisher: "Minh Bạch",
    url: null,
    date: null,
    kind: "SYNTHETIC",
    synthetic: true,
  },
];
