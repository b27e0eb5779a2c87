/**
 * Problems found while reading or validating an import file, and the error that carries them. Why one shape: every
 * importer reports "file:row:column: reason" so that a commune officer can find and fix each cell, all at once.
 */
export interface ImportProblem {
  file: string;
  row?: number;
  column?: string;
  reason: string;
}

/** How many problems an error message lists; the full list stays on `problems`. */
const MESSAGE_LIMIT = 20;

export function formatProblem(p: ImportProblem): string {
  const where = [p.file, p.row === undefined ? undefined : String(p.row), p.column].filter((s) => s !== undefined).join(":");
  return `${where}: ${p.reason}`;
}

export class ImportError extends Error {
  /** Total problems found, which may exceed problems.length when a collector capped the list. */
  readonly total: number;

  constructor(
    public problems: ImportProblem[],
    total?: number,
  ) {
    const count = total ?? problems.length;
    const shown = problems.slice(0, MESSAGE_LIMIT).map(formatProblem);
    const more = count > shown.length ? [`… and ${count - shown.length} more problem(s)`] : [];
    super([`${count} problem(s) in the import file; nothing was imported:`, ...shown, ...more].join("\n"));
    this.name = "ImportError";
    this.total = count;
  }
}

/** Collects problems up to a cap (counting the rest). Why a cap: a wrong file can have a million bad cells. */
export class ProblemCollector {
  readonly problems: ImportProblem[] = [];
  private total = 0;

  constructor(readonly cap = 1000) {}

  add(problem: ImportProblem): void {
    this.total++;
    if (this.problems.length < this.cap) this.problems.push(problem);
  }

  /** Problems found and counted but not listed (a store reported how many more there were). */
  countMore(n: number): void {
    if (n > 0) this.total += n;
  }

  addAll(problems: readonly ImportProblem[]): void {
    for (const p of problems) this.add(p);
  }

  get count(): number {
    return this.total;
  }

  /** The problems in file order (checks that span rows, like duplicates, are found late). */
  toError(): ImportError {
    const sorted = [...this.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return new ImportError(sorted, this.total);
  }

  throwIfAny(): void {
    if (this.total > 0) throw this.toError();
  }
}
