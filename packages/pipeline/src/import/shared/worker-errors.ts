/**
 * An import worker's failure as plain data and back. Why: an Error crossing postMessage loses its class and fields, and
 * the officer must get the same ImportError (file, row, column, reason) whether the file was read on a worker or not.
 */
import { ImportError } from "./problems.js";

export type WorkerError =
  | { kind: "import"; problems: ImportError["problems"]; total: number }
  | { kind: "error"; name: string; message: string; stack?: string; code?: string };

/** In the worker: what to send for a thrown value. */
export function describeWorkerError(e: unknown): WorkerError {
  if (e instanceof ImportError) return { kind: "import", problems: e.problems, total: e.total };
  const err = e instanceof Error ? e : new Error(String(e));
  return { kind: "error", name: err.name, message: err.message, stack: err.stack, code: (err as NodeJS.ErrnoException).code };
}

/** On the main thread: the error to throw for what the worker sent. */
export function rebuildWorkerError(e: WorkerError): Error {
  if (e.kind === "import") return new ImportError(e.problems, e.total);
  const err = new Error(e.message);
  err.name = e.name;
  if (e.stack) err.stack = e.stack;
  if (e.code) Object.assign(err, { code: e.code });
  return err;
}
