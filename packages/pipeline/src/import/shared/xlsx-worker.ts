/**
 * The worker of xlsx-thread.ts: reads one worksheet with readXlsxRows, its TMPDIR pointed at the import's private
 * folder, and sends the rows in batches. At most MAX_IN_FLIGHT batches are unacknowledged, so a large sheet is never
 * held whole in memory.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { RawRow } from "./read-csv.js";
import { readXlsxRows } from "./read-xlsx.js";
import { describeWorkerError } from "./worker-errors.js";
import type { FromXlsxWorker } from "./xlsx-thread.js";

const BATCH_ROWS = 1000;
const MAX_IN_FLIGHT = 4;

async function run(file: string, sheet: string | undefined): Promise<void> {
  const port = parentPort!;
  const post = (m: FromXlsxWorker) => port.postMessage(m);
  let inFlight = 0;
  let wake: (() => void) | undefined;
  port.on("message", () => {
    inFlight--;
    wake?.();
    wake = undefined;
  });
  let rows: RawRow[] = [];
  const send = async () => {
    if (rows.length === 0) return;
    post({ type: "rows", rows });
    rows = [];
    if (++inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
  };
  try {
    for await (const batch of readXlsxRows(file, sheet)) {
      for (const row of batch) rows.push(row);
      if (rows.length >= BATCH_ROWS) await send();
    }
    await send();
    post({ type: "done" });
  } catch (e) {
    post({ type: "error", error: describeWorkerError(e) });
  }
}

if (parentPort && typeof workerData?.xlsxFile === "string") {
  process.env.TMPDIR = workerData.tempDir as string;
  void run(workerData.xlsxFile as string, workerData.sheet as string | undefined);
}
