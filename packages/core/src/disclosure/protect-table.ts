/**
 * Builds and protects one category table in a single call, returning only what the publish step keeps: each
 * publishable cell's fate and the gate's report. Why: on the protect pool the table is built inside the worker, so
 * the main thread neither builds the problem (its terms are most of the work and memory) nor copies it across.
 */
import { protect } from "./protect.ts";
import { buildCategoryProblem, cellId, TOTAL_CATEGORY, type CategoryTableInput } from "./table-builder.ts";
import type { CellStatus, GateReport, SuppressionReason } from "./types.ts";

export interface PublishableCellFate {
  id: string;
  value: number;
  status: CellStatus;
  reason: SuppressionReason | null;
}

export interface TableProtection {
  /** Every publishable cell (totals included), in the order of the built problem. */
  cells: PublishableCellFate[];
  gate: GateReport;
  historyConflicts: string[];
}

export async function protectCategoryTable(input: CategoryTableInput): Promise<TableProtection> {
  const problem = buildCategoryProblem(input);
  const result = await protect(problem);
  const cells: PublishableCellFate[] = [];
  for (const cell of problem.cells) {
    if (!cell.publishable) continue;
    const status = result.status.get(cell.id) ?? "SUPPRESSED";
    cells.push({ id: cell.id, value: cell.value, status, reason: status === "PUBLISHED" ? null : result.reason.get(cell.id) ?? "SECONDARY" });
  }
  return { cells, gate: result.gate, historyConflicts: result.historyConflicts };
}

/**
 * The input with only the history of its own cells. Why: a part of a national table would otherwise carry the whole
 * previous release's statuses to its worker (copied once per part).
 */
export function withOwnHistory(input: CategoryTableInput): CategoryTableInput {
  const history = input.history;
  if (!history || history.size === 0) return input;
  const own = new Map<string, CellStatus>();
  const keep = (unit: string, year: number) => {
    for (const category of [TOTAL_CATEGORY, ...input.categories]) {
      const id = cellId(input.table, unit, year, category);
      const status = history.get(id);
      if (status) own.set(id, status);
    }
  };
  for (const { village, year } of input.villages) keep(village, year);
  for (const { unit, year } of input.groupings) keep(unit, year);
  return { ...input, history: own };
}
