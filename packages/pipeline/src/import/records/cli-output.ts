/** Console output shared by the record and boundary import commands. Why: every import reports the same way. */
import { formatProblem, ImportError, type ImportProblem } from "../shared/index.js";

export function printWarnings(warnings: readonly ImportProblem[]): void {
  for (const w of warnings) process.stderr.write(`warning: ${formatProblem(w)}\n`);
}

/** Prints every problem of an ImportError and sets exit code 1; rethrows anything else. */
export function failWithProblems(err: unknown): void {
  if (!(err instanceof ImportError)) throw err;
  process.stderr.write(`${err.total} problem(s); nothing was imported:\n`);
  for (const p of err.problems) process.stderr.write(`${formatProblem(p)}\n`);
  if (err.total > err.problems.length) process.stderr.write(`… and ${err.total - err.problems.length} more\n`);
  process.exitCode = 1;
}
