/**
 * One benchmark stage, run in its own process by run.ts so that each stage's peak RSS is its own
 * (process.resourceUsage().maxRSS). Prints progress lines and one `BENCH {json}` result line.
 *
 *   tsx bench/pipeline/stage.ts seed|generate|import|bulk|publish|import-one --scale S --dir DIR --db URL --public URL [--seed N] [--delete] [--workers N (publish: scan and protection threads)]
 */
import fs from "node:fs";
import { DEFAULT_SEED, YEARS, generateProvince, householdFile } from "./national-households.ts";
import { loadNationalMap, provincesForScale, type NationalProvince } from "./national-units.ts";
import { defaultProtectWorkers } from "../../packages/core/src/disclosure/protect-pool.ts";
// The stages' own modules (importer, publisher, seeding, bulk load) are imported by the stage that runs, and the
// national map is built only by the stages that need it: a publish stage's wall time should not include them.

export const BENCH_SECRET = "minhbach-bench-only-household-key";

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1] !== undefined) return process.argv[i + 1]!;
  if (fallback === undefined) throw new Error(`--${name} is required`);
  return fallback;
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
const result = (o: Record<string, unknown>) => console.log(`BENCH ${JSON.stringify({ ...o, maxRssMb: Math.round(maxRssMb()) })}`);
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)} rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB] ${s}`);

async function main(): Promise<void> {
  const stage = process.argv[2];
  const seed = Number(arg("seed", String(DEFAULT_SEED)));
  let map: NationalProvince[] | undefined;
  const provinces = () => (map ??= provincesForScale(loadNationalMap(seed), arg("scale", "province")));
  const t0 = performance.now();
  const secs = () => (performance.now() - t0) / 1000;
  if (stage === "seed") {
    const { seedNationalUnits } = await import("./seed-units.ts");
    const r = await seedNationalUnits(arg("db"), provinces());
    result({ stage, ...r, provinces: provinces().length, communes: provinces().reduce((s, p) => s + p.communes.length, 0),
      villages: provinces().reduce((s, p) => s + p.communes.reduce((t, c) => t + c.villages.length, 0), 0), seconds: secs() });
  } else if (stage === "generate") {
    const dir = arg("dir");
    let rows = 0;
    let bytes = 0;
    const perYear: Record<number, number> = {};
    for (const p of provinces()) {
      const r = generateProvince(p, dir, seed);
      for (const f of r.files) {
        rows += f.rows;
        bytes += f.bytes;
        perYear[f.year] = (perYear[f.year] ?? 0) + f.rows;
      }
      log(`generated ${p.code} ${p.name}: ${r.files.map((f) => f.rows).join("/")} rows`);
    }
    result({ stage, rows, bytes, perYear, seconds: secs(), rowsPerSecond: rows / secs() });
  } else if (stage === "import") {
    const dir = arg("dir");
    const del = process.argv.includes("--delete");
    const { importHouseholds } = await import("../../packages/pipeline/src/import/households/index.ts");
    let rows = 0;
    let importSeconds = 0;
    let files = 0;
    let slowest = Infinity;
    for (const year of YEARS) {
      for (const p of provinces()) {
        const file = householdFile(dir, p.code, year);
        // Timed around the whole call, commit and close included (the summary's own figure is taken before the
        // commit, as it is stored inside the transaction).
        const started = performance.now();
        const s = await importHouseholds({ privateUrl: arg("db"), file, year, secret: BENCH_SECRET });
        const seconds = (performance.now() - started) / 1000;
        rows += s.rows;
        importSeconds += seconds;
        files++;
        slowest = Math.min(slowest, s.rows / seconds);
        log(`imported ${p.code}/${year}: ${s.rows} rows in ${seconds.toFixed(2)} s (${Math.round(s.rows / seconds)} rows/s; ${s.seconds.toFixed(2)} s before the commit); total ${rows} rows, ${Math.round(rows / importSeconds)} rows/s`);
        if (del) fs.rmSync(file);
      }
    }
    result({ stage, files, rows, seconds: secs(), importSeconds, rowsPerSecond: rows / importSeconds, slowestFileRowsPerSecond: slowest });
  } else if (stage === "bulk") {
    const { bulkLoad } = await import("./bulk-load.ts");
    const r = bulkLoad(arg("db"), arg("dir"), provinces(), log);
    result({ stage, rows: r.rows, seconds: secs(), rowsPerSecond: r.rows / secs() });
  } else if (stage === "publish") {
    const { publishRelease } = await import("../../packages/pipeline/src/publish/publish.ts");
    const workers = process.argv.includes("--workers") ? Number(arg("workers")) : undefined;
    const times: Record<string, number> = {};
    let last = performance.now();
    const s = await publishRelease({
      privateUrl: arg("db"), publicUrl: arg("public"), k: 5, now: new Date("2026-01-01T00:00:00Z"),
      ...(workers ? { workers } : {}),
      log: (line) => {
        const now = performance.now();
        const m = /^(scanned|protected) ?([^:]*)/.exec(line);
        if (m) times[m[1] === "scanned" ? "scan" : m[2]!.trim()] = (now - last) / 1000;
        last = now;
        log(line);
      },
    });
    const totalGateMs = s.gate.reduce((t, g) => t + g.millis, 0);
    result({ stage, seconds: secs(), workers: workers ?? defaultProtectWorkers(), times, cells: s.cells, suppressed: s.suppressed, gateSeconds: totalGateMs / 1000,
      gate: s.gate.map((g) => ({ table: g.table, parts: g.parts, cells: g.cells, suppressed: g.suppressed, seconds: g.millis / 1000 })),
      afterTables: (performance.now() - last) / 1000 });
  } else if (stage === "import-one") {
    const { importOne } = await import("./import-one.ts");
    const r = await importOne(arg("db"), arg("dir"), provinces(), BENCH_SECRET, log);
    result({ stage, ...r, rowsPerSecond: r.rows / r.seconds, reimportRowsPerSecond: r.rows / r.reimportSeconds });
  } else {
    throw new Error(`unknown stage ${stage}`);
  }
}

await main().catch((err: unknown) => {
  // The runner shows a stage's last lines: end with the message itself, so a refused release's tables, years and
  // units (ReleaseGateFailure) are not cut off by the properties Node prints after it.
  console.error(err);
  console.error(`\n${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
