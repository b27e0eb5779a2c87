/**
 * `pnpm bench:portal`: build time and pages per second for a province-sized and a national-sized synthetic release
 * (BENCH_SCALES=province,national; default both). Prints a Markdown table for docs/benchmarks.md.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildPortal } from "../src/build/pipeline.js";
import { writeSyntheticStore, type Scale } from "./synthetic-store.js";

const SCALES: Record<string, Scale> = {
  province: { provinces: 1, districtsPer: 8, communesPer: 14, villagesPer: 9 }, // ≈ Bắc Kạn: 8 districts, 112 communes, ~1,000 villages
  national: { provinces: 63, districtsPer: 11, communesPer: 15, villagesPer: 9 }, // ≈ 10,400 communes, ~94,000 villages
};
const wanted = (process.env.BENCH_SCALES ?? "province,national").split(",");
const rows: string[] = [];
for (const name of wanted) {
  const scale = SCALES[name]!;
  const t0 = performance.now();
  const { publicUrl, units } = await writeSyntheticStore(scale);
  const storeSeconds = (performance.now() - t0) / 1000;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `minhbach-bench-${name}-`));
  const r = await buildPortal({ publicUrl, outDir: path.join(work, "dist"), snapshotDir: path.join(work, "snapshot"), origin: "http://localhost:4000", quiet: true });
  const mem = Math.round(process.memoryUsage().rss / 1e6);
  rows.push(`| ${name} | ${units.toLocaleString("en")} | ${r.pages.toLocaleString("en")} | ${r.dataFiles.toLocaleString("en")} | ${r.graphqlOperations} | ${r.seconds.extract} | ${r.seconds.astro} | ${r.seconds.data} | ${r.seconds.total} | ${r.pagesPerSecond} | ${mem} |`);
  console.log(`${name}: store written in ${storeSeconds.toFixed(1)} s`, JSON.stringify(r));
  fs.rmSync(work, { recursive: true, force: true });
}
console.log("\n| data set | units | HTML pages | data files | GraphQL ops | extract s | Astro s | data s | total s | pages/s (Astro) | RSS MB |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
console.log(rows.join("\n"));
