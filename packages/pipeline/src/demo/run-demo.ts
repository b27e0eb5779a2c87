/**
 * `minhbach demo`: reset the private store, seed the map and sources, write the demo import files, and load them
 * THROUGH the real importers (households, then the record files, then the officially reported figures). Why through the importers: the demo then exercises
 * exactly the path a province's files take, including the data-quality report.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { migrateStore } from "@minhbach/db/migrate.ts";
import { openPrivateStore } from "@minhbach/db/private";
import { importHouseholds } from "../import/households/index.js";
import { RECORD_IMPORTERS, type RecordFileKind } from "../import/records/index.js";
import { DEFAULT_SEED, buildDemoData, writeDemoFiles, type WrittenFile } from "./files.js";
import { DEFAULT_PANEL, type PanelOptions } from "./households/panel.js";
import { OFFICIAL_FIGURES_FILE } from "./national/official-figures.js";
import { resetPrivateStore, seedUnits } from "./seed-store.js";
import { SOURCE_IDS } from "./sources.js";

/** The fixed key used to hash demo household ids when HOUSEHOLD_KEY_SECRET is unset. Demo only — never for real data. */
export const DEMO_HOUSEHOLD_KEY = "minhbach-demo-only-household-key-not-secret";

export interface RunDemoOptions {
  privateUrl: string;
  outDir: string;
  seed?: number;
  secret?: string;
  panel?: PanelOptions;
  log?: (line: string) => void;
}

export interface DemoSummary {
  seed: number;
  units: number;
  /** Each imported file; `mismatches`: household rows whose recorded category disagrees with the computed class. */
  files: (WrittenFile & { ms: number; mismatches?: number })[];
  households: Record<number, number>;
  ms: { generate: number; seed: number; import: number };
}

export async function runDemo(o: RunDemoOptions): Promise<DemoSummary> {
  const log = o.log ?? (() => {});
  const seed = o.seed ?? DEFAULT_SEED;
  const secret = o.secret ?? DEMO_HOUSEHOLD_KEY;
  const t0 = Date.now();
  const data = buildDemoData(seed, o.panel ?? DEFAULT_PANEL);
  const written = writeDemoFiles(data, o.outDir);
  const t1 = Date.now();
  log(`Generated the demo files (seed ${seed}) in ${o.outDir} in ${t1 - t0} ms`);

  await migrateStore("private", o.privateUrl);
  const db = openPrivateStore(o.privateUrl);
  try {
    await resetPrivateStore(db);
    await seedUnits(db, data.map, data.geometry);
  } finally {
    await db.$disconnect();
  }
  const t2 = Date.now();
  log(`Reset the private store and seeded ${data.map.units.length} units in ${t2 - t1} ms`);

  const files: DemoSummary["files"] = [];
  for (const f of written) {
    const start = Date.now();
    let mismatches: number | undefined;
    if (f.kind === "households") {
      const summary = await importHouseholds({
        privateUrl: o.privateUrl, file: f.file, year: f.year!, secret, synthetic: true, sourceId: SOURCE_IDS.generator,
      });
      mismatches = summary.classMismatches.count;
    } else {
      const importer = RECORD_IMPORTERS[f.kind as RecordFileKind];
      await importer.run({ privateUrl: o.privateUrl, file: f.file, ...(importer.needsSecret ? { secret } : {}) });
    }
    files.push({ ...f, ms: Date.now() - start, ...(mismatches === undefined ? {} : { mismatches }) });
    const note = mismatches ? ` (${mismatches} deliberate category mismatches for the data-quality report)` : "";
    log(`  imported ${f.kind}${f.year ? ` ${f.year}` : ""}: ${f.rows} rows in ${Date.now() - start} ms${note}`);
  }
  files.push(await importOfficial(o.privateUrl, log));
  const t3 = Date.now();
  const households = Object.fromEntries(data.reviews.map((r) => [r.year, r.rows.length]));
  log(`Households per review: ${Object.entries(households).map(([y, n]) => `${y}: ${n}`).join(", ")}`);
  log(`Done in ${t3 - t0} ms (generate ${t1 - t0}, seed ${t2 - t1}, import ${t3 - t2}). All household data is synthetic.`);
  return { seed, units: data.map.units.length, files, households, ms: { generate: t1 - t0, seed: t2 - t1, import: t3 - t2 } };
}

/** The officially reported figures of the whole country (committed, real, not synthetic), through the real importer. */
async function importOfficial(privateUrl: string, log: (line: string) => void): Promise<DemoSummary["files"][number]> {
  const start = Date.now();
  const text = fs.readFileSync(OFFICIAL_FIGURES_FILE);
  const summary = await RECORD_IMPORTERS["official-figures"].run({ privateUrl, file: OFFICIAL_FIGURES_FILE });
  log(`  imported official-figures (real, with their sources): ${summary.rows} rows in ${Date.now() - start} ms`);
  return {
    kind: "official-figures", file: OFFICIAL_FIGURES_FILE, rows: summary.rows, ms: Date.now() - start,
    sha256: createHash("sha256").update(text).digest("hex"),
  };
}
