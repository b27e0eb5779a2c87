/**
 * A small, deterministic release for tests (and later the portal): Bạch Thông district of Bắc Kạn before the 2025
 * reform, and the new xã Phủ Thông of Thái Nguyên after it. Why in code: every figure a test asserts is visible here.
 * Figures marked synthetic are made up; Lục Bình's 2022/2023 poverty figures, the goat and buffalo projects, credit
 * and jobs 2023 follow the cited article (the demo data carries the full citation).
 */
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import { INDICATORS } from "@minhbach/core/standards/indicators.ts";
import { emptyReleaseContent } from "@minhbach/db/release-fixtures.ts";
import type { ReleaseContent } from "@minhbach/db/release-content.ts";
import { writeRelease } from "@minhbach/db/release-writer.ts";
import { openPublicStore } from "@minhbach/db/public.ts";
import type { Provider } from "@minhbach/db/migrate.ts";
import { freshStores } from "@minhbach/db/test-stores.ts";

export const ARTICLE = "baobackan-lucbinh";
export const SYNTHETIC = "synthetic-demo";
const REFORM = new Date("2025-07-01T00:00:00Z");
const ENDED = new Date("2025-06-30T00:00:00Z");
const NQ_1683 = "Nghị quyết 1683/NQ-UBTVQH15";
const NQ_202 = "Nghị quyết 202/2025/QH15";

/** The 12 indicators of Decree 07/2021/NĐ-CP (the two newer ones belong to Decree 351/2025). */
export const ND07_INDICATORS = INDICATORS.filter((i) => i.code !== "DIGITAL_SERVICES" && i.code !== "WASTE_TREATMENT");

type UnitRow = ReleaseContent["units"][number];

function unit(code: string, level: string, name: string, type: string, parentCode: string | null, extra: Partial<UnitRow> = {}): UnitRow {
  return {
    code, gsoCode: code.includes("-") ? null : code, level, name, nameAscii: foldVietnamese(name), type, parentCode,
    validFrom: null, validTo: null, centroidLat: null, centroidLng: null, geometry: null, geometryIllustrative: false,
    synthetic: false, ...extra,
  };
}

/** Household counts per unit and year; poor and near-poor counts. Undefined = not a unit in that year. */
interface YearFigures { households: number; poor: number; nearPoor: number }
type Series = Record<number, YearFigures>;

const LUC_BINH: Series = {
  2021: { households: 1000, poor: 171, nearPoor: 120 },
  2022: { households: 1000, poor: 136, nearPoor: 112 },
  2023: { households: 1000, poor: 89, nearPoor: 101 },
  2024: { households: 1005, poor: 62, nearPoor: 90 },
};

function syntheticSeries(base: number, poor0: number, years: number[]): Series {
  return Object.fromEntries(
    years.map((y, i) => [y, { households: base + 7 * i, poor: Math.max(poor0 - 17 * i, 6), nearPoor: 60 - 4 * i }]),
  );
}

const OLD_YEARS = [2021, 2022, 2023, 2024];
export const FIXTURE_SERIES: Record<string, Series> = {
  "01990": LUC_BINH,
  "01975": syntheticSeries(820, 150, OLD_YEARS),
  "01993": syntheticSeries(640, 130, OLD_YEARS),
  "01969.2025": syntheticSeries(1500, 90, OLD_YEARS),
  "01969": { 2025: { households: 3990, poor: 250, nearPoor: 260 }, 2026: { households: 2010, poor: 120, nearPoor: 130 } },
  "01990-01": syntheticSeries(210, 40, [2021, 2022, 2023, 2024, 2025]),
  "01990-02": syntheticSeries(180, 35, [2021, 2022, 2023, 2024, 2025]),
  "01990-03": syntheticSeries(150, 30, [2021, 2022, 2023, 2024, 2025]),
  "01990-04": syntheticSeries(22, 9, [2021, 2022, 2023, 2024, 2025]),
};

