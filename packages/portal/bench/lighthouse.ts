/**
 * `pnpm bench:lighthouse [--url http://localhost:4000] [--runs 3] [--pages /,/unit/06/,…]`
 *
 * Lighthouse 12 (mobile, default simulated throttling) on Debian's chromium against a running portal (`pnpm start`),
 * each page `--runs` times; prints the median score of each category and the bytes transferred, and exits 1 when a
 * budget of issue #17 is missed: home ≥ 90 performance and ≤ 150 KB transferred, every other page ≥ 95, and
 * accessibility, best practices and SEO at 100 everywhere. Why the CLI in a child process: Lighthouse launches and
 * kills its own browser, and a crash there must not take the bench with it. Why medians: a 2-core machine is noisy.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : fallback;
};
const base = opt("url", "http://localhost:4000").replace(/\/$/, "");
const runs = Number(opt("runs", "3"));
const pages = opt("pages", "/,/unit/06/,/unit/01990/,/unit/00001/,/quoc-gia/").split(",");
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const lighthouseBin = path.resolve(import.meta.dirname, "../node_modules/.bin/lighthouse");

interface Run { scores: Record<string, number>; transferKb: number; tbtMs: number; lcpMs: number; failing: string[] }

/** One Lighthouse run of a page: category scores (0–100), bytes transferred, TBT, LCP and the failing audits' ids. */
async function lighthouseOnce(url: string): Promise<Run> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-lh-")), "report.json");
  try {
    await run(lighthouseBin, [url, "--output=json", `--output-path=${out}`, "--quiet", `--only-categories=${CATEGORIES.join(",")}`,
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu"], { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" }, maxBuffer: 64 << 20 });
    const lhr = JSON.parse(fs.readFileSync(out, "utf8"));
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
    const failing = CATEGORIES.filter((c) => c !== "performance").flatMap((c) => lhr.categories[c].auditRefs
      .filter((r: { id: string; weight: number }) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1).map((r: { id: string }) => `${c}:${r.id}`));
    return {
      scores, failing,
      transferKb: Math.round((lhr.audits["total-byte-weight"]?.numericValue ?? 0) / 102.4) / 10,
      tbtMs: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? 0),
      lcpMs: Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? 0),
    };
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The budget misses of a page's medians, as sentences. */
function misses(page: string, m: Record<string, number>, transferKb: number): string[] {
  const out: string[] = [];
  const perf = page === "/" ? 90 : 95;
  if (m.performance! < perf) out.push(`${page}: performance ${m.performance} < ${perf}`);
  for (const c of CATEGORIES.slice(1)) if (m[c]! < 100) out.push(`${page}: ${c} ${m[c]} < 100`);
  if (page === "/" && transferKb > 150) out.push(`${page}: ${transferKb} KB transferred > 150 KB`);
  return out;
}

const problems: string[] = [];
console.log(`lighthouse 12 mobile on ${base}, ${runs} run(s) a page, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
for (const page of pages) {
  const all: Run[] = [];
  for (let i = 0; i < runs; i++) all.push(await lighthouseOnce(base + page));
  const m = Object.fromEntries(CATEGORIES.map((c) => [c, median(all.map((r) => r.scores[c]!))]));
  const transferKb = median(all.map((r) => r.transferKb));
  console.log(`${page}: performance ${m.performance} (runs ${all.map((r) => r.scores.performance).join("/")}), accessibility ${m.accessibility}, ` +
    `best practices ${m["best-practices"]}, SEO ${m.seo}; ${transferKb} KB, TBT ${median(all.map((r) => r.tbtMs))} ms, LCP ${median(all.map((r) => r.lcpMs))} ms` +
    (all[0]!.failing.length ? `; failing audits: ${[...new Set(all.flatMap((r) => r.failing))].join(", ")}` : ""));
  problems.push(...misses(page, m, transferKb));
}
if (problems.length) {
  console.log(`budgets missed:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("every budget met");
