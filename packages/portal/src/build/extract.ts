/**
 * Step 1 of the build: ask the public GraphQL API for everything the portal shows and write it as a snapshot
 * (site.json + one JSON file per unit and per project). Why a snapshot: Astro's page generation then reads one small
 * file per page, and the API is queried page by page (100 units a query) rather than once per page.
 */
import fs from "node:fs";
import path from "node:path";
import { simplifyGeometry, toleranceForZoom, type AreaGeometry } from "@minhbach/core/geo/index.ts";
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import { ALL_UNIT_LEVELS } from "@minhbach/core/units/levels.ts";
import type { Exec } from "./graphql-client.js";
import { CHILDREN_QUERY, HISTORY_QUERY, PROJECTS_QUERY, RELEASE_QUERY, RELEASES_QUERY, SCHEMA_QUERY, unitsQuery } from "./queries.js";
import { headlineOfficial, isTemplated } from "../lib/official.js";
import type { Change, Coverage, Fig, IndexEntry, KeyYear, Level, OfficialFigure, ProjectData, RateStatus, ReleaseData, SiteData, UnitData, UnitRef, YearStat } from "../data/model.js";
import { toShapes, type MapShape } from "../data/map-layers.js";
import { writeReleaseChanges } from "./release-changes.js";

const ALL_LEVELS: readonly Level[] = ALL_UNIT_LEVELS;
const PAGE = 100;
/** Zoom bands the map switches between: a province view and a commune view. */
export const ZOOM_BANDS = [8, 11] as const;

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are shaped by the queries above */
type Any = any;

const fig = (m: Any): Fig => ({ value: m.value ?? null, status: m.status });
const ids = (list: Any[] | undefined): string[] => (list ?? []).map((s) => s.id);
const ref = (u: Any): UnitRef => ({ code: u.code, name: u.name, level: u.level, type: u.type });
/** The poor rate's status initial; "C" when the year's coverage is incomplete (no total, not merely no data). */
const rateStatus = (p: { poorRate: Fig; coverage: Coverage | null }): RateStatus =>
  p.coverage && p.coverage.reported < p.coverage.expected ? "C" : p.poorRate.status === "PUBLISHED" ? "P" : p.poorRate.status === "SUPPRESSED" ? "S" : "N";
const rateRow = (p: { year: number; poorRate: Fig; coverage: Coverage | null }): [number, number | null, RateStatus] => [p.year, p.poorRate.value, rateStatus(p)];

/** Coverage as the API gives it, with the level of the children it counts (villages of a commune, else communes). */
function coverage(c: Any, level: Level): Coverage | null {
  return c ? { reported: c.reported, expected: c.expected, of: level === "COMMUNE" ? "VILLAGE" : "COMMUNE" } : null;
}

function yearStat(p: Any, level: Level): YearStat {
  return {
    year: p.year, standardId: p.standard.id, synthetic: p.synthetic, coverage: coverage(p.coverage, level), sourceIds: ids(p.sources),
    households: fig(p.households), poor: fig(p.poor), nearPoor: fig(p.nearPoor), poorRate: fig(p.poorRate),
    nearPoorRate: fig(p.nearPoorRate), newlyPoor: fig(p.newlyPoor), rePoor: fig(p.rePoor), escapedPoor: fig(p.escapedPoor),
    projectParticipants: fig(p.projectParticipants),
    deprivations: p.deprivations.map((d: Any) => ({ code: d.indicator.code, households: fig(d.households), share: fig(d.share) })),
  };
}

function change(c: Any): Change {
  return {
    kind: c.kind, effectiveDate: c.effectiveDate, legalBasis: c.legalBasis, note: c.note ?? null,
    from: c.from ? ref(c.from) : null, to: c.to ? { ...ref(c.to), parent: c.to.parent ? ref(c.to.parent) : null } : null,
  };
}

async function* pages(exec: Exec, query: string, vars: Record<string, unknown>, pick: (d: Any) => Any): AsyncGenerator<Any[]> {
  let after: string | null = null;
  do {
    const conn = pick(await exec(query, { ...vars, after })) as Any;
    yield conn.nodes;
    after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
  } while (after);
}

