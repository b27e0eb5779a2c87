/** The household review file of one year, in the import format (Vietnamese headers and words). */
import { HOUSEHOLD_COLUMNS, REVIEW_CATEGORIES } from "@minhbach/core/households/columns.ts";
import { INDICATORS, standardForYear } from "@minhbach/core/standards/index.ts";
import { toCsv, type Cell } from "../csv.js";
import type { ReviewYear } from "./generate.js";

const CATEGORY_VI = new Map<string, string>(REVIEW_CATEGORIES.map((c) => [c.code, c.vi]));

export function householdCsv(review: ReviewYear): string {
  const mask = standardForYear(review.year).indicatorMask;
  const rows = review.rows.map((r) => {
    const row: Record<string, Cell> = {
      household_id: r.householdId,
      village_code: r.villageCode,
      area: r.urban ? "thành thị" : "nông thôn",
      size: r.size,
      income_per_person_month: r.income,
      a_score: null,
      review_category: CATEGORY_VI.get(r.category)!,
      ethnic_minority: r.ethnicMinority ? 1 : 0,
    };
    // Indicators outside the year's standard stay blank, as a commune's form would leave them.
    for (const i of INDICATORS) row[`lacks_${i.code.toLowerCase()}`] = mask & (1 << i.bit) ? ((r.deprivations >> i.bit) & 1) : null;
    return row;
  });
  return toCsv(HOUSEHOLD_COLUMNS, rows);
}
