/**
 * The main-thread half of pass 1: takes the checked rows (from checkRows, directly or through the check worker),
 * collects problems, counts class mismatches and stages the rows. Why apart from the reading: the problem count spans
 * the whole file and the staging table lives in the store's session, so this half cannot move to the worker; keeping
 * it in one class makes both paths decide identically. Duplicate ids are found by the store once all rows are staged
 * (reportDuplicates): every row with an id is staged, by key only once the file is known to be refused.
 */
import { REVIEW_CATEGORIES } from "@minhbach/core/households/columns.ts";
import type { HouseholdClass } from "@minhbach/core/standards/standards.ts";
import type { ImportProblem, ProblemCollector } from "../shared/problems.js";
import type { CheckSink, HeaderInfo } from "./check-rows.js";
import type { DuplicateIds, HouseholdStage, StagedCounts } from "./household-store.js";
import type { HouseholdRow } from "./parse-row.js";
import { emptyCounts, type ClassCounts, type ClassMismatch } from "./summary.js";

/** Recorded categories and the computed classes they are consistent with ("thoát nghèo" may now be near-poor). */
const CONSISTENT: Record<string, readonly HouseholdClass[]> = {
  POOR: ["POOR"], NEWLY_POOR: ["POOR"], RE_POOR: ["POOR"],
  NEAR_POOR: ["NEAR_POOR"], NEWLY_NEAR_POOR: ["NEAR_POOR"], RE_NEAR_POOR: ["NEAR_POOR"],
  ESCAPED_POOR: ["NEAR_POOR", "NOT_POOR"], ESCAPED_NEAR_POOR: ["NOT_POOR"], NOT_POOR: ["NOT_POOR"],
};
const CATEGORY_VI = Object.fromEntries(REVIEW_CATEGORIES.map((c) => [c.code, c.vi]));
const MISMATCH_EXAMPLES = 20;
const PROGRESS_EVERY = 10_000;

export class RowIntake implements CheckSink {
  rows = 0;
  dropped: string[] = [];
  headers: Record<string, string> = {};
  readonly mismatches: ClassMismatch[] = [];
  mismatchCount = 0;
  /** Per village named by a readable row, its commune and its staged rows by class: the villages the import replaces
   *  and their "after" counts, without a query over the staged rows. Why every readable row's village, even once the
   *  file is refused: the key check must not report rows of the file's own villages as conflicts with "a village the
   *  file does not include". */
  readonly staged: StagedCounts & Map<string, { commune: string; counts: ClassCounts }> = new Map();

  constructor(
    private readonly file: string,
    private readonly problems: ProblemCollector,
    private readonly stage: HouseholdStage,
    private readonly progress?: (p: { phase: "reading"; rows: number }) => void,
  ) {}

  header(info: HeaderInfo): void {
    this.dropped = info.dropped;
    this.headers = info.headers;
  }

  problem(p: ImportProblem): void {
    this.problems.add(p);
  }

  row(rowNumber: number, h: HouseholdRow | undefined, key: Buffer | undefined, keyOffset: number, cls: HouseholdClass | undefined, clsError: string | undefined): void {
    if (++this.rows % PROGRESS_EVERY === 0) this.progress?.({ phase: "reading", rows: this.rows });
    if (key === undefined) return; // an empty id: reported by the row check, nothing to compare
    const village = h ? this.villageOf(h) : undefined;
    if (!h || !village || this.problems.count > 0) {
      this.stage.add(rowNumber, key, keyOffset, undefined); // the file will be refused: its ids are still compared
      return;
    }
    if (clsError !== undefined) throw new Error(clsError);
    if (!CONSISTENT[h.reviewCategory]!.includes(cls!)) {
      if (this.mismatchCount++ < MISMATCH_EXAMPLES) this.mismatches.push({ row: h.rowNumber, recorded: CATEGORY_VI[h.reviewCategory]!, computed: cls! });
    }
    this.stage.add(rowNumber, key, keyOffset, h);
    village.counts[cls!]++;
    village.counts.households++;
  }

  private villageOf(h: HouseholdRow): { commune: string; counts: ClassCounts } {
    let v = this.staged.get(h.villageCode);
    if (!v) this.staged.set(h.villageCode, (v = { commune: h.communeCode, counts: emptyCounts() }));
    return v;
  }

  chunkEnd(): Promise<void> | undefined {
    return this.stage.drain();
  }

  /** The store's duplicate ids (HouseholdStore.duplicateIds) as problems, each with the row where the id first appeared. */
  reportDuplicates(found: DuplicateIds): void {
    const column = this.headers.household_id ?? "Mã hộ";
    for (const d of found.rows) {
      this.problems.add({ file: this.file, row: d.rowNumber, column, reason: `household id appears twice (rows ${d.firstRow} and ${d.rowNumber})` });
    }
    this.problems.countMore(found.total - found.rows.length);
  }
}
