/**
 * Rows of the units and projects connections as typed tables (rendered as CSV or XLSX), all pages at once. Why through
 * the services: the exports show exactly what the API shows — hidden figures are empty with status SUPPRESSED, never 0,
 * and no column says which rule hid them (a reason would bound the hidden count).
 */
import { GraphQLError } from "graphql";
import { isUnitLevel } from "@minhbach/core/units/levels.ts";
import { MEASURE_LABELS, unitTypeLabel, type Lang } from "@minhbach/core/release/labels.ts";
import type { MeasureValue } from "@minhbach/core/release/rates.ts";
import { ErrorCode } from "../common/errors.js";
import type { ApiContext } from "../context.js";
import { povertyOf } from "../poverty/poverty.service.js";
import { listProjects } from "../project/project.service.js";
import { listUnits } from "../unit/unit.service.js";
import type { UnitLevel } from "../unit/unit.type.js";
import { col, type Column, type ExportRelease, type ExportTable } from "./table.js";

const BATCH = 500;
const MEASURES = ["households", "poor", "nearPoor", "poorRate", "nearPoorRate", "newlyPoor", "escapedPoor", "rePoor"] as const;

const bad = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT } });

function intParam(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw bad(`${name} must be an integer`);
  return n;
}

/** The release as the XLSX's release sheet cites it. */
function releaseOf(ctx: ApiContext, params: URLSearchParams): ExportRelease {
  const r = ctx.releases.resolve(params.get("release") || undefined);
  return { id: r.id, title: r.title, createdAt: r.createdAt, checksum: r.checksum, synthetic: r.synthetic, disclosureK: ctx.releases.disclosureK(r.id) ?? null };
}

const RATES = new Set<string>(["poorRate", "nearPoorRate"]);

/** The units table's columns: identifiers as text, then each measure with its status, coverage and provenance. */
function unitColumns(): Column[] {
  const cols = [
    col("release", "Bản công bố", "Release", "text", 10), col("code", "Mã đơn vị", "Unit code", "text", 12),
    col("gso_code", "Mã TCTK", "GSO code", "text", 10), col("name", "Tên", "Name", "text", 24), col("level", "Cấp", "Level", "text", 11),
    col("type", "Loại (mã lưu)", "Type (as stored)", "text", 12), col("type_label", "Loại", "Type", "text", 16),
    col("parent_code", "Mã đơn vị cấp trên", "Parent code", "text", 12), col("valid_from", "Hiệu lực từ", "Valid from", "date", 12),
    col("valid_to", "Hiệu lực đến", "Valid to", "date", 12), col("year", "Năm rà soát", "Review year", "int", 8),
    col("standard", "Chuẩn nghèo", "Poverty standard", "text", 12),
  ];
  for (const m of MEASURES) {
    const words = MEASURE_LABELS[m]!;
    cols.push(col(m, RATES.has(m) ? `${words.VI} (%)` : words.VI, RATES.has(m) ? `${words.EN} (%)` : words.EN, RATES.has(m) ? "rate" : "int", 14),
      col(`${m}_status`, `${words.VI}: tình trạng`, `${words.EN}: status`, "status", 14));
  }
  // Coverage beside the figures: an empty NOT_AVAILABLE total of a partial year reads differently from "no data".
  cols.push(col("coverage_reported", "Số đơn vị đã báo cáo", "Units reported", "int", 10), col("coverage_expected", "Số đơn vị phải báo cáo", "Units expected", "int", 10),
    col("synthetic", "Số liệu giả lập", "Synthetic figures", "flag", 10), col("source_ids", "Nguồn", "Sources", "text", 20));
  return cols;
}

/** /export/units.csv|xlsx?level=COMMUNE&parentCode=063&year=2023&release=2026.1&lang=EN */
export async function unitsTable(ctx: ApiContext, params: URLSearchParams): Promise<ExportTable> {
  const level = params.get("level")?.toUpperCase() || undefined;
  if (level && !isUnitLevel(level)) throw bad(`Unknown level ${level}`);
  const year = intParam(params, "year");
  const release = releaseOf(ctx, params);
  const lang = ctx.lang as Lang;
  const rows: unknown[][] = [];
  let after: string | undefined;
  for (;;) {
    const page = await listUnits(ctx, release.id, { level: level as UnitLevel | undefined, parentCode: params.get("parentCode"), first: BATCH, after });
    const stats = await Promise.all(page.items.map((u) => povertyOf(ctx, release.id, u, year)));
    page.items.forEach((u, i) => {
      for (const s of stats[i]!) {
        const row: unknown[] = [release.id, u.code, u.gsoCode, u.name, u.level, u.type, unitTypeLabel(u.type, lang), u.parentCode, u.validFrom, u.validTo, s.year, s.standardId];
        for (const m of MEASURES) {
          const v = s[m] as MeasureValue;
          row.push(v.value, v.status);
        }
        row.push(s.coverage?.reported ?? null, s.coverage?.expected ?? null, s.synthetic ? 1 : 0, (JSON.parse(s.sourceIds) as string[]).join(";"));
        rows.push(row);
      }
    });
    if (!page.hasNextPage || page.items.length === 0) return { name: "units", lang, release, columns: unitColumns(), rows };
    after = page.items.at(-1)!.code;
  }
}

const PROJECT_COLUMNS: Column[] = [
  col("release", "Bản công bố", "Release", "text", 10), col("code", "Mã dự án", "Project code", "text", 16), col("name", "Tên dự án", "Project", "text", 36),
  col("programme", "Chương trình", "Programme", "text", 20), col("component", "Dự án thành phần", "Component", "text", 20),
  col("budget_vnd", "Kinh phí (đồng)", "Budget (VND)", "int", 16), col("disbursed_vnd", "Đã giải ngân (đồng)", "Disbursed (VND)", "int", 16),
  col("households", "Số hộ tham gia", "Households", "int", 12), col("households_status", "Số hộ: tình trạng", "Households: status", "status", 14),
  col("start_date", "Ngày bắt đầu", "Start date", "date", 12), col("end_date", "Ngày kết thúc", "End date", "date", 12),
  col("status", "Trạng thái dự án", "Project status", "text", 14), col("synthetic", "Số liệu giả lập", "Synthetic figures", "flag", 10),
];

/** /export/projects.csv|xlsx?unitCode=01990&release=… */
export async function projectsTable(ctx: ApiContext, params: URLSearchParams): Promise<ExportTable> {
  const release = releaseOf(ctx, params);
  const rows: unknown[][] = [];
  let after: string | undefined;
  for (;;) {
    const page = await listProjects(ctx, release.id, { unitCode: params.get("unitCode"), first: BATCH, after });
    for (const p of page.items) {
      rows.push([release.id, p.code, p.name, p.programme, p.component, p.budgetVnd, p.disbursedVnd, p.households.value, p.households.status,
        p.startDate, p.endDate, p.status, p.synthetic ? 1 : 0]);
    }
    if (!page.hasNextPage || page.items.length === 0) return { name: "projects", lang: ctx.lang as Lang, release, columns: PROJECT_COLUMNS, rows };
    after = page.items.at(-1)!.code;
  }
}
