/**
 * A national-shaped test release for the portal's browser tests: the API's Bạch Thông fixture (Bắc Kạn 06 with
 * household-review figures, the 2025 merger into Thái Nguyên 19) plus the country VN, two regions, 63 provinces before
 * the 1 July 2025 reform (Quảng Ninh 22 without a boundary, as in the real data) and 34 after it, a district with
 * communes that have no data yet, and officially reported figures (several sources for one year among them).
 * Every boundary here is a TEST SQUARE (marked illustrative) and every figure is made up for the tests, except the
 * few that copy the examples (Bắc Kạn 2021 26.93 %, VN 2022 4.03 %); the province names are placeholders.
 */
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import { fixtureRelease } from "@minhbach/api/test/fixture-release.ts";
import type { ReleaseContent } from "@minhbach/db/release-content.ts";
import { writeRelease } from "@minhbach/db/release-writer.ts";
import { openPublicStore } from "@minhbach/db/public.ts";
import { freshStores } from "@minhbach/db/test-stores.ts";

type UnitRow = ReleaseContent["units"][number];
const REFORM = new Date("2025-07-01T00:00:00Z");
const ENDED = new Date("2025-06-30T00:00:00Z");
export const OFFICIAL_SOURCES = { plan: "bk-sokhdt-2021", vn: "gso-2022", paper: "bao-test-2023", second: "bk-second-2022" } as const;

function unit(code: string, level: string, name: string, type: string, parentCode: string | null, extra: Partial<UnitRow> = {}): UnitRow {
  return { code, gsoCode: code, level, name, nameAscii: foldVietnamese(name), type, parentCode, validFrom: null, validTo: null,
    centroidLat: null, centroidLng: null, geometry: null, geometryIllustrative: true, synthetic: true, ...extra };
}

/** A test square on a grid (index → column, row), about the size of a province. */
function square(i: number): Pick<UnitRow, "geometry" | "centroidLat" | "centroidLng"> {
  const x = 102 + (i % 8) * 0.9, y = 23 - Math.floor(i / 8) * 0.9;
  const ring = [[x, y], [x + 0.8, y], [x + 0.8, y + 0.8], [x, y + 0.8], [x, y]];
  return { geometry: JSON.stringify({ type: "Polygon", coordinates: [ring] }), centroidLat: y + 0.4, centroidLng: x + 0.4 };
}

/** The 61 more pre-2025 province codes (two digits, 06 and 19 being the fixture's own), Quảng Ninh 22 among them. */
export function extraProvinceCodes(): string[] {
  const codes: string[] = [];
  for (let n = 1; codes.length < 61; n++) if (n !== 6 && n !== 19) codes.push(String(n).padStart(2, "0"));
  return codes;
}

function addProvinces(c: ReleaseContent): void {
  for (const u of c.units) if (u.level === "PROVINCE") Object.assign(u, { parentCode: "VN" }, square(u.code === "06" ? 0 : 1));
  extraProvinceCodes().forEach((code, i) => {
    const name = code === "22" ? "Quảng Ninh" : `Thử Nghiệm ${code}`;
    c.units.push(unit(code, "PROVINCE", name, "TINH", "VN", { validTo: ENDED, ...(code === "22" ? {} : square(i + 2)) }));
  });
  // 33 provinces formed on 1 July 2025 (with Thái Nguyên 19, which the fixture already has: 34).
  for (let n = 1; n <= 33; n++) c.units.push(unit(`N${String(n).padStart(2, "0")}`, "PROVINCE", `Tỉnh Mới ${n}`, "TINH", "VN", { validFrom: REFORM, ...square(n) }));
  c.units.push(unit("VN", "COUNTRY", "Việt Nam", "QUOC_GIA", null, { synthetic: false }),
    unit("VN-1", "REGION", "Trung du và miền núi phía Bắc", "VUNG", null, { synthetic: false }),
    unit("VN-2", "REGION", "Đồng bằng sông Hồng", "VUNG", null, { synthetic: false }));
}

