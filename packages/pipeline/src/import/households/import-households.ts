/**
 * importHouseholds: one yearly review file → the private store, all or nothing. Pass 1 streams the file, checks every
 * row and stages it in a TEMP table (memory stays flat); then, only if no problem was found anywhere, one transaction
 * replaces the covered commune-years and records an ImportBatch. The store is SQLite or PostgreSQL (household-store.ts). Household ids are turned into keyed hashes at once.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { HOUSEHOLD_COLUMNS, REVIEW_CATEGORIES } from "@minhbach/core/households/columns.ts";
import { classifyHousehold } from "@minhbach/core/standards/classify.ts";
import { standardForYear, type HouseholdClass, type PovertyStandard } from "@minhbach/core/standards/standards.ts";
import { ImportError, ProblemCollector, type ImportProblem } from "../shared/problems.js";
import { readTableBatches } from "../shared/table.js";
import { checkSecret, householdKey } from "./key.js";
import { parseHouseholdRow, type RowContext } from "./parse-row.js";
import { openHouseholdStore } from "./household-store.js";
import { totals } from "./replace.js";
import type { ClassMismatch, ImportSummary } from "./summary.js";
import { communeIn } from "./villages.js";
import { KeyRowIndex } from "./key-row-index.js";

export interface ImportProgress {
  phase: "reading" | "writing" | "done";
  rows: number;
}

export interface ImportHouseholdsOptions {
  privateUrl: string;
  file: string;
  year: number;
  secret: string | undefined;
  dropPersonalColumns?: boolean;
  progress?: (p: ImportProgress) => void;
  /** made-up data (demo, tests): every figure built from it is labelled synthetic */
  synthetic?: boolean;
  /** the Source the file comes from, cited by every figure built from it */
  sourceId?: string;
}

/** Recorded categories and the computed classes they are consistent with ("thoát nghèo" may now be near-poor). */
const CONSISTENT: Record<string, readonly HouseholdClass[]> = {
  POOR: ["POOR"], NEWLY_POOR: ["POOR"], RE_POOR: ["POOR"],
  NEAR_POOR: ["NEAR_POOR"], NEWLY_NEAR_POOR: ["NEAR_POOR"], RE_NEAR_POOR: ["NEAR_POOR"],
  ESCAPED_POOR: ["NEAR_POOR", "NOT_POOR"], ESCAPED_NEAR_POOR: ["NOT_POOR"], NOT_POOR: ["NOT_POOR"],
};
const CATEGORY_VI = Object.fromEntries(REVIEW_CATEGORIES.map((c) => [c.code, c.vi]));
const MISMATCH_EXAMPLES = 20;
const PROGRESS_EVERY = 10_000;

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    fs.createReadStream(file)
      .on("data", (c) => hash.update(c))
      .on("end", () => resolve(hash.digest("hex")))
      .on("error", reject);
  });
}

function standardFor(file: string, year: number): PovertyStandard {
  try {
    return standardForYear(year);
  } catch (e) {
    throw new ImportError([{ file, reason: (e as Error).message }]);
  }
}

export async function importHouseholds(opts: ImportHouseholdsOptions): Promise<ImportSummary> {
  const started = performance.now();
  const { file, year } = opts;
  const secret = checkSecret(opts.secret);
  const standard = standardFor(file, year);
  if (!fs.existsSync(file)) throw new ImportError([{ file, reason: "file not found" }]);
  const store = await openHouseholdStore(opts.privateUrl);
  try {
    const villages = await store.loadVillages();
    const problems = new ProblemCollector(1000);
    const stage = await store.openStage();
    /** Household key → first row: the one structure that grows with the file (~40 bytes per household). */
    const firstRowOf = new KeyRowIndex();
    const ctx: RowContext = { file, year, standard, villages, headers: {} };
    let dropped: string[] = [];
    const mismatches: ClassMismatch[] = [];
    let mismatchCount = 0;
    let rows = 0;
    const table = readTableBatches(file, {
      columns: HOUSEHOLD_COLUMNS,
      dropPersonalColumns: opts.dropPersonalColumns ?? false,
      problems,
      onHeader: (h) => {
        dropped = h.dropped;
        ctx.headers = h.headers;
      },
    });
    const report = (p: ImportProblem) => problems.add(p);
    for await (const batch of table) {
      for (const row of batch) {
        if (++rows % PROGRESS_EVERY === 0) opts.progress?.({ phase: "reading", rows });
        const h = parseHouseholdRow(row, ctx, report);
        const id = row.values.household_id!;
        if (id === "") continue;
        const key = householdKey(secret, id);
        const first = firstRowOf.get(key);
        if (first !== undefined) {
          report({ file, row: row.rowNumber, column: ctx.headers.household_id ?? "Mã hộ", reason: `household id appears twice (rows ${first} and ${row.rowNumber})` });
          continue;
        }
        firstRowOf.set(key, row.rowNumber);
        if (!h || problems.count > 0) continue; // the file will be refused: stop staging, keep checking
        const cls = classifyHousehold(h, standard);
        if (!CONSISTENT[h.reviewCategory]!.includes(cls)) {
          if (mismatchCount++ < MISMATCH_EXAMPLES) mismatches.push({ row: h.rowNumber, recorded: CATEGORY_VI[h.reviewCategory]!, computed: cls });
        }
        stage.add(h, key, cls);
      }
      const drained = stage.drain();
      if (drained) await drained;
    }
    await stage.finish();
    if (rows === 0 && problems.count === 0) problems.add({ file, reason: "the file has a header but no household rows" });

    const villagesByCommune = new Map<string, string[]>();
    for (const v of villages.values()) {
      const c = communeIn(v, year);
      if (c) (villagesByCommune.get(c) ?? villagesByCommune.set(c, []).get(c)!).push(v.code);
    }
    firstRowOf.clear();
    await store.fillCovered(villagesByCommune);
    for (const c of await store.conflictsOutsideCover(year)) {
      problems.add({
        file, row: c.rowNumber, column: ctx.headers.household_id,
        reason: `this household is already recorded for ${year} in village ${c.villageCode}, a commune this file does not cover; household ids must be unique`,
      });
    }
    if (problems.count > 0) {
      await store.dropStage();
      throw problems.toError();
    }

    opts.progress?.({ phase: "writing", rows });
    const sha256 = await sha256File(file);
    const batch = { fileName: path.basename(file), sha256, year, rows, synthetic: opts.synthetic ?? false, sourceId: opts.sourceId ?? null };
    const summary = await store.replace(year, standard, batch, (importId, changes): ImportSummary => {
      const communes = [...changes.values()].sort((a, b) => a.commune.localeCompare(b.commune));
      const seconds = (performance.now() - started) / 1000;
      return {
        importId, file: path.basename(file), sha256, year, standard: standard.id, rows, droppedColumns: dropped,
        communes, totals: totals(communes), classMismatches: { count: mismatchCount, examples: mismatches },
        seconds, rowsPerSecond: rows / seconds,
      };
    });
    await store.dropStage();
    opts.progress?.({ phase: "done", rows });
    return summary;
  } finally {
    await store.close();
  }
}
