/**
 * `minhbach publish`: classify, aggregate, protect, attack, and write one immutable release. Why one function: the
 * steps only make sense together, and nothing reaches the public store unless the attacker found nothing.
 */
import { INDICATORS } from "@minhbach/core/standards/indicators.ts";
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import { STANDARDS, standardForYear } from "@minhbach/core/standards/index.ts";
import { DisclosureGateError, protect, type GateReport } from "@minhbach/core/disclosure/index.ts";
import { parseCellKey, type DifferencingPair } from "@minhbach/core/disclosure/release-gate/index.ts";
import { createProtectPool, defaultProtectWorkers, type ProtectPool } from "@minhbach/core/disclosure/protect-pool.ts";
import { migrateStore } from "@minhbach/db/migrate.ts";
import { openPrivateStore, type PrivateDb } from "@minhbach/db/private.ts";
import { openPublicStore } from "@minhbach/db/public.ts";
import { deletePublishReport, writePublishReport, type PublishReportContent } from "@minhbach/db/publish-report.ts";
import type { ReleaseContent } from "@minhbach/db/release-content.ts";
import { writeReleaseToStore } from "@minhbach/db/release-writer.ts";
import { buildTableInput, splitIntoParts, tableSpecs, type IsComplete, type TableSpec } from "./category-tables.js";
import { scanHouseholds, type GroupsOf, type ScanResult } from "./household-scan.js";
import { summariseGates, type TableGateSummary } from "./gate-summary.js";
import { loadHistory, type History } from "./history.js";
import { loadPrivateSnapshot, type PrivateSnapshot } from "./load-private.js";
import { buildProjectTable } from "./project-table.js";
import { protectTables } from "./protect-tables.js";
import { gateRelease } from "./release-gate.js";
import { addNotAvailable, ReleaseFigures, tableFigures, type ProtectionOutcome } from "./release-figures.js";
import { buildStaticContent, type StaticRelease } from "./release-static.js";
import type { UnitHierarchy } from "./unit-hierarchy.js";
import { unitYearFacts, unitYearRows, type UnitYearFacts } from "./unit-years.js";

export interface PublishOptions {
  privateUrl: string;
  publicUrl: string;
  k: number;
  title?: string;
  changeNote?: string;
  now?: Date;
  log?: (line: string) => void;
  /** threads for the scan and for protection; default: one per core (at most 4) for stores of 100,000 records or
   *  more, else none besides the main thread */
  workers?: number;
}

/** Below this many household records, starting worker threads (~0.5–1 s each) costs more than it saves. */
const PARALLEL_FROM_RECORDS = 100_000;

export interface PublishSummary {
  releaseId: string;
  seq: number;
  checksum: string;
  cells: number;
  suppressed: number;
  /** aggregate unit-years whose figures are NOT_AVAILABLE because not every child reported (coverage.ts) */
  incomplete: number;
  /** per table, summed over its parts (gate-summary.ts) */
  gate: TableGateSummary[];
  historyConflicts: string[];
  classMismatches: number;
}

/**
 * A table whose own gate still found a protected cell after every suppression it could add. The message names the
 * tables, years and units and what to do; never a value or a range (finding details do, so they are not printed).
 */
export class GateFailure extends Error {
  constructor(public readonly reports: { table: string; report: GateReport }[]) {
    const where = new Map<string, Set<string>>();
    for (const { report } of reports) {
      for (const f of [...report.linearDisclosures, ...report.narrowIntervals, ...report.smallPublishedCounts]) {
        const [table, unit = "?", year = "?"] = f.cellId.split("|"); // "<table>|<unit>|<year>|<category>"
        const key = `${table}, review ${year}`;
        (where.get(key) ?? where.set(key, new Set()).get(key)!).add(unit);
      }
    }
    const lines = [...where].slice(0, 20).map(([key, units]) => `  ${key}: ${[...units].slice(0, 12).join(", ")}${units.size > 12 ? ` and ${units.size - 12} more` : ""}`);
    super([
      "Release gate failed: disclosure control could not protect every small group in these tables; nothing was published.",
      ...lines,
      "What you can do: check these units' review files for that year (a village with very few households in a group",
      "is the usual cause), correct and re-import them; or publish with a larger --k. No protected value is shown.",
    ].join("\n"));
  }
}

