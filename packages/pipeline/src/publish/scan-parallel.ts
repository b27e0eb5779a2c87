/**
 * Runs the publish scan of a SQLite store in several parts, one on this thread and the others on worker threads, each
 * with its own connection. Why: the serial scan keeps one core busy reading rows and classifying them. The keys are
 * split into many small ranges (on their leading hex digits: HMAC digests, evenly spread) that the parts take in turn,
 * so a part whose thread starts late (a worker boots in a few hundred ms) or runs slow simply takes fewer.
 */
import type { Worker } from "node:worker_threads";
import { startTsWorker } from "@minhbach/core/workers/start-ts-worker.ts";
import Database from "better-sqlite3";
import { sqlitePathFromUrl } from "@minhbach/db/sqlite-url.ts";
import { openSqliteSnapshot } from "./household-rows.js";
import { keyRanges, rangeClaimer, scanRanges, type PartResult } from "./scan-part.js";
import type { ScanWorkerData } from "./scan-worker.js";

/** How long the coordinator waits for a writer (an import committing) before it gives up. */
const BUSY_TIMEOUT_MS = 60_000;

/** Key ranges of a parallel scan: enough that the last ones even out the parts' finishing times (a range of the
 *  province store is ~0.1 s of work), few enough that each is thousands of households at any size that goes parallel. */
export const PARALLEL_RANGES = 64;

function startWorker(data: ScanWorkerData): Worker {
  return startTsWorker(new URL("./scan-worker.ts", import.meta.url), data);
}

interface Running {
  worker: Worker;
  pinned: Promise<void>;
  result: Promise<PartResult>;
}

function run(data: ScanWorkerData): Running {
  const worker = startWorker(data);
  let pin!: { resolve: () => void; reject: (e: Error) => void };
  let done!: { resolve: (r: PartResult) => void; reject: (e: Error) => void };
  const pinned = new Promise<void>((resolve, reject) => (pin = { resolve, reject }));
  const result = new Promise<PartResult>((resolve, reject) => (done = { resolve, reject }));
  const fail = (e: Error) => {
    pin.reject(e);
    done.reject(e);
  };
  worker.on("message", (msg: { pinned?: true; result?: PartResult; error?: { message: string; stack?: string } }) => {
    if (msg.pinned) pin.resolve();
    else if (msg.result) done.resolve(msg.result);
    else if (msg.error) fail(Object.assign(new Error(`a scan worker failed: ${msg.error.message}`), { stack: msg.error.stack }));
  });
  worker.on("error", (e) => fail(new Error(`a scan worker failed: ${e.message}`)));
  worker.on("exit", (code) => fail(new Error(`a scan worker exited (code ${code}) before it finished`)));
  // Settled promises ignore later calls; these keep an unobserved rejection from crashing the process.
  pinned.catch(() => {});
  result.catch(() => {});
  return { worker, pinned, result };
}

/**
 * One snapshot for all parts. The serial scan reads every year in one read transaction; here each part has its own
 * connection, and each must see the same committed state. In WAL mode a read transaction's snapshot is fixed by its
 * first read, so: the coordinator takes BEGIN IMMEDIATE (the write lock: no writer can commit from then on; it waits
 * up to BUSY_TIMEOUT_MS for an import that is committing), every part opens BEGIN and reads once
 * (openSqliteSnapshot), and only when all parts have pinned their snapshot does the coordinator ROLLBACK and let
 * writers go on. The parts then read old snapshots while writers append to the WAL. (With a rollback journal the same
 * sequence holds: readers' shared locks keep any writer from committing until the scan ends, as for the serial scan.)
 * Returns the parts' results (part 0 first), or undefined when the store cannot be locked (a read-only file: the
 * caller scans serially). `fixed`: assign ranges round-robin instead of on demand (tests, see rangeClaimer).
 */
export async function scanSqliteParts(privateUrl: string, parts: number, opts: { batchSize?: number; ranges?: number; fixed?: boolean } = {}): Promise<PartResult[] | undefined> {
  const total = opts.ranges ?? PARALLEL_RANGES;
  const ranges = keyRanges(total);
  let coordinator: Database.Database;
  try {
    coordinator = new Database(sqlitePathFromUrl(privateUrl), { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    coordinator.exec("BEGIN IMMEDIATE");
  } catch (err) {
    const code = (err as { code?: string }).code ?? "";
    if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN")) return undefined;
    throw err;
  }
  let locked = true;
  const release = () => {
    if (!locked) return;
    locked = false;
    coordinator.exec("ROLLBACK");
    coordinator.close();
  };
  const counter = opts.fixed ? undefined : new Int32Array(new SharedArrayBuffer(4));
  // Part 0 runs here (saves a worker start-up); the workers start first so that they boot while this part reads.
  const workers = Array.from({ length: parts - 1 }, (_, i) =>
    run({ privateUrl, part: i + 1, parts, ranges: total, counter, batchSize: opts.batchSize }));
  try {
    const snapshot = openSqliteSnapshot(privateUrl, opts.batchSize);
    let pinning = true;
    const allPinned = Promise.all(workers.map((w) => w.pinned)).then(release).finally(() => (pinning = false));
    allPinned.catch(() => {});
    let main: PartResult;
    try {
      const claim = rangeClaimer(counter, 0, parts, total);
      // While workers are still pinning, this part yields at each refill so that their messages get through and the
      // write lock is not held for the whole scan.
      main = await scanRanges(
        snapshot.years,
        () => {
          const index = claim();
          return index === undefined ? undefined : { index, rows: snapshot.rows(ranges[index]) };
        },
        () => (pinning ? new Promise<void>((resolve) => setImmediate(resolve)) : undefined),
      );
    } finally {
      snapshot.close();
    }
    await allPinned; // a worker that failed before pinning fails the scan here
    return [main, ...(await Promise.all(workers.map((w) => w.result)))];
  } finally {
    release();
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}