/** A district of province 01 whose communes have no figures yet (the shared template serves their profiles). */
function addEmptyCommunes(c: ReleaseContent): void {
  c.units.push(unit("001", "DISTRICT", "Ba Đình Thử", "QUAN", "01", { validTo: ENDED, ...square(2) }),
    unit("00001", "COMMUNE", "Phúc Xá Thử", "PHUONG", "001", { validTo: ENDED }),
    unit("00004", "COMMUNE", "Trúc Bạch Thử", "PHUONG", "001", { validTo: ENDED }));
  c.unitParents.push({ unitCode: "00001", parentCode: "001", validFrom: new Date("2020-01-01T00:00:00Z"), validTo: ENDED });
  c.unitChanges.push({ id: 900, kind: "MERGE", fromCode: "00001", toCode: "01969", effectiveDate: REFORM, legalBasis: "Nghị quyết thử nghiệm", note: null });
}

function addFigures(c: ReleaseContent): void {
  const src = (id: string, title: string, publisher: string, url: string, date: string) =>
    c.sources.push({ id, title, publisher, url, date: new Date(date), kind: "OFFICIAL", synthetic: false } as ReleaseContent["sources"][number]);
  src(OFFICIAL_SOURCES.plan, "Báo cáo kết quả rà soát hộ nghèo 2021", "Sở Kế hoạch và Đầu tư tỉnh Bắc Kạn", "https://example.org/bk-2021", "2022-01-10");
  src(OFFICIAL_SOURCES.second, "Bài báo về giảm nghèo 2022", "Báo thử nghiệm", "https://example.org/bk-2022", "2023-01-05");
  src(OFFICIAL_SOURCES.vn, "Kết quả rà soát hộ nghèo cả nước 2022", "Bộ LĐ-TB&XH", "https://example.org/vn-2022", "2023-02-01");
  src(OFFICIAL_SOURCES.paper, "Gia Lai giảm nghèo 2023", "Báo thử nghiệm", "https://example.org/p-2023", "2024-01-02");
  const fig = (unitCode: string, year: number, sourceId: string, poorRate: number, quality: string, extra: Record<string, unknown> = {}) =>
    ({ unitCode, year, sourceId, poorHouseholds: null, poorRate, nearPoorHouseholds: null, nearPoorRate: null, poorAndNearPoorHouseholds: null,
      poorAndNearPoorRate: null, totalHouseholds: null, quality, qualityNote: null, sourceDate: null, ...extra });
  c.officialFigures = [
    fig("06", 2021, OFFICIAL_SOURCES.plan, 26.93, "REPORTED", { poorHouseholds: 21_000, totalHouseholds: 78_000 }),
    fig("06", 2022, OFFICIAL_SOURCES.plan, 22.5, "REPORTED"),
    fig("06", 2022, OFFICIAL_SOURCES.second, 22.9, "SECONDARY", { qualityNote: "Số trong bài báo, làm tròn" }),
    fig("02", 2023, OFFICIAL_SOURCES.paper, 8.11, "REPORTED"),
    fig("VN", 2022, OFFICIAL_SOURCES.vn, 4.03, "REPORTED"),
    fig("VN-1", 2022, OFFICIAL_SOURCES.vn, 12.9, "PRELIMINARY"),
  ] as ReleaseContent["officialFigures"];
  // Computed (synthetic) province totals of Bắc Kạn, so both kinds stand side by side on its profile.
  for (const [year, households, poor] of [[2021, 3000, 540], [2022, 3010, 470]] as const) {
    c.unitYears.push({ unitCode: "06", year, standardId: "ND07-2021", synthetic: true, sourceIds: '["synthetic-demo"]', coverageReported: null, coverageExpected: null });
    for (const [measure, value] of [["households", households], ["poor", poor], ["nearPoor", 300]] as const) c.cells.push({ unitCode: "06", year, measure, value, status: "PUBLISHED" });
  }
}

/** The national test release (one release, id 2026.1). */
export function nationalRelease(): ReleaseContent {
  const c = fixtureRelease("2026.1");
  addProvinces(c);
  addEmptyCommunes(c);
  addFigures(c);
  return c;
}

/** A fresh public store holding the national test release, on the suite's provider. */
export async function writeNationalStore(): Promise<{ publicUrl: string; drop: () => Promise<void> }> {
  const stores = await freshStores("minhbach-portal-national-");
  const db = openPublicStore(stores.publicUrl);
  try {
    await writeRelease(db, nationalRelease());
  } finally {
    await db.$disconnect();
  }
  return { publicUrl: stores.publicUrl, drop: stores.drop };
}
