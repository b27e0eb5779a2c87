/** The three build steps as one function (used by the CLI, `pnpm start`, the browser tests and the benchmark), with timings. */
import fs from "node:fs";
import path from "node:path";
import { openApiClient, type ApiClient } from "./graphql-client.js";
import { extractSnapshot, type ExtractResult } from "./extract.js";
import { RELEASES_QUERY } from "./queries.js";
import { writeStaticData } from "./static-data.js";
import { BUILD_STAMP, portalSourcesHash, readStamp, SNAPSHOT_STAMP, staleBecause, writeStamp, type BuildTarget } from "./stamp.js";

export interface BuildOptions {
  publicUrl: string; outDir: string; snapshotDir: string; origin: string; release?: string; quiet?: boolean;
  /** Do nothing when outDir's stamp already names this release, origin and sources (`pnpm start`). */
  ifStale?: boolean;
}

export interface BuildReport { release: string; units: number; pages: number; dataFiles: number; graphqlOperations: number;
  seconds: { extract: number; astro: number; data: number; total: number }; pagesPerSecond: number;
  /** Set when the build was skipped (up to date) or the snapshot of the same release was reused (e.g. only the origin changed). */
  skipped?: boolean; snapshotReused?: boolean; staleBecause?: string[] }

const root = path.resolve(import.meta.dirname, "../..");
const s = (a: number, b: number) => Math.round((b - a) / 10) / 100;

export async function buildPortal(opts: BuildOptions): Promise<BuildReport> {
  const t0 = performance.now();
  const client = await openApiClient(opts.publicUrl);
  let target: BuildTarget, reason: string[], extracted: ExtractResult | undefined, reused = false;
  try {
    target = { release: await targetRelease(client, opts.release), origin: opts.origin, sources: portalSourcesHash() };
    reason = staleBecause(readStamp(opts.outDir, BUILD_STAMP), target);
    if (opts.ifStale && reason.length === 0) return upToDate(opts.outDir, t0);
    extracted = reusableSnapshot(opts.snapshotDir, target);
    reused = Boolean(extracted);
    extracted ??= await extractSnapshot(client.exec, opts.snapshotDir, { release: target.release });
  } finally {
    await client.close();
  }
  if (!reused) writeStamp(opts.snapshotDir, SNAPSHOT_STAMP, target);
  const t1 = performance.now();
  const next = beside(opts.outDir, "next");
  const t2 = await astroBuild(opts, next);
  const dataFiles = writeStaticData(opts.snapshotDir, next, extracted.site, extracted.shapes, opts.origin);
  const t3 = performance.now();
  const pages = countHtml(next);
  const report: BuildReport = { release: extracted.site.release.id, units: extracted.site.units.length, pages, dataFiles, graphqlOperations: client.operations(),
    seconds: { extract: s(t0, t1), astro: s(t1, t2), data: s(t2, t3), total: s(t0, t3) }, pagesPerSecond: Math.round(pages / ((t2 - t1) / 1000)),
    snapshotReused: reused, staleBecause: reason };
  writeStamp(next, BUILD_STAMP, target, report);
  swapIn(next, opts.outDir);
  return report;
}

/** The release the build is for: the one asked for, else the latest complete one (as the API serves it). */
async function targetRelease(client: ApiClient, wanted: string | undefined): Promise<string> {
  const { releases } = (await client.exec(RELEASES_QUERY, {})) as { releases: { id: string; latest: boolean }[] };
  const found = releases.find((r) => (wanted ? r.id === wanted : r.latest));
  if (!found) throw new Error(wanted ? `Release ${wanted} not found in the public store` : "The public store has no complete release");
  return found.id;
}

function upToDate(outDir: string, t0: number): BuildReport {
  const previous = readStamp(outDir, BUILD_STAMP)?.report as BuildReport;
  const total = s(t0, performance.now());
  return { ...previous, graphqlOperations: 1, seconds: { extract: 0, astro: 0, data: 0, total }, skipped: true, snapshotReused: false, staleBecause: [] };
}

/** The snapshot already extracted for this release (and these sources), e.g. when only the origin changed. */
function reusableSnapshot(dir: string, target: BuildTarget): ExtractResult | undefined {
  const stamp = readStamp(dir, SNAPSHOT_STAMP);
  if (!stamp || stamp.release !== target.release || stamp.sources !== target.sources) return undefined;
  try {
    return { site: JSON.parse(fs.readFileSync(path.join(dir, "site.json"), "utf8")), shapes: JSON.parse(fs.readFileSync(path.join(dir, "shapes.json"), "utf8")) };
  } catch {
    return undefined;
  }
}

async function astroBuild(opts: BuildOptions, outDir: string): Promise<number> {
  fs.rmSync(outDir, { recursive: true, force: true });
  process.env.MINHBACH_SNAPSHOT = opts.snapshotDir;
  process.env.PORTAL_OUT_DIR = outDir;
  process.env.PORTAL_SITE_URL = opts.origin;
  const { build } = await import("astro");
  await build({ root, logLevel: opts.quiet ? "error" : "warn", outDir, site: opts.origin });
  return performance.now();
}

/** Replaces outDir by the finished build in two renames. Why: a failed build leaves the served site as it was, and
 *  no file of an older release (a removed unit's page, an old release's CSV) survives into the new one. */
function swapIn(next: string, outDir: string): void {
  const old = beside(outDir, "old");
  fs.rmSync(old, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(old), { recursive: true });
  if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
  fs.renameSync(next, outDir);
  fs.rmSync(old, { recursive: true, force: true });
}

/** `<parent>/.portal-<tag>/<name>`: keeps the folder's own name, so `dist/` stays git-ignored while being built. */
function beside(outDir: string, tag: string): string {
  return path.join(path.dirname(outDir), `.portal-${tag}`, path.basename(outDir));
}

function countHtml(dir: string): number {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && e.name.endsWith(".html")) n++;
  return n;
}
