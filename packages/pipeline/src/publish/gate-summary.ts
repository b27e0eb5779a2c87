/**
 * The gate's verdicts summed per table. Why: a table is protected in parts (one per province and group of years,
 * thousands nationally), and the release records one line per table: whether every part passed, and the work done.
 */
import type { GateReport } from "@minhbach/core/disclosure/index.ts";

export interface TableGateSummary {
  table: string;
  /** every part passed */
  ok: boolean;
  parts: number;
  cells: number;
  suppressed: number;
  components: number;
  lpSolves: number;
  mipSolves: number;
  /** gate time summed over the parts (CPU time across workers, not wall time) */
  millis: number;
}

export function summariseGates(gates: readonly { table: string; report: GateReport }[]): TableGateSummary[] {
  const byTable = new Map<string, TableGateSummary>();
  for (const { table, report } of gates) {
    let sum = byTable.get(table);
    if (!sum) byTable.set(table, (sum = { table, ok: true, parts: 0, cells: 0, suppressed: 0, components: 0, lpSolves: 0, mipSolves: 0, millis: 0 }));
    const { stats } = report;
    sum.ok &&= report.ok;
    sum.parts += 1;
    sum.cells += stats.cells;
    sum.suppressed += stats.suppressed;
    sum.components += stats.components;
    sum.lpSolves += stats.lpSolves;
    sum.mipSolves += stats.mipSolves;
    sum.millis += stats.millis;
  }
  return [...byTable.values()];
}
