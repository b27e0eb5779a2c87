/**
 * readXlsxRows on a worker thread, for files read on the main thread (the record importers). Why: exceljs parks the
 * worksheets that come before the shared strings in temp files, and removes one only once its sheet has been read to
 * the end or the process exits normally; an import refused mid-sheet left a copy of the file's rows in the temp
 * folder. A worker's TMPDIR is its own, so it points at a private folder, removed once the worker has stopped however
 * the reading ended (import-temp-dir.ts). The household check already reads on a worker of its own, with such a folder.
 */
import type { Worker } from "node:worker_threads";
import { startTsWorker } from "@minhbach/core/workers/start-ts-worker.ts";
import { makeImportTempDir, removeImportTempDir } from "./import-temp-dir.js";
import type { RawRow } from "./read-csv.js";
import { rebuildWorkerError, type WorkerError } from "./worker-errors.js";
import { WorkerInbox } from "./worker-inbox.js";

export type FromXlsxWorker = { type: "rows"; rows: RawRow[] } | { type: "done" } | { type: "error"; error: WorkerError };

/** The rows of the sheet (default: the first), as readXlsxRows yields them; the worker stops when the caller does. */
export async function* readXlsxRowsInWorker(file: string, sheet?: string): AsyncGenerator<RawRow[]> {
  const tempDir = makeImportTempDir();
  let worker: Worker;
  try {
    worker = startTsWorker(new URL("./xlsx-worker.ts", import.meta.url), { xlsxFile: file, sheet, tempDir });
  } catch (e) {
    removeImportTempDir(tempDir);
    throw e;
  }
  const inbox = new WorkerInbox<FromXlsxWorker>(worker, "the XLSX reading worker");
  try {
    for (;;) {
      const m = await inbox.next();
      if (m.type === "done") return;
      if (m.type === "error") throw rebuildWorkerError(m.error);
      yield m.rows;
      worker.postMessage("ack");
    }
  } finally {
    await worker.terminate();
    removeImportTempDir(tempDir); // after the worker has stopped: nothing can be writing there any more
  }
}
