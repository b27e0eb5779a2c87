/**
 * `pnpm bench:pipeline [--scale province|largest|10|all] [--dir DIR] [--keep] [--publish-timeout S] [--import-timeout S]`
 *
 * Runs the real pipeline on the synthetic national files: seed the map into a fresh private store, generate the
 * household files (one CSV per province-year under DIR, default /tmp/minhbach-bench/<scale>), import them all with
 * `importHouseholds`, then `publishRelease` (classification + aggregation + suppression + gate + release write).
 * Each stage runs in its own child process; its wall time and peak RSS are reported. A stage that exceeds its
 * timeout is stopped and reported with how far it got (its last progress line).
 * `--stages seed,generate,bulk,publish` replaces the import by a bench-only bulk load (bulk-load.ts) to measure
 * publishing at sizes the importer cannot reach in reasonable time; adding `import-one` (after them) then takes one
 * province-year out of that store and imports it back with the real importer, and once more over itself
 * (import-one.ts): an import's speed into a store of that size.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : fallback;
};
const scale = opt("scale", "province");
const dir = path.resolve(opt("dir", path.join(os.tmpdir(), "minhbach-bench", scale)));
const keep = argv.includes("--keep");
const only = opt("stages", "seed,generate,import,publish").split(",");
const timeouts: Record<string, number> = {
  seed: 600, generate: 7200, "import-one": 1800, bulk: 7200, import: Number(opt("import-timeout", "14400")), publish: Number(opt("publish-timeout", "3600")),
};
const privateUrl = `file:${path.join(dir, "private.db")}`;
const publicUrl = `file:${path.join(dir, "public.db")}`;
fs.mkdirSync(dir, { recursive: true });

interface StageOutcome {
  stage: string;
  wallSeconds: number;
  finished: boolean;
  result?: Record<string, unknown>;
  lastLine?: string;
  peakRssMb?: number;
}

function runStage(stage: string, extra: string[] = []): Promise<StageOutcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const args = ["--import", "tsx", path.join(root, "bench/pipeline/stage.ts"), stage,
      "--scale", scale, "--dir", dir, "--db", privateUrl, "--public", publicUrl, ...extra];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "production" } });
    const out: StageOutcome = { stage, wallSeconds: 0, finished: false };
    let buf = "";
    child.stdout.on("data", (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.startsWith("BENCH ")) out.result = JSON.parse(line.slice(6));
        else {
          out.lastLine = line;
          console.log(`  ${stage}: ${line}`);
        }
      }
    });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => {
      console.log(`  ${stage}: timeout after ${timeouts[stage]} s, stopping it`);
      child.kill("SIGKILL");
    }, timeouts[stage]! * 1000);
    child.on("close", (code) => {
      clearTimeout(timer);
      out.wallSeconds = (performance.now() - started) / 1000;
      if (out.result) out.peakRssMb = Number(out.result.maxRssMb);
      out.finished = code === 0 && out.result !== undefined;
      if (code !== 0) console.log(`  ${stage}: exited with ${code}\n${err.split("\n").slice(-40).join("\n")}`);
      resolve(out);
    });
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
console.log(`bench:pipeline --scale ${scale} in ${dir}; ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
const outcomes: StageOutcome[] = [];
// import-one last: it changes the store (one province-year re-imported with the real keys) after publish has read it.
for (const stage of ["seed", "generate", "import", "bulk", "publish", "import-one"]) {
  if (!only.includes(stage)) continue;
  const o = await runStage(stage, stage === "import" && !keep ? ["--delete"] : []);
  outcomes.push(o);
  if (!o.finished) break;
}

console.log(`\nresults (--scale ${scale}, load after ${os.loadavg().map((x) => x.toFixed(1)).join(" ")})`);
console.log("| stage | wall s | peak RSS MB | figures |\n| --- | ---: | ---: | --- |");
for (const o of outcomes) {
  const r = o.result ?? {};
  let fig = "";
  if (o.stage === "seed") fig = `${fmt(Number(r.units))} units, ${fmt(Number(r.villages))} villages`;
  if (o.stage === "generate") fig = `${fmt(Number(r.rows))} rows, ${(Number(r.bytes) / 2 ** 30).toFixed(2)} GiB, ${fmt(Number(r.rowsPerSecond))} rows/s`;
  if (o.stage === "import") fig = `${fmt(Number(r.rows))} rows in ${r.files} files, ${fmt(Number(r.rowsPerSecond))} rows/s (slowest file ${fmt(Number(r.slowestFileRowsPerSecond))})`;
  if (o.stage === "import-one") fig = `province ${r.province}/${r.year}, ${fmt(Number(r.rows))} rows into a store of ${fmt(Number(r.storeRecords))} records: ${fmt(Number(r.rowsPerSecond))} rows/s; re-imported over itself ${fmt(Number(r.reimportRowsPerSecond))} rows/s`;
  if (o.stage === "bulk") fig = `${fmt(Number(r.rows))} rows loaded directly (bench only, indexes rebuilt), ${fmt(Number(r.rowsPerSecond))} rows/s`;
  if (o.stage === "publish" && o.result) {
    const t = r.times as Record<string, number>;
    const tables = Object.entries(t).filter(([k]) => k !== "scan");
    const protect = tables.reduce((s, [, v]) => s + v, 0);
    fig = `scan ${t.scan?.toFixed(1)} s; protect ${tables.length} tables ${protect.toFixed(1)} s wall on ${r.workers ?? 1} worker(s) (gate CPU ${Number(r.gateSeconds).toFixed(1)} s); projects+write ${Number(r.afterTables).toFixed(1)} s; ${fmt(Number(r.cells))} cells, ${fmt(Number(r.suppressed))} suppressed`;
  }
  if (!o.finished) fig = `DID NOT FINISH; last: ${o.lastLine ?? ""}`;
  console.log(`| ${o.stage} | ${o.wallSeconds.toFixed(1)} | ${o.peakRssMb ?? "?"} | ${fig} |`);
}
const pub = outcomes.find((o) => o.stage === "publish")?.result;
if (pub) console.log(`publish per table (s): ${Object.entries(pub.times as Record<string, number>).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ")}`);
console.log(`BENCH_RESULT ${JSON.stringify({ scale, outcomes })}`);
if (outcomes.some((o) => !o.finished)) process.exitCode = 1;
