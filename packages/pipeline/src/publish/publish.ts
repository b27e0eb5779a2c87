/**
 * `minhbach publish`: classify, aggregate, protect, attack, and write one immutable release. Why one function: the
 * steps only make sense together, and nothing reaches the public store unless the attacker found nothing.
 */
import { INDICATORS } from "@minhbach/core/standards/indicators.ts";
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import { STANDARDS, standardForYear } from "@minhbach/core/standards/index.ts";
import { protect, TOTAL_CATEGORY, type GateReport, type ProtectionResult } from "@minhbach/core/disclosure/index.ts";
import type { PublishableCellFate } from "@minhbach/core/disclosure/protect-table.ts";
import { createProtectPool, defaultProtectWorkers, type ProtectPool } from "@minhbach/core/disclosure/protect-pool.ts";
import { migrateStore } from "@minhbach/db/migrate.ts";
import { openPrivateStore } from "@minhbach/db/private.ts";
import { openPublicStore } from "@minhbach/db/public.ts";
import type { ReleaseContent } from "@minhbach/db/release-content.ts";
import { writeReleaseToStore } from "@minhbach/db/release-writer.ts";
import { buildTableInput, splitIntoParts, tableSpecs } from "./category-tables.js";
import { scanHouseholds } from "./household-scan.js";
import { summariseGates, type TableGateSummary } from "./gate-summary.js";
import { loadHistory } from "./history.js";
import { loadPrivateSnapshot, syntheticVillageYears } from "./load-private.js";
import { buildProjectTable } from "./project-table.js";
import { protectTables } from "./protect-tables.js";
import { buildStaticContent } from "./release-static.js";

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
  /** per table, summed over its parts (gate-summary.ts) */
  gate: TableGateSummary[];
  historyConflicts: string[];
  classMismatches: number;
}

/** What the release keeps of a protected table or of the project table. */
type ProtectionOutcome = Pick<ProtectionResult, "gate" | "historyConflicts">;

