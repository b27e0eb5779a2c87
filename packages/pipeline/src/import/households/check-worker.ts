/**
 * The check worker: runs checkRows (reading, row checks, HMAC keys, classification) on its own thread and streams the
 * rows to the main thread in compact batches (row-codec.ts). Why: these steps were more than half of an import's CPU
 * and need nothing the main thread holds, so on a second core they overlap with the duplicate index and staging.
 * Started by check-thread.ts; at most MAX_IN_FLIGHT batches are unacknowledged, so memory stays flat whatever the file.
 */
import { parentPort, workerData } from "node:worker_threads";
import { describeWorkerError } from "../shared/worker-errors.js";
import { checkRows, type CheckInput, type CheckSink } from "./check-rows.js";
import { HouseholdKeyer, NormalisedIdBytes } from "./key-hasher.js";
import { RowBatchWriter } from "./row-codec.js";
import type { FromCheckWorker, ToCheckWorker } from "./check-thread.js";

/** Rows per batch: big enough that per-message costs vanish, small enough that a few in flight stay a few MB. */
const BATCH_ROWS = 8192;
/** A batch is sent at a chunk's end once it holds this many rows or problems (a full one is sent at once). */
const SEND_AT = 4096;
const MAX_IN_FLIGHT = 3;

async function run(input: CheckInput): Promise<void> {
  const port = parentPort!;
  const post = (m: FromCheckWorker, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);
  let inFlight = 0;
  let wake: (() => void) | undefined;
  port.on("message", (m: ToCheckWorker) => {
    if (m.type !== "ack") return;
    inFlight--;
    wake?.();
    wake = undefined;
  });
  const writer = new RowBatchWriter(BATCH_ROWS);
  const ids = new NormalisedIdBytes(new HouseholdKeyer(input.secret));
  const send = () => {
    if (writer.pending === 0) return;
    const batch = writer.take();
    inFlight++;
    post({ type: "rows", batch }, [batch.ints, batch.ids]);
  };
  const sink: CheckSink = {
    header(info) {
      send(); // keep the order of events: anything before the header goes first
      post({ type: "header", info });
    },
    problem: (p) => writer.problem(p),
    row(rowNumber, h, key, keyOffset, cls, clsError) {
      writer.row(rowNumber, h, key, keyOffset, cls, clsError, ids.keyed);
      if (writer.full) send();
    },
    chunkEnd() {
      if (writer.pending >= SEND_AT) send();
      return inFlight >= MAX_IN_FLIGHT ? new Promise<void>((resolve) => (wake = resolve)) : undefined;
    },
  };
  try {
    await checkRows(input, sink, ids);
    send();
    post({ type: "done" });
  } catch (e) {
    send(); // the rows before the failure, as the serial path would have handled them before throwing
    post({ type: "error", error: describeWorkerError(e) });
  }
}

if (parentPort && workerData?.householdCheck) {
  // What the reading parks on disk (exceljs) goes to the import's private folder; this thread's environment is its own.
  if (typeof workerData.tempDir === "string") process.env.TMPDIR = workerData.tempDir;
  void run(workerData.householdCheck as CheckInput);
}
