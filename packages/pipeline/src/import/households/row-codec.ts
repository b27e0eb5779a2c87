/**
 * The compact form in which the check worker sends checked rows to the main thread: numbers in an Int32Array and the
 * normalised ids' UTF-8 bytes in a byte array, both transferred (moved, not copied), plus the rare problems and the new
 * village codes as plain values. Why not plain objects: cloning ~13 values per row cost the main thread more than
 * staging them. Why ids and not their keys: the HMAC was a fifth of the worker's time, the busier thread; the main
 * thread computes it while replaying (RowBatchReader), which evens out the two.
 */
import { REVIEW_CATEGORIES, type ReviewCategory } from "@minhbach/core/households/columns.ts";
import type { HouseholdClass } from "@minhbach/core/standards/standards.ts";
import type { ImportProblem } from "../shared/problems.js";
import type { CheckSink } from "./check-rows.js";
import type { HouseholdKeyer } from "./key-hasher.js";
import type { HouseholdRow } from "./parse-row.js";

/** Int32 fields per row, at these offsets. */
const W = 11;
const ROW = 0, FLAGS = 1, VILLAGE = 2, SIZE = 3, INCOME = 4, A_SCORE = 5, DEPRIVATIONS = 6, CATEGORY = 7, CLS = 8;
const ID_START = 9, ID_LENGTH = 10;
const HAS_KEY = 1, GOOD = 2, URBAN = 4, ETHNIC = 8, HAS_CLS = 16, KEYED = 32;
/** Id bytes reserved per row at first; the buffer grows for longer ids. */
const ID_BYTES = 16;
const CLASSES: readonly HouseholdClass[] = ["POOR", "NEAR_POOR", "NOT_POOR"];
const CLASS_INDEX = new Map(CLASSES.map((c, i) => [c, i]));
const CATEGORIES: readonly ReviewCategory[] = REVIEW_CATEGORIES.map((c) => c.code);
const CATEGORY_INDEX = new Map(CATEGORIES.map((c, i) => [c, i]));

export interface RowBatch {
  count: number;
  ints: ArrayBuffer;
  /** the rows' normalised ids (NormalisedIdBytes), at ID_START for ID_LENGTH bytes */
  ids: ArrayBuffer;
  /** Problems, each reported just before row `at` of this batch (at = count: after the last row). */
  problems: { at: number; p: ImportProblem }[];
  /** Why a good row could not be classified, by row index in this batch (rare: the checks prevent it). */
  clsErrors: { at: number; message: string }[];
  /** [villageCode, communeCode] of the village indices first used in this batch, in index order. */
  newVillages: [string, string][];
}

/** Worker side: collects rows into fixed-size buffers; `take()` hands over the batch (buffers to transfer). */
export class RowBatchWriter {
  private ints: Int32Array;
  private ids: Buffer;
  private idBytes = 0;
  private count = 0;
  private problems: RowBatch["problems"] = [];
  private clsErrors: RowBatch["clsErrors"] = [];
  private newVillages: [string, string][] = [];
  private readonly villageIndex = new Map<string, number>();

  constructor(readonly capacity: number) {
    this.ints = new Int32Array(capacity * W);
    this.ids = Buffer.alloc(capacity * ID_BYTES);
  }

  get size(): number {
    return this.count;
  }

  /** Rows and problems not yet taken: problems count too, so a file of rejected cells cannot pile them up. */
  get pending(): number {
    return this.count + this.problems.length;
  }

  get full(): boolean {
    return this.count >= this.capacity || this.problems.length >= this.capacity;
  }

  problem(p: ImportProblem): void {
    this.problems.push({ at: this.count, p });
  }

