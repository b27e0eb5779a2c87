/** Runs `protect` (or builds and protects a category table) for the protect pool on a worker thread (see
 * protect-pool.ts); one job at a time. */
import { parentPort } from "node:worker_threads";
import { loadHighs } from "./attacker/highs-loader.ts";
import { DisclosureGateError, protect } from "./protect.ts";
import type { ProtectJob } from "./protect-pool.ts";
import { protectCategoryTable } from "./protect-table.ts";

// Compile the solver now: a pool is started before the publish scan, so this overlaps the scan instead of the first job.
void loadHighs().catch(() => {}); // a failure surfaces again where the attack awaits it

parentPort!.on("message", async (job: ProtectJob) => {
  const { id } = job;
  try {
    parentPort!.postMessage({ id, result: "table" in job ? await protectCategoryTable(job.table) : await protect(job.problem) });
  } catch (e) {
    const gateError = e instanceof DisclosureGateError ? { gate: e.gate, historyConflicts: e.historyConflicts } : undefined;
    parentPort!.postMessage({ id, error: { message: (e as Error).message, stack: (e as Error).stack, gateError } });
  }
});
