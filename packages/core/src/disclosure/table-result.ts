/** Maps a protection result back to the (unit, year, category) cells of a category table, for the publish step. */
import { cellId, TOTAL_CATEGORY, type CategoryTableInput } from "./table-builder.ts";
import type { CellStatus, ProtectionResult, SuppressionReason } from "./types.ts";

export interface CategoryCellOutcome {
  unit: string;
  year: number;
  /** A published category or "total". */
  category: string;
  value: number | null;
  status: CellStatus;
  reason?: SuppressionReason;
}

export function categoryTableOutcomes(input: CategoryTableInput, result: ProtectionResult): CategoryCellOutcome[] {
  const counts = new Map<string, number[]>();
  for (const { village, year, counts: values } of input.villages) counts.set(`${village}|${year}`, values);
  const units = [
    ...input.villages.map(({ village, year }) => ({ unit: village, year, villages: [village] })),
    ...input.groupings,
  ];
  const outcomes: CategoryCellOutcome[] = [];
  for (const { unit, year, villages } of units) {
    const sumOf = (c: number) => villages.reduce((sum, village) => sum + counts.get(`${village}|${year}`)![c]!, 0);
    const categoryValues = input.categories.map((_, c) => sumOf(c));
    const columns: Array<[string, number]> = [
      ...input.publishedCategories.map((category): [string, number] => [category, categoryValues[input.categories.indexOf(category)]!]),
      [TOTAL_CATEGORY, categoryValues.reduce((a, b) => a + b, 0)],
    ];
    for (const [category, value] of columns) {
      const id = cellId(input.table, unit, year, category);
      const status = result.status.get(id);
      if (!status) throw new Error(`no status for ${id}`);
      const reason = result.reason.get(id);
      outcomes.push({ unit, year, category, status, value: status === "PUBLISHED" ? value : null, ...(reason ? { reason } : {}) });
    }
  }
  return outcomes;
}