/** Cells hidden by disclosure control in the fixture: [unit, year, measure]. No reason is published (issue #16). */
export const FIXTURE_SUPPRESSED: [string, number, string][] = [
  ["01990-04", 2023, "poor"],
  ["01990-04", 2023, "nearPoor"],
  ["01990-04", 2024, "poor"],
  ["01990-04", 2024, "nearPoor"],
  ["01969.2025", 2024, "rePoor"],
];

/**
 * Coverage per commune-year: villages that reported against villages that existed. Xã Phủ Thông's 2026 review is
 * incomplete (2 of its 4 villages reported; the fixture holds no 2026 village rows): its figures are NOT_AVAILABLE
 * and its headline stays on 2025. Communes not listed have no villages in the fixture (coverage null).
 */
export const FIXTURE_COVERAGE: Record<string, Record<number, [number, number]>> = {
  "01990": { 2021: [4, 4], 2022: [4, 4], 2023: [4, 4], 2024: [4, 4] },
  "01969": { 2025: [4, 4], 2026: [2, 4] },
};

/** Unit-years whose figures come from real review records (no synthetic import, no cited source): not synthetic. */
export const FIXTURE_REAL_YEARS: [string, number][] = [["01969", 2025]];

function cellValues(code: string, year: number, f: YearFigures): Record<string, number> {
  const values: Record<string, number> = {
    households: f.households, poor: f.poor, nearPoor: f.nearPoor,
    newlyPoor: Math.round(f.poor / 10) + 5, rePoor: 5 + (year % 3), escapedPoor: Math.round(f.poor / 3) + 5,
    newlyNearPoor: Math.round(f.nearPoor / 8) + 5, escapedNearPoor: Math.round(f.nearPoor / 5) + 5,
    projectParticipants: code === "01990" && year === 2023 ? 36 : Math.round(f.poor / 4) + 5,
  };
  ND07_INDICATORS.forEach((ind, i) => { values[`lacking.${ind.code}`] = Math.round(f.poor * (0.2 + (i % 5) / 10)) + 5; });
  return values;
}

function cellsFor(content: ReleaseContent, code: string, series: Series, sourceIds: (year: number) => string[]): void {
  for (const [yearText, f] of Object.entries(series)) {
    const year = Number(yearText);
    const real = FIXTURE_REAL_YEARS.some(([u, y]) => u === code && y === year);
    const [reported, expected] = FIXTURE_COVERAGE[code]?.[year] ?? [null, null];
    content.unitYears.push({ unitCode: code, year, standardId: "ND07-2021", synthetic: !real && !sourceIds(year).includes(ARTICLE),
      sourceIds: JSON.stringify(real ? [] : sourceIds(year)), coverageReported: reported, coverageExpected: expected });
    // An incomplete unit-year publishes no figure at all, as the publish step writes it.
    const partial = reported !== null && expected !== null && reported < expected;
    for (const [measure, value] of Object.entries(cellValues(code, year, f))) {
      const hidden = FIXTURE_SUPPRESSED.some(([u, y, m]) => u === code && y === year && m === measure);
      content.cells.push(partial
        ? { unitCode: code, year, measure, value: null, status: "NOT_AVAILABLE" }
        : hidden ? { unitCode: code, year, measure, value: null, status: "SUPPRESSED" } : { unitCode: code, year, measure, value, status: "PUBLISHED" });
    }
  }
}

