/**
 * importHouseholds: one yearly review file → the private store, all or nothing. Pass 1 streams the file, checks every
 * row and stages it in a TEMP table (memory stays flat); then, only if no problem was found anywhere, one transaction
 * replaces the covered commune-years and records an ImportBatch. The store is SQLite or PostgreSQL (household-store.ts). Household ids are turned into keyed hashes at once.
 * Pass 1 is split in two (check-rows.ts: read, check, key, classify; row-intake.ts: duplicates, staging), so that the
 * first half can run on a worker thread for large files (check-thread.ts) while this thread stages.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { standardForYear, type PovertyStandard } from "@minhbach/core/standards/standards.ts";
import { ImportError, ProblemCollector } from "../shared/problems.js";
import { isWorkbookFile } from "../shared/table.js";
import { checkRows, type CheckInput } from "./check-rows.js";
import { checkRowsInWorker } from "./check-thread.js";
import { checkSecret } from "./key.js";
import { openHouseholdStore } from "./household-store.js";
import { totals } from "./replace.js";
import { RowIntake } from "./row-intake.js";
import type { ImportSummary } from "./summary.js";

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
  /** Read and check the file on a worker thread (true), on this thread (false), or by file size (default). */
  worker?: boolean;
}

/** Files from this size (~20,000 CSV rows) are checked on a worker thread: below it, starting the worker (0.1–0.3 s)
 *  would cost more than the second core saves. */
const WORKER_MIN_BYTES = 2 * 1024 * 1024;

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
    const villages = await store.villageSource(year);
    const problems = new ProblemCollector(1000);
    const stage = await store.openStage();
    const intake = new RowIntake(file, problems, stage, opts.progress);
    const input: CheckInput = { file, year, secret, villages, dropPersonalColumns: opts.dropPersonalColumns ?? false };
    // Hashed while pass 1 runs: with the check worker the main thread has idle time then, and none after it.
    const fileHash = sha256File(file);
    fileHash.catch(() => {}); // a read error surfaces through pass 1; an import refused before the await is not one
    // Reading, row checks, keys and classes on a second core for large files; duplicates and staging stay here. XLSX
    // files always: exceljs parks worksheets in temp files, and the worker's go to a private folder removed when the
    // import ends (shared/import-temp-dir.ts).
    if (opts.worker ?? (isWorkbookFile(file) || fs.statSync(file).size >= WORKER_MIN_BYTES)) await checkRowsInWorker(input, intake);
    else await checkRows(input, intake);
    await stage.finish();
    intake.reportDuplicates(await store.duplicateIds(problems.cap));
    const { rows, dropped, mismatches, mismatchCount } = intake;
    if (rows === 0 && problems.count === 0) problems.add({ file, reason: "the file has a header but no household rows" });

    await store.fillCovered(year);
    for (const c of await store.conflictsOutsideCover(year)) {
      problems.add({
        file, row: c.rowNumber, column: intake.headers.household_id,
        reason: `this household is already recorded for ${year} in village ${c.villageCode}, a commune this file does not cover; household ids must be unique`,
      });
    }
    if (problems.count > 0) {
      await store.dropStage();
      throw problems.toError();
    }

    opts.progress?.({ phase: "writing", rows });
    const sha256 = await fileHash;
    const batch = { fileName: path.basename(file), sha256, year, rows, synthetic: opts.synthetic ?? false, sourceId: opts.sourceId ?? null };
    const summary = await store.replace(year, standard, intake.staged, batch, (importId, changes): ImportSummary => {
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
