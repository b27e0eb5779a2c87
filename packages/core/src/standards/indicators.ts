/**
 * The catalogue of deprivation indicators across all standards, with a fixed bit position each.
 * Why bits: a household's deprivations are stored as one integer, and a standard selects a subset.
 * Never renumber an existing entry: stored records depend on these positions.
 */
export interface IndicatorDef {
  code: string;
  bit: number;
  dimensionVi: string;
  dimensionEn: string;
  labelVi: string;
  labelEn: string;
}

export const INDICATORS: readonly IndicatorDef[] = [
  { code: "EMPLOYMENT", bit: 0, dimensionVi: "Việc làm", dimensionEn: "Employment", labelVi: "Việc làm", labelEn: "Employment" },
  { code: "DEPENDANTS", bit: 1, dimensionVi: "Việc làm", dimensionEn: "Employment", labelVi: "Người phụ thuộc trong hộ gia đình", labelEn: "Dependants in the household" },
  { code: "NUTRITION", bit: 2, dimensionVi: "Y tế", dimensionEn: "Health", labelVi: "Dinh dưỡng", labelEn: "Nutrition" },
  { code: "HEALTH_INSURANCE", bit: 3, dimensionVi: "Y tế", dimensionEn: "Health", labelVi: "Bảo hiểm y tế", labelEn: "Health insurance" },
  { code: "ADULT_EDUCATION", bit: 4, dimensionVi: "Giáo dục", dimensionEn: "Education", labelVi: "Trình độ giáo dục của người lớn", labelEn: "Adult education" },
  { code: "CHILD_SCHOOL_ATTENDANCE", bit: 5, dimensionVi: "Giáo dục", dimensionEn: "Education", labelVi: "Tình trạng đi học của trẻ em", labelEn: "Child school attendance" },
  { code: "HOUSING_QUALITY", bit: 6, dimensionVi: "Nhà ở", dimensionEn: "Housing", labelVi: "Chất lượng nhà ở", labelEn: "Housing quality" },
  { code: "HOUSING_AREA", bit: 7, dimensionVi: "Nhà ở", dimensionEn: "Housing", labelVi: "Diện tích nhà ở bình quân đầu người", labelEn: "Housing area per person" },
  { code: "DOMESTIC_WATER", bit: 8, dimensionVi: "Nước sinh hoạt và vệ sinh", dimensionEn: "Water and sanitation", labelVi: "Nguồn nước sinh hoạt", labelEn: "Domestic water" },
  { code: "LATRINE", bit: 9, dimensionVi: "Nước sinh hoạt và vệ sinh", dimensionEn: "Water and sanitation", labelVi: "Nhà tiêu hợp vệ sinh", labelEn: "Hygienic latrine" },
  { code: "TELECOM", bit: 10, dimensionVi: "Thông tin", dimensionEn: "Information", labelVi: "Sử dụng dịch vụ viễn thông", labelEn: "Use of telecommunication services" },
  { code: "INFORMATION_ACCESS", bit: 11, dimensionVi: "Thông tin", dimensionEn: "Information", labelVi: "Phương tiện phục vụ tiếp cận thông tin", labelEn: "Means of accessing information" },
  { code: "DIGITAL_SERVICES", bit: 12, dimensionVi: "Thông tin", dimensionEn: "Information", labelVi: "Sử dụng dịch vụ số", labelEn: "Use of digital services" },
  { code: "WASTE_TREATMENT", bit: 13, dimensionVi: "Nước sinh hoạt và vệ sinh", dimensionEn: "Water and sanitation", labelVi: "Xử lý rác thải sinh hoạt", labelEn: "Household waste treatment" },
];

export function indicatorByCode(code: string): IndicatorDef | undefined {
  return INDICATORS.find((i) => i.code === code);
}
