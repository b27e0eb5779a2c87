/**
 * importHouseholds: one yearly review file → the private store, all or nothing. Pass 1 streams the file, checks every
 * row and stages it in a TEMP table (memory stays flat); then, only if no problem was found anywhere, one transaction
 * measures the change per village, lets the caller confirm it, replaces the village-years the file names (and nothing
 * else) and records an ImportBatch. The store is SQLite or PostgreSQL (household-store.ts). Household ids are turned into keyed hashes at once.
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
import { openHouseholdStore, type HouseholdStore } from "./household-store.js";
import { RowIntake } from "./row-intake.js";
import { importChange, type ImportChange, type ImportSummary } from "./summary.js";

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
  /** Shown what the import would change, inside its transaction before anything is written: false rolls it back
   *  (ImportDeclined) and the store stays as it was. Without it the import goes ahead. */
  confirm?: (change: ImportChange) => Promise<boolean> | boolean;
}

/** The import's confirm callback answered no (or a dry run): nothing was stored. */
export class ImportDeclined extends Error {
  constructor(readonly change: ImportChange) {
    super(`the import of ${change.file} for ${change.year} was not confirmed; nothing was stored`);
    this.name = "ImportDeclined";
  }
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
    await readAll(input, intake, opts.worker);
    await stage.finish();
    await checkStaged(store, input, intake, problems);
    if (problems.count > 0) {
      await store.dropStage();
      throw problems.toError();
    }
    opts.progress?.({ phase: "writing", rows: intake.rows });
    const summary = await replaceChecked(store, opts, standard, intake, await fileHash, started);
    await store.dropStage();
    opts.progress?.({ phase: "done", rows: intake.rows });
    return summary;
  } finally {
    await store.close();
  }
}

/** Pass 1: every row read, checked and staged. */
async function readAll(input: CheckInput, intake: RowIntake, worker: boolean | undefined): Promise<void> {
  const { file } = input;
  // Reading, row checks, keys and classes on a second core for large files; duplicates and staging stay here. XLSX
  // files always: exceljs parks worksheets in temp files, and the worker's go to a private folder removed when the
  // import ends (shared/import-temp-dir.ts).
  if (worker ?? (isWorkbookFile(file) || fs.statSync(file).size >= WORKER_MIN_BYTES)) await checkRowsInWorker(input, intake);
  else await checkRows(input, intake);
}

/** The checks that need every row staged: duplicate ids, an empty file, households recorded that year in a village
 *  the file does not name. */
async function checkStaged(store: HouseholdStore, { file, year }: CheckInput, intake: RowIntake, problems: ProblemCollector): Promise<void> {
  intake.reportDuplicates(await store.duplicateIds(problems.cap));
  if (intake.rows === 0 && problems.count === 0) problems.add({ file, reason: "the file has a header but no household rows" });
  await store.fillCovered(intake.staged);
  // The key is unique per year: a household of a village the file does not name cannot appear in it too (it would be
  // in two villages at once); to move it, the file must name its old village as well.
  for (const c of await store.conflictsOutsideCover(year)) {
    problems.add({
      file, row: c.rowNumber, column: intake.headers.household_id,
      reason: `this household is already recorded for ${year} in village ${c.villageCode}, which this file does not include; ` +
        `household ids must be unique for the year (to move the household, include village ${c.villageCode} in the file)`,
    });
  }
}

/** The one transaction: the change per village, the confirmation, the swap and the batch with its summary. */
async function replaceChecked(
  store: HouseholdStore, opts: ImportHouseholdsOptions, standard: PovertyStandard, intake: RowIntake, sha256: string, started: number,
): Promise<ImportSummary> {
  const { year } = opts;
  const rows = intake.rows;
  const fileName = path.basename(opts.file);
  const batch = { fileName, sha256, year, rows, synthetic: opts.synthetic ?? false, sourceId: opts.sourceId ?? null };
  let change: ImportChange | undefined;
  return store.replace(year, standard, intake.staged, batch, {
    async review(changes) {
      change = importChange(fileName, year, rows, changes.values());
      if (opts.confirm && !(await opts.confirm(change))) throw new ImportDeclined(change);
    },
    summarise(importId): ImportSummary {
      const seconds = (performance.now() - started) / 1000;
      return {
        ...change!, importId, sha256, standard: standard.id, droppedColumns: intake.dropped,
        classMismatches: { count: intake.mismatchCount, examples: intake.mismatches }, seconds, rowsPerSecond: rows / seconds,
      };
    },
  });
}
