/**
 * Merges a review year's runs of household records into one stream in key order. Why: on SQLite HouseholdRecord is
 * keyed by (year, importId, householdKey), so a year is several runs (one per imported file), each in key order, and
 * the publish scan needs the year in key order; merging pages of the runs reads each run straight from the table,
 * where `ORDER BY householdKey` over the year would sort all of its rows.
 */
import type { ScanRow } from "./household-rows.js";

/** The next page of a run: rows after `after` (none: from the range's first key), keys ascending, at most the page
 *  size asked for; a shorter page is the run's last. */
export type RunPager = (run: number, after: string | undefined) => ScanRow[];

/**
 * A K-way merge over `runs` runs, handing out batches of `batchSize` rows (a shorter batch is the last). The runs'
 * current heads sit in a binary min-heap on their keys. Keys are unique across the runs (a household key is unique
 * within a year), so ties never happen. Each run's page holds `pageSize` rows: the rows buffered are at most
 * runs × pageSize plus the batch being filled. A plain binary heap because the alternatives measured were no faster:
 * a loser tree, and heads compared on a numeric prefix of the key (in memory, ~20 ns a row per level of the heap:
 * ~70 ns for 10 runs, ~140 ns for 63; the heads are close keys, so the branches are hard to predict).
 */
export class KeyRunMerge {
  private readonly pages: ScanRow[][] = [];
  private readonly pos: number[] = [];
  private readonly more: boolean[] = [];
  /** run numbers, a min-heap on their head keys (heads[run]) */
  private readonly heap: number[] = [];
  private readonly heads: string[] = [];
  private started = false;

  constructor(
    private readonly runs: number,
    private readonly pageSize: number,
    private readonly batchSize: number,
    private readonly page: RunPager,
  ) {}

  next(): ScanRow[] {
    if (!this.started) this.start();
    const { pages, pos, heap, heads, batchSize } = this;
    // Preallocated, filled by index (push made the merge ~20 % slower, growing the array as it went).
    const out: ScanRow[] = new Array<ScanRow>(batchSize);
    let n = 0;
    while (heap.length && n < batchSize) {
      const r = heap[0]!;
      const rows = pages[r]!;
      out[n++] = rows[pos[r]!++]!;
      if (pos[r]! < rows.length || this.refill(r)) {
        heads[r] = pages[r]![pos[r]!]![0];
      } else {
        // The run is done: its place goes to the heap's last run.
        const last = heap.pop()!;
        if (!heap.length) break;
        heap[0] = last;
      }
      this.siftDown();
    }
    if (n < batchSize) out.length = n;
    return out;
  }

  private start(): void {
    this.started = true;
    for (let r = 0; r < this.runs; r++) {
      const rows = this.page(r, undefined);
      this.pages.push(rows);
      this.pos.push(0);
      this.more.push(rows.length === this.pageSize);
      this.heads.push(rows.length ? rows[0]![0] : "");
      if (rows.length) this.heap.push(r);
    }
    this.heap.sort((a, b) => (this.heads[a]! < this.heads[b]! ? -1 : 1));
  }

  /** Reads run r's next page; false when the run has no more rows. */
  private refill(r: number): boolean {
    if (!this.more[r]) return false;
    const rows = this.pages[r]!;
    const next = this.page(r, rows[rows.length - 1]![0]);
    this.pages[r] = next;
    this.pos[r] = 0;
    this.more[r] = next.length === this.pageSize;
    return next.length > 0;
  }

  /** Moves the top run down to its place. */
  private siftDown(): void {
    const { heap, heads } = this;
    const n = heap.length;
    const r = heap[0]!;
    const key = heads[r]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ck = heads[heap[c]!]!;
      if (c + 1 < n) {
        const rk = heads[heap[c + 1]!]!;
        if (rk < ck) {
          c++;
          ck = rk;
        }
      }
      if (key < ck) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = r;
  }
}

/** Fewest rows per page of a run (unless the batch is smaller): a page is one native call of a few µs. */
export const MIN_RUN_PAGE = 64;

/**
 * Rows per page of each of `runs` runs merged into batches of `batchSize`: the pages of a year's runs together hold
 * about half a batch, so that the rows buffered over all years (pages plus the batches handed out) stay near what one
 * run a year buffers, small enough to die young (SQLITE_BATCH). Measured on a 10-province store (18.5M rows, 10 runs a
 * year, batches of 2,000): pages of 100 rows read as fast as 200 with less GC (1.2 s against 1.4 s) and ~25 MB less
 * RSS; 400 were ~10 % slower and 2,000 ~35 % (GC 6 s); 50 were slower again (more calls). The floor keeps a national
 * store's 63 runs from paging a few rows per call.
 */
export function runPageSize(batchSize: number, runs: number): number {
  return Math.max(Math.ceil(batchSize / (2 * runs)), Math.min(batchSize, MIN_RUN_PAGE));
}
