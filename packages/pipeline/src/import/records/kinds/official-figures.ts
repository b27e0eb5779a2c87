/**
 * Officially reported poverty figures (issue #17): the province file (province_code …) and the national and regional
 * file (level, name …) of docs/import-format-records.md. Figures are stored as their source gives them: a blank cell is
 * null ("not found"), never 0; rates are percentages. Replaced by unit, review year and source: a re-import of the same
 * file updates its figures in place, and figures of the same unit-year from other sources stay beside them (several
 * sources are shown side by side, never averaged). Each distinct source becomes a Source record.
 */
import type { PrivateDb } from "@minhbach/db/private";
import type { RowFields } from "../fields.js";
import type { RecordKind } from "../runner.js";
import {
  OFFICIAL_FIGURE_COLUMNS, OFFICIAL_FIGURE_QUALITIES, optionalCount, optionalRate, sourceDate, sourceUrl, type OfficialFigureQuality,
} from "./official-figures-fields.js";
import { loadSourceIdentities, sourceIdFor, storeSources, type FigureSource } from "./official-figures-sources.js";
import { loadUnitTargets, resolveCountry, resolveProvince, resolveRegion, sameUnitName, type Resolution, type UnitTargets } from "./official-figures-units.js";

export interface Figures {
  poorHouseholds: number | null;
  poorRate: number | null;
  nearPoorHouseholds: number | null;
  nearPoorRate: number | null;
  poorAndNearPoorHouseholds: number | null;
  poorAndNearPoorRate: number | null;
  totalHouseholds: number | null;
}

export interface OfficialFigureRow extends Figures {
  unitCode: string;
  year: number;
  quality: OfficialFigureQuality;
  qualityNote: string | null;
  source: FigureSource;
}

interface Extra {
  targets: UnitTargets;
  sources: ReadonlyMap<string, string>;
}

export interface OfficialFiguresOptions {
  /** Skip (with a warning) rows whose unit is not in the unit list, instead of refusing the file. For the demo, whose
   *  unit list may hold only part of the country; a real import refuses them (a wrong code is the usual cause). */
  skipUnknown?: boolean;
}

export function officialFiguresKind(opts: OfficialFiguresOptions = {}): RecordKind<OfficialFigureRow, Extra> {
  return {
    batchKind: "OFFICIAL_FIGURES",
    columns: OFFICIAL_FIGURE_COLUMNS,
    prepare: async (ctx) => ({ targets: await loadUnitTargets(ctx.db), sources: await loadSourceIdentities(ctx.db) }),
    parse(f, _ctx, extra) {
      const year = f.year("review_year");
      const unitCode = rowUnit(f, extra.targets, year, opts.skipUnknown ?? false);
      const figures = readFigures(f);
      const quality = readQuality(f);
      const qualityNote = f.text("quality_note", { max: 1000 }) ?? null;
      const source = readSource(f, extra.sources);
      if (year === undefined || unitCode === undefined || figures === undefined || quality === undefined || source === undefined) return undefined;
      return { unitCode, year, ...figures, quality, qualityNote, source };
    },
    key: (r) => `${r.unitCode}|${r.year}|${r.source.id}`,
    keyLabel: "unit, review year and source",
    duplicateColumn: "source_title",
    year: (r) => r.year,
    synthetic: () => false,
    store: storeFigures,
  };
}

/** The row's unit code: by province code, or by level and name; undefined when unusable or skipped. */
function rowUnit(f: RowFields, t: UnitTargets, year: number | undefined, skipUnknown: boolean): string | undefined {
  const byCode = f.text("province_code") !== undefined;
  const byLevel = f.text("level") !== undefined;
  if (byCode && byLevel) return f.problem("level", "a row gives either province_code (province file) or level and name (national and regional file), not both");
  if (!byCode && !byLevel) return f.problem("province_code", "required value is empty: give the province's GSO code (or level and name for the whole country or a region)");
  if (byCode) {
    const gso = f.code("province_code");
    if (gso !== undefined && !/^\d{2}$/.test(gso)) return f.problem("province_code", `"${gso}" is not a province's GSO code (2 digits, e.g. 06)`);
    if (gso === undefined || year === undefined) return undefined;
    const code = resolved(f, "province_code", resolveProvince(t, gso, year), skipUnknown);
    const given = f.text("province_name");
    if (code !== undefined && given !== undefined && !sameUnitName(given, code.name)) f.warn("province_name", `"${given}" differs from the unit's name ${code.name} (${code.code})`);
    return code?.code;
  }
  const level = f.oneOf("level", ["NATIONAL", "REGION"] as const);
  const name = level === "REGION" ? f.text("name", { required: true }) : f.text("name");
  if (level === undefined || year === undefined || (level === "REGION" && name === undefined)) return undefined;
  const r = level === "NATIONAL" ? resolveCountry(t, year) : resolveRegion(t, name!, year);
  return resolved(f, level === "NATIONAL" ? "level" : "name", r, skipUnknown)?.code;
}