export async function publishRelease(opts: PublishOptions): Promise<PublishSummary> {
  const log = opts.log ?? (() => {});
  if (opts.k < 3) throw new Error(`k must be at least 3 (got ${opts.k})`);
  await migrateStore("private", opts.privateUrl);
  await migrateStore("public", opts.publicUrl);
  const privateDb = openPrivateStore(opts.privateUrl);
  const publicDb = openPublicStore(opts.publicUrl);
  let pool: ProtectPool | undefined;
  try {
    const snap = await loadPrivateSnapshot(privateDb);
    // Started before the scan so that the workers load their code and the solver while the scan runs. The size comes
    // from the import batches (an upper bound: a replaced batch still counts), as the scan has not counted yet.
    // The same number of threads then reads the store (scan parts) and protects the tables (pool workers).
    const importedRows = snap.batches.reduce((sum, b) => sum + b.rows, 0);
    const workers = opts.workers ?? (importedRows >= PARALLEL_FROM_RECORDS ? defaultProtectWorkers() : 1);
    pool = createProtectPool(workers);
    const groupsOf = cachedGroups(snap.hierarchy);
    const started = Date.now();
    const scan = await scanHouseholds(opts.privateUrl, groupsOf, { parts: workers });
    if (!scan.records) throw new Error("The private store holds no household records: import a review (or run `minhbach demo`) first.");
    log(`scanned ${scan.records} household records (${scan.years.join(", ")}) in ${Date.now() - started} ms`);
    const { releaseId: previous, history } = await loadHistory(publicDb);
    const facts = await unitYearFacts(opts.privateUrl, snap, scan, groupsOf);
    if (facts.incomplete.length) log(`${facts.incomplete.length} unit-years where not every village reported: their figures are NOT_AVAILABLE`);

    const figures = new ReleaseFigures();
    for (const [key, n] of facts.households) {
      const [unitCode, year] = key.split("|") as [string, string];
      if (facts.complete(unitCode, Number(year))) figures.add(unitCode, Number(year), "households", n, "PUBLISHED", null);
    }
    const specs = tableSpecs(scan.years);
    addNotAvailable(figures, facts.incomplete, specs, scan.years);
    const differencing: DifferencingPair[] = [];
    await protectCategoryTables(figures, { specs, scan, snap, k: opts.k, history, complete: facts.complete, pool, log, differencing });
    await pool.close();
    const staticRelease = buildStaticContent(snap, opts.k);
    const projects = await protectProjects(figures, { snap, k: opts.k, facts, history, groupsOf });

    const failed = figures.gates.filter((g) => !g.report.ok);
    if (failed.length) throw new GateFailure(failed);

    const now = opts.now ?? new Date();
    const releaseId = await nextReleaseId(publicDb, now);
    const gateSummary = summariseGates(figures.gates);
    const content: ReleaseContent = assembleContent({ opts, releaseId, now, previous, scan, snap, facts, figures, staticRelease, projects, gateSummary });
    const report: PublishReportContent = {
      releaseId, createdAt: now,
      gateReport: JSON.stringify({ tables: gateSummary, historyConflicts: figures.historyConflicts, incompleteUnitYears: facts.incomplete }),
      suppressions: [...figures.suppressions, ...staticRelease.suppressions],
    };
    // The release as it will be published, attacked before either store is written (release-gate.ts).
    const gateStarted = Date.now();
    const { report: releaseGate, repaired, rounds } = await gateRelease({
      k: opts.k, content, hiddenValues: figures.hiddenValues, differencing, hierarchy: snap.hierarchy, villagesByYear: villagesByYear(scan), publicDb, log,
    });
    for (const { key } of repaired) {
      const { unit: subject, year, measure } = parseCellKey(key);
      report.suppressions.push({ kind: "CELL", subject, year, measure, reason: "RELEASE_GATE" });
    }
    log(`release gate: ${releaseGate.stats.targets} protected figures attacked over ${releaseGate.stats.rows} relations in ${Date.now() - gateStarted} ms` +
      (repaired.length ? `; ${repaired.length} more figures hidden in ${rounds - 1} repair round(s)` : ""));
    report.gateReport = JSON.stringify({ ...JSON.parse(report.gateReport), release: { ...releaseGate.stats, repaired: repaired.length, rounds } });

    log(`writing release ${releaseId} (${content.cells.length} cells)`);
    const written = await writeReleaseWithReport(privateDb, publicDb, opts, content, report);
    return {
      releaseId: written.id, seq: written.seq, checksum: written.checksum, cells: content.cells.length,
      suppressed: content.cells.filter((c) => c.status === "SUPPRESSED").length, incomplete: facts.incomplete.length,
      gate: gateSummary, historyConflicts: figures.historyConflicts, classMismatches: scan.classMismatches,
    };
  } catch (err) {
    // protect() gave up on a table: say where, as a refused gate does, without the values its findings hold.
    if (err instanceof DisclosureGateError) throw new GateFailure([{ table: "", report: err.gate }]);
    throw err;
  } finally {
    await Promise.all([privateDb.$disconnect(), publicDb.$disconnect(), pool?.close()]);
  }
}

