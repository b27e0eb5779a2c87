/** The three build steps as one function (used by the CLI, the browser tests and the benchmark), with timings. */
import fs from "node:fs";
import path from "node:path";
import { openApiClient } from "./graphql-client.js";
import { extractSnapshot } from "./extract.js";
import { writeStaticData } from "./static-data.js";

export interface BuildOptions { publicUrl: string; outDir: string; snapshotDir: string; origin: string; release?: string; quiet?: boolean }

export interface BuildReport { release: string; units: number; pages: number; dataFiles: number; graphqlOperations: number;
  seconds: { extract: number; astro: number; data: number; total: number }; pagesPerSecond: number }

const root = path.resolve(import.meta.dirname, "../..");

export async function buildPortal(opts: BuildOptions): Promise<BuildReport> {
  const t0 = performance.now();
  const client = await openApiClient(opts.publicUrl);
  let extracted;
  try {
    extracted = await extractSnapshot(client.exec, opts.snapshotDir, { release: opts.release });
  } finally {
    await client.close();
  }
  const t1 = performance.now();
  process.env.MINHBACH_SNAPSHOT = opts.snapshotDir;
  process.env.PORTAL_OUT_DIR = opts.outDir;
  process.env.PORTAL_SITE_URL = opts.origin;
  const { build } = await import("astro");
  await build({ root, logLevel: opts.quiet ? "error" : "warn", outDir: opts.outDir, site: opts.origin });
  const t2 = performance.now();
  const dataFiles = writeStaticData(opts.snapshotDir, opts.outDir, extracted.site, extracted.shapes, opts.origin);
  const t3 = performance.now();
  const pages = countHtml(opts.outDir);
  const s = (a: number, b: number) => Math.round((b - a) / 10) / 100;
  return { release: extracted.site.release.id, units: extracted.site.units.length, pages, dataFiles, graphqlOperations: client.operations(),
    seconds: { extract: s(t0, t1), astro: s(t1, t2), data: s(t2, t3), total: s(t0, t3) }, pagesPerSecond: Math.round(pages / ((t2 - t1) / 1000)) };
}

function countHtml(dir: string): number {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && e.name.endsWith(".html")) n++;
  return n;
}