  /** `key`: the normalised id's bytes, or (keyed) the household key already computed. */
  row(rowNumber: number, h: HouseholdRow | undefined, key: Buffer | undefined, keyOffset: number, cls: HouseholdClass | undefined, clsError: string | undefined, keyed = false): void {
    const o = this.count * W;
    const ints = this.ints;
    let flags = 0;
    ints[o + ROW] = rowNumber;
    if (key) {
      flags |= HAS_KEY | (keyed ? KEYED : 0);
      const length = key.length - keyOffset;
      if (this.idBytes + length > this.ids.length) {
        const grown = Buffer.alloc(Math.max(this.ids.length * 2, this.idBytes + length));
        this.ids.copy(grown, 0, 0, this.idBytes);
        this.ids = grown;
      }
      key.copy(this.ids, this.idBytes, keyOffset);
      ints[o + ID_START] = this.idBytes;
      ints[o + ID_LENGTH] = length;
      this.idBytes += length;
    }
    if (h) {
      flags |= GOOD | (h.urban ? URBAN : 0) | (h.ethnicMinority ? ETHNIC : 0);
      let v = this.villageIndex.get(h.villageCode);
      if (v === undefined) {
        this.villageIndex.set(h.villageCode, (v = this.villageIndex.size));
        this.newVillages.push([h.villageCode, h.communeCode]);
      }
      ints[o + VILLAGE] = v;
      ints[o + SIZE] = h.size;
      ints[o + INCOME] = h.incomePerMonth ?? -1; // the checks keep income and A score within 0…1e9
      ints[o + A_SCORE] = h.aScore ?? -1;
      ints[o + DEPRIVATIONS] = h.deprivations;
      ints[o + CATEGORY] = CATEGORY_INDEX.get(h.reviewCategory)!;
      if (cls !== undefined) {
        flags |= HAS_CLS;
        ints[o + CLS] = CLASS_INDEX.get(cls)!;
      }
      if (clsError !== undefined) this.clsErrors.push({ at: this.count, message: clsError });
    }
    ints[o + FLAGS] = flags;
    this.count++;
  }

  /** The batch so far, with fresh buffers for the next one. */
  take(): RowBatch {
    const batch: RowBatch = {
      count: this.count, ints: this.ints.buffer as ArrayBuffer, ids: this.ids.buffer as ArrayBuffer,
      problems: this.problems, clsErrors: this.clsErrors, newVillages: this.newVillages,
    };
    this.ints = new Int32Array(this.capacity * W);
    this.ids = Buffer.alloc(this.capacity * ID_BYTES);
    this.idBytes = 0;
    this.count = 0;
    this.problems = [];
    this.clsErrors = [];
    this.newVillages = [];
    return batch;
  }
}

/** Main side: replays batches into a sink in the order the worker saw the events, with each id's household key. */
export class RowBatchReader {
  private readonly villages: [string, string][] = [];

  constructor(private readonly keyer: HouseholdKeyer) {}

  replay(batch: RowBatch, sink: CheckSink): void {
    for (const v of batch.newVillages) this.villages.push(v);
    const ints = new Int32Array(batch.ints);
    const ids = new Uint8Array(batch.ids);
    const { problems, clsErrors } = batch;
    let p = 0;
    let e = 0;
    for (let i = 0; i < batch.count; i++) {
      while (p < problems.length && problems[p]!.at <= i) sink.problem(problems[p++]!.p);
      const o = i * W;
      const flags = ints[o + FLAGS]!;
      let h: HouseholdRow | undefined;
      let clsError: string | undefined;
      if (flags & GOOD) {
        const [villageCode, communeCode] = this.villages[ints[o + VILLAGE]!]!;
        const income = ints[o + INCOME]!;
        const aScore = ints[o + A_SCORE]!;
        h = {
          rowNumber: ints[o + ROW]!, id: "", villageCode, communeCode, urban: (flags & URBAN) !== 0, size: ints[o + SIZE]!,
          incomePerMonth: income < 0 ? null : income, aScore: aScore < 0 ? null : aScore, deprivations: ints[o + DEPRIVATIONS]!,
          reviewCategory: CATEGORIES[ints[o + CATEGORY]!]!, ethnicMinority: (flags & ETHNIC) !== 0,
        };
        if (e < clsErrors.length && clsErrors[e]!.at === i) clsError = clsErrors[e++]!.message;
      }
      const cls = flags & HAS_CLS ? CLASSES[ints[o + CLS]!] : undefined;
      const start = ints[o + ID_START]!;
      if (!(flags & HAS_KEY)) sink.row(ints[o + ROW]!, h, undefined, 0, cls, clsError);
      else if (flags & KEYED) sink.row(ints[o + ROW]!, h, Buffer.from(ids.buffer, ids.byteOffset + start, 32), 0, cls, clsError);
      else sink.row(ints[o + ROW]!, h, this.keyer.keyOfBytes(ids, start, ints[o + ID_LENGTH]!), 0, cls, clsError);
    }
    while (p < problems.length) sink.problem(problems[p++]!.p);
  }
}