/** Release 2026.1: units, parents, the reform, five review years of cells, projects, credit, jobs, sources. */
export function fixtureRelease(id = "2026.1"): ReleaseContent {
  const c = emptyReleaseContent(id);
  c.release = {
    ...c.release, title: "Bạch Thông / Phủ Thông test release", createdAt: new Date("2026-02-01T00:00:00Z"),
    standards: JSON.stringify(["ND07-2021"]), parameters: JSON.stringify({ k: 5, years: [2021, 2022, 2023, 2024, 2025, 2026] }),
    synthetic: true,
  };
  c.sources.push(
    { id: ARTICLE, title: "Lục Bình: giảm nghèo từ chăn nuôi dê, trâu và vốn vay chính sách", publisher: "Báo Bắc Kạn", url: null,
      date: new Date("2024-03-15T00:00:00Z"), kind: "ARTICLE", synthetic: false },
    { id: SYNTHETIC, title: "Dữ liệu giả lập cho bản trình diễn", publisher: "Minh Bạch", url: null, date: null, kind: "SYNTHETIC", synthetic: true },
  );
  c.standards.push({ id: "ND07-2021", name: "Chuẩn nghèo đa chiều giai đoạn 2022–2025", legalBasis: "Nghị định 07/2021/NĐ-CP",
    fromYear: 2021, toYear: 2026, ruralLine: 1_500_000, urbanLine: 2_000_000, minDeprived: 3 });
  ND07_INDICATORS.forEach((ind, ordinal) => c.indicators.push({ standardId: "ND07-2021", code: ind.code,
    dimension: ind.dimensionEn, labelVi: ind.labelVi, labelEn: ind.labelEn, ordinal }));

  c.units.push(
    unit("06", "PROVINCE", "Bắc Kạn", "TINH", null, { validTo: ENDED }),
    unit("19", "PROVINCE", "Thái Nguyên", "TINH", null),
    unit("063", "DISTRICT", "Bạch Thông", "HUYEN", "06", { validTo: ENDED }),
    unit("01990", "COMMUNE", "Lục Bình", "XA", "063", { validTo: ENDED, centroidLat: 22.2383, centroidLng: 105.8542 }),
    unit("01975", "COMMUNE", "Vi Hương", "XA", "063", { validTo: ENDED, synthetic: true }),
    unit("01993", "COMMUNE", "Tân Tú", "XA", "063", { validTo: ENDED, synthetic: true }),
    unit("01969.2025", "COMMUNE", "Phủ Thông", "THI_TRAN", "063", { gsoCode: "01969", validTo: ENDED, synthetic: true }),
    unit("01969", "COMMUNE", "Phủ Thông", "XA", "19", { validFrom: REFORM,
      geometry: JSON.stringify({ type: "Polygon", coordinates: [[[105.80, 22.20], [105.90, 22.20], [105.90, 22.30], [105.80, 22.30], [105.80, 22.20]]] }),
      geometryIllustrative: true, centroidLat: 22.25, centroidLng: 105.85 }),
  );
  const villages: [string, string][] = [["01990-01", "Lủng Chang"], ["01990-02", "Nam Lanh Chang"], ["01990-03", "Bắc Lanh Chang"], ["01990-04", "Pác Chang"]];
  for (const [code, name] of villages) {
    c.units.push(unit(code, "VILLAGE", name, "THON", "01969", { synthetic: code !== "01990-01" }));
    c.unitParents.push({ unitCode: code, parentCode: "01990", validFrom: new Date("2020-01-01T00:00:00Z"), validTo: ENDED },
      { unitCode: code, parentCode: "01969", validFrom: REFORM, validTo: null });
  }
  for (const old of ["01990", "01975", "01993", "01969.2025"]) {
    c.unitParents.push({ unitCode: old, parentCode: "063", validFrom: new Date("2020-01-01T00:00:00Z"), validTo: ENDED });
  }
  c.unitParents.push({ unitCode: "01969", parentCode: "19", validFrom: REFORM, validTo: null });
  let changeId = 1;
  for (const old of ["01969.2025", "01975", "01993", "01990"]) {
    c.unitChanges.push({ id: changeId++, kind: "MERGE", fromCode: old, toCode: "01969", effectiveDate: REFORM, legalBasis: NQ_1683,
      note: "Thị trấn Phủ Thông và các xã Vi Hương, Tân Tú, Lục Bình hợp thành xã Phủ Thông" });
  }
  c.unitChanges.push({ id: changeId++, kind: "MERGE", fromCode: "06", toCode: "19", effectiveDate: REFORM, legalBasis: NQ_202, note: null });

  for (const [code, series] of Object.entries(FIXTURE_SERIES)) {
    const cited = (year: number) => (code === "01990" && (year === 2022 || year === 2023) ? [ARTICLE] : [SYNTHETIC]);
    cellsFor(c, code, series, cited);
  }

  const project = (code: string, name: string, budget: bigint, households: number, village: string, start: string) => {
    c.projects.push({ code, name, nameAscii: foldVietnamese(name), programme: "Chương trình MTQG giảm nghèo bền vững 2021–2025",
      component: "Dự án 2", budgetVnd: budget, disbursedVnd: budget, householdsValue: households, householdsStatus: "PUBLISHED",
      startDate: new Date(start), endDate: null, status: "COMPLETED", decisionRef: null,
      synthetic: false, sourceIds: JSON.stringify([ARTICLE]) });
    c.projectFunding.push({ projectCode: code, fundingSource: "CENTRAL", budgetVnd: budget, disbursedVnd: budget });
    c.projectUnits.push({ projectCode: code, unitCode: village, direct: true });
    for (const up of ["01990", "063", "06", "01969", "19"]) c.projectUnits.push({ projectCode: code, unitCode: up, direct: false });
  };
  project("LB-DE-2023", "Hỗ trợ phát triển chăn nuôi dê", 500_000_000n, 20, "01990-01", "2023-05-01T00:00:00Z");
  project("LB-TRAU-2023", "Hỗ trợ phát triển chăn nuôi trâu sinh sản", 390_000_000n, 16, "01990-02", "2023-06-01T00:00:00Z");
  c.projects.push({ code: "PT-SMALL-2024", name: "Hỗ trợ sinh kế nhóm nhỏ", nameAscii: foldVietnamese("Hỗ trợ sinh kế nhóm nhỏ"),
    programme: null, component: null, budgetVnd: 40_000_000n, disbursedVnd: null, householdsValue: null, householdsStatus: "SUPPRESSED",
    startDate: null, endDate: null, status: "ONGOING", decisionRef: null, synthetic: true,
    sourceIds: JSON.stringify([SYNTHETIC]) });
  c.projectUnits.push({ projectCode: "PT-SMALL-2024", unitCode: "01990-04", direct: true },
    ...["01990", "063", "06", "01969", "19"].map((u) => ({ projectCode: "PT-SMALL-2024", unitCode: u, direct: false })));

  c.credit.push({ unitCode: "01990", year: 2023, programme: "Tín dụng chính sách xã hội", loanTurnsValue: 330, loanTurnsStatus: "PUBLISHED",
    outstandingVnd: 19_600_000_000n, synthetic: false, sourceIds: JSON.stringify([ARTICLE]) });
  c.jobs.push({ unitCode: "01990", year: 2023, domesticValue: 46, domesticStatus: "PUBLISHED", abroadValue: 3,
    abroadStatus: "PUBLISHED", synthetic: false, sourceIds: JSON.stringify([ARTICLE]) });
  return c;
}