export class GateFailure extends Error {
  constructor(public readonly reports: { table: string; report: GateReport }[]) {
    const lines = reports.flatMap(({ table, report }) =>
      [...report.linearDisclosures, ...report.narrowIntervals, ...report.smallPublishedCounts].slice(0, 10).map((f) => `  ${table}: ${f.kind} ${f.cellId}: ${f.detail}`),
    );
    super(`Release gate failed: the attacker recovered protected cells; nothing was published.\n${lines.join("\n")}`);
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
    const groupsCache = new Map<string, string[]>();
    const groupsOf = (village: string, year: number) => {
      const key = `${village}|${year}`;
      let g = groupsCache.get(key);
      if (!g) groupsCache.set(key, (g = [village, ...snap.hierarchy.groupsOfVillage(village, year).map((x) => x.unit)]));
      return g;
    };
    const started = Date.now();
    const scan = await scanHouseholds(opts.privateUrl, groupsOf, { parts: workers });
    if (!scan.records) throw new Error("The private store holds no household records: import a review (or run `minhbach demo`) first.");
    log(`scanned ${scan.records} household records (${scan.years.join(", ")}) in ${Date.now() - started} ms`);
    const { releaseId: previous, history } = await loadHistory(publicDb);

    const households = new Map<string, number>(); // "<unit>|<year>" → households
    // Every record comes from a household import batch: when all of them are synthetic (the demo, benchmarks), so is
    // every village-year, and the store need not be read again (that query reads every record of a national store).
    const syntheticBatches = snap.batches.filter((b) => b.synthetic).map((b) => b.id);
    const syntheticVillages = syntheticBatches.length > 0 && syntheticBatches.length === snap.batches.length
      ? new Set(scan.villageYears.keys())
      : await syntheticVillageYears(opts.privateUrl, syntheticBatches);
    const syntheticUnitYears = new Set<string>(); // any village of the unit-year has records from a synthetic import
    for (const vy of scan.villageYears.values()) {
      for (const u of groupsOf(vy.village, vy.year)) {
        households.set(`${u}|${vy.year}`, (households.get(`${u}|${vy.year}`) ?? 0) + vy.households);
        if (syntheticVillages.has(`${vy.village}|${vy.year}`)) syntheticUnitYears.add(`${u}|${vy.year}`);
      }
    }
    const householdsOf = (unit: string, year: number) => households.get(`${unit}|${year}`);

    const cells: ReleaseContent["cells"] = [];
    for (const [key, n] of households) {
      const [unitCode, year] = key.split("|") as [string, string];
      cells.push({ unitCode, year: Number(year), measure: "households", value: n, status: "PUBLISHED", reason: null });
    }
    const gates: { table: string; report: GateReport }[] = [];
    const historyConflicts: string[] = [];
    const collect = (table: string, result: ProtectionOutcome) => {
      gates.push({ table, report: result.gate });
      historyConflicts.push(...result.historyConflicts);
    };

    // Parts finish in any order on the pool; their outputs are kept by part index so the release is the same however
    // many workers ran.
    const partOutputs: { table: string; result: ProtectionOutcome; cells: ReleaseContent["cells"] }[] = [];
    await protectTables(
      tableSpecs(scan.years),
      (spec) => splitIntoParts(buildTableInput(spec, scan, snap.hierarchy, opts.k, history), snap.hierarchy),
      pool,
      ({ index, spec, protection }) => {
        partOutputs[index] = { table: spec.table, result: protection, cells: publishedCells(protection.cells, spec.measure) };
      },
      log,
    );
    await pool.close();
    for (const part of partOutputs) {
      collect(part.table, part.result);
      for (const c of part.cells) cells.push(c);
    }

    const staticContent = buildStaticContent(snap, opts.k);
    const projectTable = buildProjectTable(snap, opts.k, householdsOf, history, groupsOf);
    const projectResult = await protect(projectTable.problem);
    collect("projects", projectResult);
    const valueOf = new Map(projectTable.problem.cells.map((c) => [c.id, c.value]));
    for (const [id, { unit, year }] of projectTable.unitCells) {
      const status = projectResult.status.get(id) ?? "SUPPRESSED";
      cells.push({ unitCode: unit, year, measure: "projectParticipants", value: status === "PUBLISHED" ? valueOf.get(id)! : null, status, reason: status === "PUBLISHED" ? null : projectResult.reason.get(id) ?? "SECONDARY" });
    }
    const projects: ReleaseContent["projects"] = snap.projects.map((p) => {
      const id = projectTable.projectCell.get(p.code);
      const status = id ? projectResult.status.get(id) ?? "SUPPRESSED" : "NOT_AVAILABLE";
      const sum = (f: (x: { budgetVnd: bigint; disbursedVnd: bigint }) => bigint) => (p.funding.length ? p.funding.reduce((s, x) => s + f(x), 0n) : null);
      return {
        code: p.code, name: p.name, nameAscii: foldVietnamese(p.name), programme: p.programme, component: p.component,
        budgetVnd: sum((x) => x.budgetVnd), disbursedVnd: sum((x) => x.disbursedVnd),
        householdsValue: status === "PUBLISHED" ? valueOf.get(id!)! : null, householdsStatus: status,
        householdsReason: status === "SUPPRESSED" ? projectResult.reason.get(id!) ?? "SECONDARY" : null,
        startDate: p.startDate, endDate: p.endDate, status: p.status, decisionRef: p.decisionRef, synthetic: p.synthetic, sourceIds: p.sourceIds,
      };
    });

    const failed = gates.filter((g) => !g.report.ok);
    if (failed.length) throw new GateFailure(failed);

    const now = opts.now ?? new Date();
    const releaseId = await nextReleaseId(publicDb, now);
    const batchSources = new Map<number, string[]>();
    for (const b of snap.batches) if (b.sourceId && b.year !== null) (batchSources.get(b.year) ?? batchSources.set(b.year, []).get(b.year)!).push(b.sourceId);
    const citedBy = new Map<string, string[]>(); // "<unit>|<year>" → source ids of figures that corroborate it
    for (const c of snap.citations) {
      const key = `${c.unitCode}|${c.year}`;
      (citedBy.get(key) ?? citedBy.set(key, []).get(key)!).push(c.sourceId);
    }
    const unitYears: ReleaseContent["unitYears"] = [...households.keys()].map((key) => {
      const [unitCode, yearText] = key.split("|") as [string, string];
      const year = Number(yearText);
      const cited = citedBy.get(key) ?? [];
      return {
        unitCode, year, standardId: standardForYear(year).id, synthetic: syntheticUnitYears.has(key),
        sourceIds: JSON.stringify([...new Set([...cited, ...(batchSources.get(year) ?? [])])]),
      };
    });
    const usedStandards = [...new Set(scan.years.map((y) => standardForYear(y).id))];
    const gateSummary = summariseGates(gates);
    const content: ReleaseContent = {
      release: {
        id: releaseId, createdAt: now, title: opts.title ?? `Kết quả rà soát hộ nghèo, hộ cận nghèo ${scan.years[0]}–${scan.years.at(-1)}`,
        standards: JSON.stringify(usedStandards),
        parameters: JSON.stringify({ k: opts.k, years: scan.years, method: "GaussSuppression (Langsrud 2019) + interval gate (HiGHS)" }),
        changeNote: opts.changeNote ?? (previous ? `Supersedes ${previous}` : null), supersedes: previous,
        gateReport: JSON.stringify(gateSummary),
        synthetic: syntheticUnitYears.size > 0 || snap.units.some((u) => u.synthetic),
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
      ...staticContent,
      projects,
      unitYears,
      cells,
    };
    log(`writing release ${releaseId} (${cells.length} cells)`);
    const written = await writeReleaseToStore(publicDb, opts.publicUrl, content);
    return {
      releaseId: written.id, seq: written.seq, checksum: written.checksum, cells: cells.length,
      suppressed: cells.filter((c) => c.status === "SUPPRESSED").length, gate: gateSummary, historyConflicts, classMismatches: scan.classMismatches,
    };
  } finally {
    await Promise.all([privateDb.$disconnect(), publicDb.$disconnect(), pool?.close()]);
  }
}

/** The public-store rows of one protected table (totals are published separately as "households"). */
function publishedCells(fates: readonly PublishableCellFate[], measure: (category: string) => string): ReleaseContent["cells"] {
  const out: ReleaseContent["cells"] = [];
  for (const cell of fates) {
    const [, unitCode, year, category] = cell.id.split("|") as [string, string, string, string];
    if (category === TOTAL_CATEGORY) continue;
    const published = cell.status === "PUBLISHED";
    out.push({ unitCode, year: Number(year), measure: measure(category), value: published ? cell.value : null, status: cell.status, reason: cell.reason });
  }
  return out;
}

/** Release ids are "<year>.<n>" (n-th release of that year): short and citable. */
async function nextReleaseId(db: ReturnType<typeof openPublicStore>, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const existing = await db.release.findMany({ where: { id: { startsWith: `${year}.` } }, select: { id: true } });
  const n = existing.reduce((m, r) => Math.max(m, Number(r.id.split(".")[1]) || 0), 0) + 1;
  return `${year}.${n}`;
}