/** The villages with records in each review year, for the release gate's hierarchy. */
function villagesByYear(scan: ScanResult): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const vy of scan.villageYears.values()) (out.get(vy.year) ?? out.set(vy.year, []).get(vy.year)!).push(vy.village);
  return out;
}

/** The village and every unit it counts towards in a review year, cached: the scan asks once per record. */
function cachedGroups(hierarchy: UnitHierarchy): GroupsOf {
  const cache = new Map<string, string[]>();
  return (village, year) => {
    const key = `${village}|${year}`;
    let g = cache.get(key);
    if (!g) cache.set(key, (g = [village, ...hierarchy.groupsOfVillage(village, year).map((x) => x.unit)]));
    return g;
  };
}

interface TableRun {
  specs: TableSpec[];
  scan: ScanResult;
  snap: PrivateSnapshot;
  k: number;
  history: History;
  complete: IsComplete;
  pool: ProtectPool;
  log: (line: string) => void;
  /** filled with every table's year-to-year differencing pairs, for the release gate */
  differencing: DifferencingPair[];
}

/** Protects the category tables on the pool and adds their cells. Parts finish in any order on the pool; their
 *  outputs are kept by part index so the release is the same however many workers ran. */
async function protectCategoryTables(figures: ReleaseFigures, run: TableRun): Promise<void> {
  const parts: { table: string; result: ProtectionOutcome; figures: ReleaseFigures }[] = [];
  await protectTables(
    run.specs,
    (spec) => {
      const input = buildTableInput(spec, run.scan, run.snap.hierarchy, run.k, run.history, run.complete);
      for (const d of input.differencing ?? []) {
        run.differencing.push({ unit: d.unit, fromYear: d.fromYear, toYear: d.toYear, measure: spec.measure(d.category), movers: d.movers ?? run.k });
      }
      return splitIntoParts(input, run.snap.hierarchy);
    },
    run.pool,
    ({ index, spec, protection }) => {
      const result = { gate: protection.gate, historyConflicts: protection.historyConflicts };
      parts[index] = { table: spec.table, result, figures: tableFigures(protection.cells, spec.measure) };
    },
    run.log,
  );
  for (const part of parts) {
    figures.collect(part.table, part.result);
    figures.append(part.figures);
  }
}

interface ProjectRun {
  snap: PrivateSnapshot;
  k: number;
  facts: UnitYearFacts;
  history: History;
  groupsOf: GroupsOf;
}

/** Protects project participation (project-table.ts), adds its per-unit cells, and returns the project rows. */
async function protectProjects(figures: ReleaseFigures, { snap, k, facts, history, groupsOf }: ProjectRun): Promise<ReleaseContent["projects"]> {
  const householdsOf = (unit: string, year: number) => facts.households.get(`${unit}|${year}`);
  const table = buildProjectTable(snap, k, householdsOf, history, groupsOf, facts.complete);
  const result = await protect(table.problem);
  figures.collect("projects", result);
  const valueOf = new Map(table.problem.cells.map((c) => [c.id, c.value]));
  for (const [id, { unit, year }] of table.unitCells) {
    figures.add(unit, year, "projectParticipants", valueOf.get(id)!, result.status.get(id) ?? "SUPPRESSED", result.reason.get(id));
  }
  for (const { unit, year } of table.unavailable) figures.notAvailable(unit, year, "projectParticipants");
  return snap.projects.map((p) => {
    const id = table.projectCell.get(p.code);
    const status = id ? result.status.get(id) ?? "SUPPRESSED" : "NOT_AVAILABLE";
    if (status === "SUPPRESSED") {
      figures.suppressions.push({ kind: "PROJECT", subject: p.code, year: 0, measure: "households", reason: result.reason.get(id!) ?? "SECONDARY" });
    }
    const sum = (f: (x: { budgetVnd: bigint; disbursedVnd: bigint }) => bigint) => (p.funding.length ? p.funding.reduce((s, x) => s + f(x), 0n) : null);
    return {
      code: p.code, name: p.name, nameAscii: foldVietnamese(p.name), programme: p.programme, component: p.component,
      budgetVnd: sum((x) => x.budgetVnd), disbursedVnd: sum((x) => x.disbursedVnd),
      householdsValue: status === "PUBLISHED" ? valueOf.get(id!)! : null, householdsStatus: status,
      startDate: p.startDate, endDate: p.endDate, status: p.status, decisionRef: p.decisionRef, synthetic: p.synthetic, sourceIds: p.sourceIds,
    };
  });
}