/** Release 2026.2: a correction of 2026.1 (Vi Hương 2024 poor households); the 2024 hidden cells stay hidden (history). */
export function fixtureCorrection(id = "2026.2", supersedes = "2026.1"): ReleaseContent {
  const c = fixtureRelease(id);
  c.release = { ...c.release, createdAt: new Date("2026-03-01T00:00:00Z"), supersedes,
    changeNote: "Sửa số hộ nghèo năm 2024 của xã Vi Hương (nhập sai khi tổng hợp)." };
  const cell = c.cells.find((x) => x.unitCode === "01975" && x.year === 2024 && x.measure === "poor")!;
  cell.value = 98;
  return c;
}

/** A fresh public store holding both fixture releases, on the suite's provider (MINHBACH_TEST_STORE) unless told.
 *  Dropped with `drop()`, or when the test file ends (tests/drop-stores.setup.ts). */
export async function writeFixtureStore(provider?: Provider): Promise<{ publicUrl: string; dir: string; drop: () => Promise<void> }> {
  const stores = await freshStores("minhbach-api-", provider);
  const db = openPublicStore(stores.publicUrl);
  try {
    await writeRelease(db, fixtureRelease());
    await writeRelease(db, fixtureCorrection());
  } finally {
    await db.$disconnect();
  }
  return { publicUrl: stores.publicUrl, dir: stores.dir, drop: stores.drop };
}
