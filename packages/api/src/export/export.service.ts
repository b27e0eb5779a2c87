/**
 * Rows of the units and projects connections as CSV, all pages at once. Why through the services: the CSV shows
 * exactly what the API shows — hidden figures are empty with status SUPPRESSED, never 0, and no column says which
 * rule hid them (a reason would bound the hidden count).
 */
import { GraphQLError } from "graphql";
import { isUnitLevel } from "@minhbach/core/units/levels.ts";
import type { MeasureValue } from "@minhbach/core/release/rates.ts";
import { ErrorCode } from "../common/errors.js";
import type { ApiContext } from "../context.js";
import { povertyOf } from "../poverty/poverty.service.js";
import { listProjects } from "../project/project.service.js";
import { listUnits } from "../unit/unit.service.js";
import type { UnitLevel } from "../unit/unit.type.js";
import { BOM, csvLine } from "./csv.js";

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

/** /export/units.csv?level=COMMUNE&parentCode=063&year=2023&release=2026.1&lang=EN */
export async function unitsCsv(ctx: ApiContext, params: URLSearchParams): Promise<string> {
  const level = params.get("level")?.toUpperCase() || undefined;
  if (level && !isUnitLevel(level)) throw bad(`Unknown level ${level}`);
  const year = intParam(params, "year");
  const release = ctx.releases.resolve(params.get("release") || undefined);
  const header = ["release", "code", "gso_code", "name", "level", "type", "parent_code", "valid_from", "valid_to", "year", "standard"];
  for (const m of MEASURES) header.push(m, `${m}_status`);
  // Coverage beside the figures: an empty NOT_AVAILABLE total of a partial year reads differently from "no data".
  header.push("coverage_reported", "coverage_expected", "synthetic", "source_ids");
  let out = BOM + csvLine(header);
  let after: string | undefined;
  for (;;) {
    const page = await listUnits(ctx, release.id, { level: level as UnitLevel | undefined, parentCode: params.get("parentCode"), first: BATCH, after });
    const stats = await Promise.all(page.items.map((u) => povertyOf(ctx, release.id, u, year)));
    page.items.forEach((u, i) => {
      for (const s of stats[i]!) {
        const row: unknown[] = [release.id, u.code, u.gsoCode, u.name, u.level, u.type, u.parentCode, u.validFrom, u.validTo, s.year, s.standardId];
        for (const m of MEASURES) {
          const v = s[m] as MeasureValue;
          row.push(v.value, v.status);
        }
        row.push(s.coverage?.reported ?? null, s.coverage?.expected ?? null, s.synthetic ? 1 : 0, JSON.parse(s.sourceIds) as string[]);
        out += csvLine(row.map((x) => (Array.isArray(x) ? x.join(";") : x)));
      }
    });
    if (!page.hasNextPage || page.items.length === 0) return out;
    after = page.items.at(-1)!.code;
  }
}

/** /export/projects.csv?unitCode=01990&release=… */
export async function projectsCsv(ctx: ApiContext, params: URLSearchParams): Promise<string> {
  const release = ctx.releases.resolve(params.get("release") || undefined);
  let out = BOM + csvLine(["release", "code", "name", "programme", "component", "budget_vnd", "disbursed_vnd", "households", "households_status",
    "start_date", "end_date", "status", "synthetic"]);
  let after: string | undefined;
  for (;;) {
    const page = await listProjects(ctx, release.id, { unitCode: params.get("unitCode"), first: BATCH, after });
    for (const p of page.items) {
      out += csvLine([release.id, p.code, p.name, p.programme, p.component, p.budgetVnd, p.disbursedVnd, p.households.value, p.households.status,
        p.startDate, p.endDate, p.status, p.synthetic ? 1 : 0]);
    }
    if (!page.hasNextPage || page.items.length === 0) return out;
    after = page.items.at(-1)!.code;
  }
}
