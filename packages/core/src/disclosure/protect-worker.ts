/** Runs `protect` for the protect pool on a worker thread (see protect-pool.ts); one problem at a time. */
import { parentPort } from "node:worker_threads";
import { DisclosureGateError, protect } from "./protect.ts";
import type { ProtectionProblem } from "./types.ts";

parentPort!.on("message", async ({ id, problem }: { id: number; problem: ProtectionProblem }) => {
  try {
    parentPort!.postMessage({ id, result: await protect(problem) });
  } catch (e) {
    const gateError = e instanceof DisclosureGateError ? { gate: e.gate, historyConflicts: e.historyConflicts } : undefined;
    parentPort!.postMessage({ id, error: { message: (e as Error).message, stack: (e as Error).stack, gateError } });
  }
});
