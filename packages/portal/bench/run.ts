/**
 * `pnpm bench:portal`: build time and pages per second for a province-sized and a national-sized synthetic release,
 * and for the embedded demo's real release (the whole country's units, Bắc Kạn's reviews, the official figures): what
 * a fresh clone's `pnpm start` builds (BENCH_SCALES=province,national,demo; default all three; BENCH_DEMO_PUBLIC_URL
 * reuses a demo public store instead of running `minhbach demo` and `publish`). Prints a Markdown table for
 * docs/benchmarks.md.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildPortal } from "../src/build/pipeline.js";
import { writeSyntheticStore, type Scale } from "./synthetic-store.js";

const SCALES: Record<string, Scale> = {
  province: { provinces: 1, districtsPer: 8, communesPer: 14, villagesPer: 9 }, // ≈ Bắc Kạn: 8 districts, 112 communes, ~1,000 villages
  national: { provinces: 63, districtsPer: 11, communesPer: 15, villagesPer: 9 }, // ≈ 10,400 communes, ~94,000 villages
};
const wanted = (process.env.BENCH_SCALES ?? "province,national,demo").split(",");
const root = path.resolve(import.meta.dirname, "../../..");

/** The demo's public store: BENCH_DEMO_PUBLIC_URL, or a fresh `minhbach demo` + `publish` through the CLI. */
function demoStore(): { publicUrl: string; units: number } {
  let publicUrl = process.env.BENCH_DEMO_PUBLIC_URL;
  if (!publicUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-bench-demo-data-"));
    const env = { ...process.env, MINHBACH_DATA_DIR: dir, DATABASE_URL: "", PUBLIC_DATABASE_URL: "", HOUSEHOLD_KEY_SECRET: "" };
    for (const args of [["demo"], ["publish"]]) execFileSync(process.execPath, ["--import", "tsx", "packages/pipeline/src/main.ts", ...args], { cwd: root, env, stdio: "ignore" });
    publicUrl = `file:${path.join(dir, "public.db")}`;
  }
  return { publicUrl, units: 0 };
}

const rows: string[] = [];
for (const name of wanted) {
  const t0 = performance.now();
  const { publicUrl, units } = name === "demo" ? demoStore() : await writeSyntheticStore(SCALES[name]!);
  const storeSeconds = (performance.now() - t0) / 1000;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `minhbach-bench-${name}-`));
  const r = await buildPortal({ publicUrl, outDir: path.join(work, "dist"), snapshotDir: path.join(work, "snapshot"), origin: "http://localhost:4000", quiet: true });
  const mem = Math.round(process.memoryUsage().rss / 1e6);
  rows.push(`| ${name} | ${(units || r.units).toLocaleString("en")} | ${r.pages.toLocaleString("en")} | ${r.dataFiles.toLocaleString("en")} | ${r.graphqlOperations} | ${r.seconds.extract} | ${r.seconds.astro} | ${r.seconds.data} | ${r.seconds.total} | ${r.pagesPerSecond} | ${mem} |`);
  console.log(`${name}: store written in ${storeSeconds.toFixed(1)} s`, JSON.stringify(r));
  fs.rmSync(work, { recursive: true, force: true });
}
console.log("\n| data set | units | HTML pages | data files | GraphQL ops | extract s | Astro s | data s | total s | pages/s (Astro) | RSS MB |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
console.log(rows.join("\n"));
