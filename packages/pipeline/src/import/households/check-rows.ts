/**
 * The front half of a household import: read the file, check each row, key its household id, classify it. Why a
 * function of its own with a sink: it runs on the main thread for small files and on a worker thread for large ones
 * (check-worker.ts), and both paths must report the same problems and rows in the same order, so both call this.
 */
import { HOUSEHOLD_COLUMNS } from "@minhbach/core/households/columns.ts";
import { classifyHousehold } from "@minhbach/core/standards/classify.ts";
import { standardForYear, type HouseholdClass } from "@minhbach/core/standards/standards.ts";
import { ProblemCollector, type ImportProblem } from "../shared/problems.js";
import { readTableBatches } from "../shared/table.js";
import { HouseholdKeyer, type IdKeyer } from "./key-hasher.js";
import { parseHouseholdRow, type HouseholdRow, type RowContext } from "./parse-row.js";
import { SqliteVillageLookup } from "./sqlite-villages.js";
import type { VillageLookup, VillageSource } from "./villages.js";

export interface CheckInput {
  file: string;
  year: number;
  secret: string;
  villages: VillageSource;
  dropPersonalColumns: boolean;
}

export interface HeaderInfo {
  dropped: string[];
  /** Header as written in the file, by column key. */
  headers: Record<string, string>;
}

/** Receives the events of checkRows in file order; the import's decisions (duplicates, staging) are made there. */
export interface CheckSink {
  header(info: HeaderInfo): void;
  problem(p: ImportProblem): void;
  /**
   * One data row. `h` is undefined when the row had problems (reported before); `key` (the keyer's bytes at keyOffset: the 32-byte
   * household key unless checkRows was given another keyer; valid
   * only during the call) is undefined when the id is empty; `cls` is the computed class of a good row, or `clsError` why it could not be classified.
   */
  row(rowNumber: number, h: HouseholdRow | undefined, key: Buffer | undefined, keyOffset: number, cls: HouseholdClass | undefined, clsError: string | undefined): void;
  /** After each chunk of the file: a sink may wait here (back-pressure). */
  chunkEnd(): Promise<void> | undefined;
}

/** Forwards the reader's row problems (formula cells, stray values) to the sink, in order, instead of keeping them. */
class ForwardingCollector extends ProblemCollector {
  constructor(private readonly sink: CheckSink) {
    super();
  }

  override add(p: ImportProblem): void {
    this.sink.problem(p);
  }
}

/** `keyer` turns ids into the bytes the sink gets as `key`: by default the household key (HMAC); the check worker
 *  passes NormalisedIdBytes and the main thread hashes them (row-codec.ts). */
export async function checkRows(input: CheckInput, sink: CheckSink, keyer: IdKeyer = new HouseholdKeyer(input.secret)): Promise<void> {
  const { file, year } = input;
  const standard = standardForYear(year);
  const villages = openVillages(input.villages, year);
  try {
    await checkFile(input, sink, keyer, { file, year, standard, villages, headers: {} });
  } finally {
    villages.close?.();
  }
}

function openVillages(source: VillageSource, year: number): VillageLookup {
  return source.kind === "sqlite" ? new SqliteVillageLookup(source.path, year) : source.villages;
}

async function checkFile(input: CheckInput, sink: CheckSink, keyer: IdKeyer, ctx: RowContext): Promise<void> {
  const { file } = input;
  const standard = ctx.standard;
  const report = (p: ImportProblem) => sink.problem(p);
  const table = readTableBatches(file, {
    columns: HOUSEHOLD_COLUMNS,
    dropPersonalColumns: input.dropPersonalColumns,
    problems: new ForwardingCollector(sink),
    onHeader: (h) => {
      ctx.headers = h.headers;
      sink.header({ dropped: h.dropped, headers: h.headers });
    },
  });
  for await (const batch of table) {
    for (const row of batch) {
      const h = parseHouseholdRow(row, ctx, report);
      const id = row.values.household_id!;
      if (id === "") {
        sink.row(row.rowNumber, h, undefined, 0, undefined, undefined);
        continue;
      }
      const key = keyer.key(id); // reused buffer: sinks copy or use it before returning
      let cls: HouseholdClass | undefined;
      let clsError: string | undefined;
      if (h) {
        // Classified for every good row; the import uses it only while the file has no problem (as before).
        try {
          cls = classifyHousehold(h, standard);
        } catch (e) {
          clsError = (e as Error).message;
        }
      }
      sink.row(row.rowNumber, h, key, 0, cls, clsError);
    }
    const wait = sink.chunkEnd();
    if (wait) await wait;
  }
}