interface ContentParts {
  opts: PublishOptions;
  releaseId: string;
  now: Date;
  previous: string | null;
  scan: ScanResult;
  snap: PrivateSnapshot;
  facts: UnitYearFacts;
  figures: ReleaseFigures;
  staticRelease: StaticRelease;
  projects: ReleaseContent["projects"];
  gateSummary: TableGateSummary[];
}

function assembleContent({ opts, releaseId, now, previous, scan, snap, facts, figures, staticRelease, projects, gateSummary }: ContentParts): ReleaseContent {
  const usedStandards = [...new Set(scan.years.map((y) => standardForYear(y).id))];
  const records = staticRelease.content;
  return {
    release: {
      id: releaseId, createdAt: now, title: opts.title ?? `Kết quả rà soát hộ nghèo, hộ cận nghèo ${scan.years[0]}–${scan.years.at(-1)}`,
      standards: JSON.stringify(usedStandards),
      parameters: JSON.stringify({ k: opts.k, years: scan.years, method: "GaussSuppression (Langsrud 2019) + interval gate (HiGHS)" }),
      changeNote: opts.changeNote ?? (previous ? `Supersedes ${previous}` : null), supersedes: previous,
      gateReport: JSON.stringify(gateSummary),
      // Any synthetic figure or record in the release: a unit-year with records from a synthetic household import, or
      // a synthetic project, credit, jobs, plan or inspection row. Not units or sources: they say where and from what,
      // and a real review of villages whose names or shapes were made up still publishes real figures.
      synthetic: facts.synthetic.size > 0 || projects.some((p) => p.synthetic) ||
        [records.credit, records.jobs, records.plans, records.inspections].some((rows) => rows.some((r) => r.synthetic)),
    },
    standards: STANDARDS.filter((s) => usedStandards.includes(s.id)).map((s) => ({
      id: s.id, name: s.nameVi, legalBasis: s.legalBasis, fromYear: s.firstYear, toYear: s.lastYear,
      ruralLine: s.incomeLine.rural, urbanLine: s.incomeLine.urban,
      minDeprived: Math.max(...s.rules.filter((r) => r.class === "POOR").map((r) => r.minLacking)),
    })),
    indicators: STANDARDS.filter((s) => usedStandards.includes(s.id)).flatMap((s) =>
      s.indicators.map((code, ordinal) => {
        const ind = INDICATORS.find((i) => i.code === code)!;
        return { standardId: s.id, code, dimension: ind.dimensionVi, labelVi: ind.labelVi, labelEn: ind.labelEn, ordinal };
      }),
    ),
    ...records,
    projects,
    unitYears: unitYearRows(facts, snap),
    cells: figures.cells,
  };
}

/**
 * Writes the private publish report, then the release. Why this order: a release must never be public without the
 * operators' record of why its figures are hidden (a published release is immutable, and a later publish would not
 * rebuild the same reasons, its history differing). The other leftover, a report without its release, describes
 * nothing public: it is removed here when the public write fails, and if the process dies between the two writes it
 * is replaced by the next publish, which gets the same release id from the public store (publish-report.ts).
 */
async function writeReleaseWithReport(privateDb: PrivateDb, publicDb: ReturnType<typeof openPublicStore>, opts: PublishOptions,
  content: ReleaseContent, report: PublishReportContent): Promise<{ id: string; seq: number; checksum: string }> {
  await writePublishReport(privateDb, opts.privateUrl, report);
  try {
    return await writeReleaseToStore(publicDb, opts.publicUrl, content);
  } catch (err) {
    try {
      await deletePublishReport(privateDb, opts.privateUrl, report.releaseId);
    } catch (cleanup) {
      const why = `${(err as Error).message}\n(the private store still holds the publish report of ${report.releaseId}, which describes no release: ${(cleanup as Error).message})`;
      throw new Error(why, { cause: err });
    }
    throw err;
  }
}

/** Release ids are "<year>.<n>" (n-th release of that year): short and citable. */
async function nextReleaseId(db: ReturnType<typeof openPublicStore>, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const existing = await db.release.findMany({ where: { id: { startsWith: `${year}.` } }, select: { id: true } });
  const n = existing.reduce((m, r) => Math.max(m, Number(r.id.split(".")[1]) || 0), 0) + 1;
  return `${year}.${n}`;
}
