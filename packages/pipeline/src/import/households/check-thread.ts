/**
 * Runs checkRows on a worker thread (check-worker.ts) and replays its batches into the main thread's sink. Why: see
 * check-worker.ts. The worker's errors come back as the same ImportError or Error the main-thread path throws, and
 * the worker is terminated however the import ends, so no thread outlives it. Its temp files go to a private folder
 * removed once it has stopped (shared/import-temp-dir.ts).
 */
import type { Worker } from "node:worker_threads";
import { startTsWorker } from "@minhbach/core/workers/start-ts-worker.ts";
import type { CheckInput, CheckSink, HeaderInfo } from "./check-rows.js";
import { makeImportTempDir, removeImportTempDir } from "../shared/import-temp-dir.js";
import { rebuildWorkerError, type WorkerError } from "../shared/worker-errors.js";
import { WorkerInbox } from "../shared/worker-inbox.js";
import { HouseholdKeyer } from "./key-hasher.js";
import { RowBatchReader, type RowBatch } from "./row-codec.js";

export type FromCheckWorker =
  | { type: "header"; info: HeaderInfo }
  | { type: "rows"; batch: RowBatch }
  | { type: "done" }
  | { type: "error"; error: WorkerError };

export type ToCheckWorker = { type: "ack" };

/** The worker's young generation (3 × V8's semi-space): 96 MB, a 32 MB semi-space instead of the default 16 MB. Why:
 *  every row allocates its cells and values, and a chunk's rows are still alive at the next scavenge; with 16 MB they
 *  were copied and promoted to the old generation, and garbage collection took ~27 % of the worker's time. */
const YOUNG_GENERATION_MB = 96;

function startWorker(input: CheckInput, tempDir: string): Worker {
  return startTsWorker(new URL("./check-worker.ts", import.meta.url), { householdCheck: input, tempDir }, { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB });
}

let live = 0;

/** Check workers started and not yet terminated (tests: no thread may outlive its import). */
export function liveCheckWorkers(): number {
  return live;
}

/** checkRows(input, sink), with the reading and checking on a worker thread; the sink runs here, in file order. */
export async function checkRowsInWorker(input: CheckInput, sink: CheckSink): Promise<void> {
  const tempDir = makeImportTempDir();
  let worker: Worker;
  try {
    worker = startWorker(input, tempDir);
  } catch (e) {
    removeImportTempDir(tempDir);
    throw e;
  }
  live++;
  const inbox = new WorkerInbox<FromCheckWorker>(worker, "the household check worker");
  const reader = new RowBatchReader(new HouseholdKeyer(input.secret));
  try {
    for (;;) {
      const m = await inbox.next();
      if (m.type === "done") return;
      if (m.type === "error") throw rebuildWorkerError(m.error);
      if (m.type === "header") {
        sink.header(m.info);
        continue;
      }
      reader.replay(m.batch, sink);
      const drained = sink.chunkEnd();
      if (drained) await drained;
      worker.postMessage({ type: "ack" } satisfies ToCheckWorker);
    }
  } finally {
    await worker.terminate();
    live--;
    removeImportTempDir(tempDir); // after the worker has stopped: nothing can be writing there any more
  }
}