/** The levels the API knows and whether units carry official figures (older APIs have neither COUNTRY nor them). */
async function apiFeatures(exec: Exec): Promise<{ levels: Level[]; official: boolean }> {
  const d = (await exec(SCHEMA_QUERY, {})) as Any;
  const known = new Set<string>((d.levels?.enumValues ?? []).map((v: Any) => v.name));
  return { levels: ALL_LEVELS.filter((l) => known.has(l)), official: (d.unit?.fields ?? []).some((f: Any) => f.name === "officialFigures") };
}

const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
const officialFigure = (f: Any): OfficialFigure => ({
  year: f.year, poorHouseholds: num(f.poorHouseholds), poorRate: num(f.poorRate), nearPoorHouseholds: num(f.nearPoorHouseholds),
  nearPoorRate: num(f.nearPoorRate), totalHouseholds: num(f.totalHouseholds), quality: f.quality, qualityNote: f.qualityNote ?? null,
  source: f.source ? { title: f.source.title, publisher: f.source.publisher, url: f.source.url ?? null, date: f.source.date ?? null } : null,
});

export interface ExtractResult {
  site: SiteData;
  shapes: Record<Level, MapShape[]>;
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value));
}

/** Extract the release (latest unless named) into `dir`; returns the site index and simplified map shapes. */
export async function extractSnapshot(exec: Exec, dir: string, opts: { release?: string } = {}): Promise<ExtractResult> {
  fs.rmSync(dir, { recursive: true, force: true });
  const releasesAnswer = (await exec(RELEASES_QUERY, {})) as Any;
  const releases: ReleaseData[] = releasesAnswer.releases.map((r: Any) => ({ ...r, supersedes: r.supersedes?.id ?? null }));
  const current = releases.find((r) => (opts.release ? r.id === opts.release : r.latest));
  if (!current) throw new Error(opts.release ? `Release ${opts.release} not found in the public store` : "The public store has no complete release");
  const release = current.id;
  const rel = ((await exec(RELEASE_QUERY, { release })) as Any).release;

  const features = await apiFeatures(exec);
  const LEVELS = features.levels;
  const units: IndexEntry[] = [];
  const shapes = Object.fromEntries(ALL_LEVELS.map((l) => [l, []])) as unknown as Record<Level, MapShape[]>;
  for (const level of LEVELS) {
    for await (const nodes of pages(exec, unitsQuery(features.official), { level, first: PAGE, release }, (d) => d.units)) {
      for (const u of nodes) {
        let children: UnitRef[] = u.children.nodes.map(ref);
        if (u.children.totalCount > children.length) {
          children = [];
          for await (const more of pages(exec, CHILDREN_QUERY, { code: u.code, release }, (d) => d.unit.children)) children.push(...more.map(ref));
        }
        const geometry = u.geometry ? (typeof u.geometry === "string" ? JSON.parse(u.geometry) : u.geometry) as AreaGeometry : null;
        const data: UnitData = {
          ...ref(u), gsoCode: u.gsoCode, validFrom: u.validFrom, validTo: u.validTo, synthetic: u.synthetic,
          geometryIllustrative: u.geometryIllustrative, hasGeometry: geometry !== null, centroid: u.centroid,
          parentCode: u.parent?.code ?? null, ancestors: u.ancestors.map(ref),
          parentHistory: u.parentHistory.map((p: Any) => ({ parentCode: p.parentCode, parentName: p.parent?.name ?? null, validFrom: p.validFrom, validTo: p.validTo })),
          successors: u.successors.map(change), predecessors: u.predecessors.map(change), children,
          poverty: u.poverty.map((p: Any) => yearStat(p, u.level)), credit: u.credit.map((c: Any) => ({ year: c.year, programme: c.programme, loanTurns: fig(c.loanTurns),
            outstandingVnd: c.outstandingVnd ?? null, synthetic: c.synthetic, sourceIds: ids(c.sources) })),
          jobs: u.jobs.map((j: Any) => ({ year: j.year, domestic: fig(j.domestic), abroad: fig(j.abroad), synthetic: j.synthetic, sourceIds: ids(j.sources) })),
          projectCodes: u.projects.nodes.map((p: Any) => p.code),
          officialFigures: (u.officialFigures ?? []).map(officialFigure).sort((a: OfficialFigure, b: OfficialFigure) => b.year - a.year),
        };
        const official = headlineOfficial(data.officialFigures);
        writeJson(path.join(dir, "units", `${u.code}.json`), data);
        if (geometry) writeJson(path.join(dir, "geometry", `${u.code}.json`), geometry);
        units.push({
          ...ref(u), parentCode: data.parentCode, page: u.code, nameAscii: foldVietnamese(u.name), years: data.poverty.map((p) => p.year),
          validTo: u.validTo, synthetic: u.synthetic, hasGeometry: geometry !== null, centroid: u.centroid,
          rates: data.poverty.map(rateRow), syntheticYears: data.poverty.filter((p) => p.synthetic).map((p) => p.year),
          validFrom: u.validFrom, official: official ? { year: official.year, rate: official.poorRate!, quality: official.quality } : null,
          templated: isTemplated(data),
        });
        shapes[level as Level].push(...toShapes(u.code, geometry, u.centroid, ZOOM_BANDS.map((z) => (g: AreaGeometry) =>
          simplifyGeometry(g, toleranceForZoom(z, 1.5), { decimals: z < 10 ? 3 : 4 }))));
      }
    }
  }
  // Villages live on their (current, else last) commune's page.
  for (const u of units) if (u.level === "VILLAGE" && u.parentCode) u.page = u.parentCode;

  const projects: SiteData["projects"] = [];
  for await (const nodes of pages(exec, PROJECTS_QUERY, { release }, (d) => d.projects)) {
    for (const p of nodes) {
      const areas = new Map<string, UnitRef>();
      for (const v of p.villages) for (const a of v.ancestors) if (a.level === "COMMUNE" || a.level === "DISTRICT") areas.set(a.code, ref(a));
      const data: ProjectData = {
        code: p.code, name: p.name, programme: p.programme, component: p.component, budgetVnd: p.budgetVnd, disbursedVnd: p.disbursedVnd,
        households: fig(p.households), startDate: p.startDate, endDate: p.endDate, status: p.status, decisionRef: p.decisionRef,
        synthetic: p.synthetic, sourceIds: ids(p.sources), funding: p.funding, villages: p.villages.map(ref), areas: [...areas.values()],
      };
      writeJson(path.join(dir, "projects", `${p.code}.json`), data);
      projects.push({ code: p.code, name: p.name, synthetic: p.synthetic, budgetVnd: p.budgetVnd, areaCodes: [...areas.keys()] });
    }
  }

  const history: SiteData["history"] = {};
  for (const r of releases) {
    if (r.id === release) {
      history[r.id] = Object.fromEntries(units.map((u) => [u.code, u.rates]));
      continue;
    }
    const byCode: Record<string, [number, number | null, RateStatus][]> = {};
    for (const level of LEVELS) {
      for await (const nodes of pages(exec, HISTORY_QUERY, { level, first: PAGE, release: r.id }, (d) => d.units)) {
        for (const u of nodes) {
          const key: KeyYear[] = u.poverty.map((p: Any) => ({ year: p.year, standardId: p.standard.id, coverage: coverage(p.coverage, level),
            households: fig(p.households), poor: fig(p.poor),
            nearPoor: fig(p.nearPoor), poorRate: fig(p.poorRate), nearPoorRate: fig(p.nearPoorRate) }));
          byCode[u.code] = key.map(rateRow);
          // One small file per unit and earlier release: the static step folds them into /data/unit/<code>.json.
          writeJson(path.join(dir, "pinned", r.id, `${u.code}.json`), key);
        }
      }
    }
    history[r.id] = byCode;
  }

  const site: SiteData = {
    builtAt: new Date().toISOString(), release: current, releases, sources: rel.sources,
    standards: rel.standards.map((s: Any) => ({ id: s.id, name: s.name, legalBasis: s.legalBasis, fromYear: s.fromYear, toYear: s.toYear,
      ruralLine: s.ruralLine, urbanLine: s.urbanLine, minDeprived: s.minDeprived })),
    indicators: rel.standards.flatMap((s: Any) => s.vi.map((i: Any, n: number) => ({ code: i.code, standard: s.id, ordinal: i.ordinal,
      labelVi: i.label, labelEn: s.en[n]?.label ?? i.label, dimensionVi: i.dimension, dimensionEn: s.en[n]?.dimension ?? i.dimension }))),
    units, projects, history,
  };
  writeJson(path.join(dir, "site.json"), site);
  writeJson(path.join(dir, "shapes.json"), shapes);
  // "What changed" per release (pages and the Atom feed), from the key figures fetched above: no extra query.
  writeReleaseChanges(dir, site);
  return { site, shapes };
}
