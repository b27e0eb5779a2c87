/**
 * The messages of an import's reading worker, in the order sent, then its failure if it failed. Why a class: the
 * household check and the XLSX reader both wait on their worker this way, and both must hand over every message the
 * worker sent before it failed or stopped, then the failure, never a hang.
 */
import type { Worker } from "node:worker_threads";

export class WorkerInbox<M> {
  private readonly queue: M[] = [];
  private failure: Error | undefined;
  private notify: (() => void) | undefined;

  /** `what` names the worker in the errors ("the household check worker"). */
  constructor(worker: Worker, what: string) {
    worker.on("message", (m: M) => {
      this.queue.push(m);
      this.wake();
    });
    worker.on("error", (e) => {
      this.failure ??= new Error(`${what} failed: ${e.message}`, { cause: e });
      this.wake();
    });
    worker.on("exit", (code) => {
      this.failure ??= new Error(`${what} stopped (exit code ${code}) before the end of the file`);
      this.wake();
    });
  }

  /** The next message; once those sent before a failure are taken, throws the failure. */
  async next(): Promise<M> {
    while (this.queue.length === 0 && !this.failure) await new Promise<void>((resolve) => (this.notify = resolve));
    const m = this.queue.shift();
    if (m === undefined) throw this.failure!;
    return m;
  }

  private wake(): void {
    this.notify?.();
    this.notify = undefined;
  }
}
