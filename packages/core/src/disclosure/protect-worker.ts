/** Runs `protect` (or builds and protects a category table) for the protect pool on a worker thread (see
 * protect-pool.ts); one job at a time. */
import { parentPort } from "node:worker_threads";
import { DisclosureGateError, protect } from "./protect.ts";
import type { ProtectJob } from "./protect-pool.ts";
import { protectCategoryTable } from "./protect-table.ts";

parentPort!.on("message", async (job: ProtectJob) => {
  const { id } = job;
  try {
    parentPort!.postMessage({ id, result: "table" in job ? await protectCategoryTable(job.table) : await protect(job.problem) });
  } catch (e) {
    const gateError = e instanceof DisclosureGateError ? { gate: e.gate, historyConflicts: e.historyConflicts } : undefined;
    parentPort!.postMessage({ id, error: { message: (e as Error).message, stack: (e as Error).stack, gateError } });
  }
});
