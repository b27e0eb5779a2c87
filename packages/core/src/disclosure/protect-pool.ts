/**
 * Protects independent problems (tables × groups of provinces) on worker threads. Why: protection is pure CPU and the
 * parts never constrain each other, so a publish can use every core; results are identical to calling `protect` in
 * turn (the same function runs in each worker). With one worker the pool calls `protect` in-process.
 */
import os from "node:os";
import type { Worker } from "node:worker_threads";
import { startTsWorker } from "../workers/start-ts-worker.ts";
import { DisclosureGateError, protect } from "./protect.ts";
import { protectCategoryTable, withOwnHistory, type TableProtection } from "./protect-table.ts";
import type { CategoryTableInput } from "./table-builder.ts";
import type { ProtectionProblem, ProtectionResult } from "./types.ts";

export interface ProtectPool {
  readonly workers: number;
  protect(problem: ProtectionProblem): Promise<ProtectionResult>;
  /** Builds and protects a category table on a worker (see protect-table.ts). */
  protectTable(input: CategoryTableInput): Promise<TableProtection>;
  close(): Promise<void>;
}

/** A job as posted to a worker: a built problem, or a category table to build there. */
export type ProtectJob = { id: number; problem: ProtectionProblem } | { id: number; table: CategoryTableInput };

/** Workers used when not told: one per core, at most 4 (each holds a problem and a HiGHS instance in memory). */
export function defaultProtectWorkers(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

function startWorker(): Worker {
  return startTsWorker(new URL("./protect-worker.ts", import.meta.url));
}

interface Pending {
  resolve: (r: ProtectionResult | TableProtection) => void;
  reject: (e: Error) => void;
}

export function createProtectPool(workers = defaultProtectWorkers()): ProtectPool {
  if (workers <= 1) return { workers: 1, protect, protectTable: protectCategoryTable, close: async () => {} };
  const idle: Worker[] = [];
  const all: Worker[] = [];
  const queue: ProtectJob[] = [];
  const pending = new Map<number, Pending>();
  const busy = new Map<Worker, number>();
  let nextId = 0;
  let failure: Error | undefined;

  const dispatch = () => {
    while (idle.length && queue.length) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      busy.set(worker, job.id);
      worker.ref(); // a worker with a job keeps the process alive; idle ones do not
      worker.postMessage(job);
    }
  };
  for (let i = 0; i < workers; i++) {
    const worker = startWorker();
    worker.on("message", (msg: { id: number; result?: ProtectionResult | TableProtection; error?: { message: string; stack?: string; gateError?: { gate: ProtectionResult["gate"]; historyConflicts: string[] } } }) => {
      const p = pending.get(msg.id)!;
      pending.delete(msg.id);
      busy.delete(worker);
      idle.push(worker);
      worker.unref();
      if (msg.error?.gateError) p.reject(new DisclosureGateError(msg.error.gateError.gate, msg.error.gateError.historyConflicts));
      else if (msg.error) p.reject(Object.assign(new Error(msg.error.message), { stack: msg.error.stack }));
      else p.resolve(msg.result!);
      dispatch();
    });
    // A worker that dies (out of memory, a bug) fails its job and every later one: a publish must not half-succeed.
    worker.on("error", (e) => {
      failure = new Error(`a protection worker failed: ${e.message}`);
      const id = busy.get(worker);
      if (id !== undefined) pending.get(id)?.reject(failure);
      for (const job of queue.splice(0)) pending.get(job.id)?.reject(failure);
    });
    worker.unref();
    all.push(worker);
    idle.push(worker);
  }
  const submit = <R extends ProtectionResult | TableProtection>(job: (id: number) => ProtectJob): Promise<R> => {
    if (failure) return Promise.reject(failure);
    return new Promise<R>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as Pending["resolve"], reject });
      queue.push(job(id));
      dispatch();
    });
  };
  return {
    workers,
    protect: (problem) => submit<ProtectionResult>((id) => ({ id, problem })),
    protectTable: (input) => submit<TableProtection>((id) => ({ id, table: withOwnHistory(input) })),
    async close() {
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
