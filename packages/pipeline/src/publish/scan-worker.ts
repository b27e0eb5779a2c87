/**
 * Worker-thread entry of the parallel publish scan (scan-parallel.ts): scans key ranges on its own SQLite connection.
 * Why a thread: reading rows from SQLite and classifying them is CPU work, on one core per connection. Messages to
 * the parent: { pinned } once its read snapshot is fixed, then { result } or { error }.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openSqliteSnapshot } from "./household-rows.js";
import { keyRanges, rangeClaimer, scanRanges } from "./scan-part.js";

export interface ScanWorkerData {
  privateUrl: string;
  /** this part's number (the main thread is part 0) and how many there are */
  part: number;
  parts: number;
  /** how many key ranges the keys are split into (keyRanges) */
  ranges: number;
  /** the next unclaimed range, shared by all parts (none: fixed assignment, see rangeClaimer) */
  counter?: Int32Array;
  batchSize?: number;
}

const data = workerData as ScanWorkerData;
const port = parentPort!;
try {
  // The snapshot is pinned once openSqliteSnapshot returns (its read transaction has read).
  const snapshot = openSqliteSnapshot(data.privateUrl, data.batchSize);
  port.postMessage({ pinned: true });
  try {
    const ranges = keyRanges(data.ranges);
    const claim = rangeClaimer(data.counter, data.part, data.parts, data.ranges);
    const result = await scanRanges(snapshot.years, () => {
      const index = claim();
      return index === undefined ? undefined : { index, rows: snapshot.rows(ranges[index]) };
    });
    port.postMessage({ result });
  } finally {
    snapshot.close();
  }
} catch (err) {
  const e = err instanceof Error ? err : new Error(String(err));
  port.postMessage({ error: { message: e.message, stack: e.stack } });
}