/** A resolution's unit, or a problem (or, with skipUnknown, a warning for a unit not in the list). */
function resolved(f: RowFields, key: string, r: Resolution, skipUnknown: boolean): { code: string; name: string } | undefined {
  if ("code" in r) return r;
  if ("ambiguous" in r) return f.problem(key, r.ambiguous);
  if (skipUnknown) return void f.warn(key, `${r.unknown}; row skipped (--skip-unknown)`);
  return f.problem(key, `${r.unknown}; check the code, or load the unit list first (\`minhbach demo\` loads the country's units)`);
}

/** The figures of a row; at least one must be given, and no count can exceed the households. */
function readFigures(f: RowFields): Figures | undefined {
  const figures = {
    poorHouseholds: optionalCount(f, "poor_households"),
    poorRate: optionalRate(f, "poor_rate_pct"),
    nearPoorHouseholds: optionalCount(f, "near_poor_households"),
    nearPoorRate: optionalRate(f, "near_poor_rate_pct"),
    poorAndNearPoorHouseholds: optionalCount(f, "poor_plus_near_households"),
    poorAndNearPoorRate: optionalRate(f, "multidimensional_poverty_rate_pct"),
    totalHouseholds: optionalCount(f, "total_households"),
  };
  if (Object.values(figures).some((v) => v === undefined)) return undefined;
  const given = figures as Figures;
  if (Object.values(given).every((v) => v === null)) return f.problem("poor_rate_pct", "no figure: give at least one count or rate");
  const total = given.totalHouseholds;
  for (const key of ["poorHouseholds", "nearPoorHouseholds", "poorAndNearPoorHouseholds"] as const) {
    const n = given[key];
    if (total !== null && n !== null && n > total) return f.problem("total_households", `${total} households is fewer than the ${n} in ${key}`);
  }
  checkRate(f, "poor_rate_pct", given.poorHouseholds, total, given.poorRate);
  checkRate(f, "near_poor_rate_pct", given.nearPoorHouseholds, total, given.nearPoorRate);
  return given;
}

/** Warns when a rate is more than half a point off its count over the households (a typo, or another base). */
function checkRate(f: RowFields, key: string, count: number | null, total: number | null, rate: number | null): void {
  if (count === null || total === null || rate === null || total === 0) return;
  const computed = (100 * count) / total;
  if (Math.abs(computed - rate) > 0.5) f.warn(key, `${rate} % differs from ${count} / ${total} = ${computed.toFixed(2)} %`);
}

/** Province rows must say their quality; the national and regional file has no such column (the ministry's own
 *  totals, as reported), so a blank there is REPORTED. */
function readQuality(f: RowFields): OfficialFigureQuality | undefined {
  const provinceRow = f.text("province_code") !== undefined;
  if (!provinceRow && f.text("quality") === undefined) return "REPORTED";
  return f.oneOf("quality", OFFICIAL_FIGURE_QUALITIES, { required: provinceRow });
}

function readSource(f: RowFields, stored: ReadonlyMap<string, string>): FigureSource | undefined {
  const title = f.text("source_title", { required: true, max: 1000 });
  const publisher = f.text("source_publisher", { required: true });
  const date = sourceDate(f, "source_date");
  const url = sourceUrl(f, "source_url");
  if (title === undefined || publisher === undefined || date === undefined || url === undefined) return undefined;
  const identity = { title, publisher, url, date };
  return { id: sourceIdFor(stored, identity), ...identity };
}

/** Creates the missing sources, then replaces each (unit, year, source) the file gives. */
async function storeFigures(tx: PrivateDb, rows: readonly OfficialFigureRow[]): Promise<Record<string, number>> {
  const sources = await storeSources(tx, rows.map((r) => r.source));
  let replaced = 0;
  for (const r of rows) replaced += (await tx.officialFigure.deleteMany({ where: { unitCode: r.unitCode, year: r.year, sourceId: r.source.id } })).count;
  await tx.officialFigure.createMany({
    data: rows.map(({ source, ...r }) => ({ ...r, sourceId: source.id, sourceDate: source.date?.text ?? null })),
  });
  return { figures: rows.length, inserted: rows.length - replaced, replaced, sourcesCreated: sources.created, sourcesReused: sources.reused };
}
