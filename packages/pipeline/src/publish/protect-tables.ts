/**
 * Protects every part (table × group of provinces) on the protect pool, a bounded number at a time. Why not table by
 * table: with one province there is one part per table, and the flows table alone takes as long as all twelve
 * indicator tables, so the pool stays busy only if parts of different tables run together. Each part is built into a
 * protection problem on the worker that protects it (copying built problems across threads cost more than building).
 * Parts finish in any order; `onPart` gets each part's index so the caller can keep its output in a fixed order.
 */
import type { CategoryTableInput } from "@minhbach/core/disclosure/index.ts";
import type { ProtectPool } from "@minhbach/core/disclosure/protect-pool.ts";
import type { TableProtection } from "@minhbach/core/disclosure/protect-table.ts";
import type { TableSpec } from "./category-tables.js";

export interface ProtectedPart {
  index: number;
  spec: TableSpec;
  protection: TableProtection;
}

export async function protectTables(
  specs: readonly TableSpec[],
  partsOf: (spec: TableSpec) => CategoryTableInput[],
  pool: ProtectPool,
  onPart: (part: ProtectedPart) => void,
  log: (line: string) => void,
): Promise<number> {
  // Two parts per worker in flight: one running, one queued, so a worker never waits for the main thread.
  const window = pool.workers * 2;
  const running = new Set<Promise<void>>();
  let index = 0;
  for (const spec of specs) {
    const started = Date.now();
    const parts = partsOf(spec);
    let left = parts.length;
    let cells = 0;
    for (const part of parts) {
      const partIndex = index++;
      const job: Promise<void> = pool.protectTable(part).then((protection) => {
        onPart({ index: partIndex, spec, protection });
        cells += protection.cells.length;
        if (--left === 0) log(`protected ${spec.table}: ${cells} publishable cells in ${parts.length} part(s) in ${Date.now() - started} ms`);
      });
      running.add(job);
      job.catch(() => {}).finally(() => running.delete(job)); // the error itself surfaces through race/all below
      if (running.size >= window) await Promise.race(running);
    }
  }
  await Promise.all(running);
  return index;
}
