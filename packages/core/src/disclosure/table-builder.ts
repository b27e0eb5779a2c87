/**
 * Turns village-level category counts plus the published groupings (commune, district, province; old and new units
 * in reform years) into a generic ProtectionProblem. This is what the publish step calls: it fixes the cell ids,
 * applies the primary rule to every count and decides the interval each sensitive cell needs.
 */
import { assertValidK, isPrimarySensitive } from "./rules.ts";
import type { CellStatus, ProtectionCell, ProtectionProblem } from "./types.ts";

export interface CategoryTableInput {
  /** e.g. "poverty" or "lacking.HEALTH_INSURANCE"; must not contain "|". */
  table: string;
  /** e.g. ["poor", "nearPoor", "other"]; their sum is the unit's household total. */
  categories: string[];
  /** e.g. ["poor", "nearPoor"]; the others are hidden (never published) but sensitive by the same rule. */
  publishedCategories: string[];
  /** One per village-year, counts per category. */
  villages: Array<{ village: string; year: number; counts: number[] }>;
  /** Every published aggregate; villages are published units themselves and need no grouping. */
  groupings: Array<{ unit: string; year: number; villages: string[] }>;
  /** Hidden sensitive cells X(toYear) − X(fromYear): what a year-to-year comparison would reveal about movers. */
  differencing?: Array<{ unit: string; fromYear: number; toYear: number; category: string; movers?: number }>;
  /**
   * false: village-level counts are not published (only communes and above). Why: for rare events (households newly
   * poor this year) village cells are nearly all small, and publishing them would only add suppressions. The hidden
   * village counts are then not targets themselves; the published aggregates are protected as usual.
   */
  publishVillages?: boolean;
  /** Status of each cell id in the previous release. */
  history?: ReadonlyMap<string, CellStatus>;
  k: number;
}

export const TOTAL_CATEGORY = "total";

export function cellId(table: string, unit: string, year: number | string, category: string): string {
  return `${table}|${unit}|${year}|${category}`;
}

/** Id of the hidden difference cell, e.g. "poverty|01990|2022-2023|poor|change". */
export function differenceCellId(table: string, unit: string, fromYear: number, toYear: number, category: string): string {
  return `${table}|${unit}|${fromYear}-${toYear}|${category}|change`;
}

interface UnitYear {
  unit: string;
  year: number;
  villages: string[];
}

export function buildCategoryProblem(input: CategoryTableInput): ProtectionProblem {
  const { table, categories, k } = input;
  assertValidK(k);
  if (table.includes("|")) throw new Error(`table name must not contain "|": ${table}`);
  const published = new Set(input.publishedCategories);
  for (const category of published) if (!categories.includes(category)) throw new Error(`unknown published category ${category}`);

  const innerValues: number[] = [];
  const innerOf = new Map<string, number>(); // "village|year" → first inner index (one per category, consecutive)
  for (const { village, year, counts } of input.villages) {
    const key = `${village}|${year}`;
    if (innerOf.has(key)) throw new Error(`village ${village} appears twice in ${year}`);
    if (counts.length !== categories.length) throw new Error(`village ${village} ${year}: ${counts.length} counts for ${categories.length} categories`);
    innerOf.set(key, innerValues.length);
    for (const count of counts) {
      if (!Number.isSafeInteger(count) || count < 0) throw new Error(`village ${village} ${year}: count ${count} is not a non-negative integer`);
      innerValues.push(count);
    }
  }

  const units: UnitYear[] = [
    ...input.villages.map(({ village, year }) => ({ unit: village, year, villages: [village] })),
    ...input.groupings,
  ];
  const unitYears = new Map<string, { terms: Array<[number, number]>[]; households: number }>();
  const cells: ProtectionCell[] = [];
  const villageUnits = new Set(input.villages.map(({ village, year }) => `${village}|${year}`));
  for (const { unit, year, villages } of units) {
    const key = `${unit}|${year}`;
    const hiddenVillage = input.publishVillages === false && villageUnits.has(key) && villages.length === 1 && villages[0] === unit;
    if (unitYears.has(key)) throw new Error(`unit ${unit} appears twice in ${year}`);
    const termsByCategory = categories.map((_, c) =>
      villages.map((village): [number, number] => {
        const first = innerOf.get(`${village}|${year}`);
        if (first === undefined) throw new Error(`grouping ${unit} ${year} names unknown village ${village}`);
        return [first + c, 1];
      }),
    );
    const values = termsByCategory.map((terms) => terms.reduce((sum, [inner]) => sum + innerValues[inner]!, 0));
    const households = values.reduce((sum, value) => sum + value, 0);
    unitYears.set(key, { terms: termsByCategory, households });

    const history = (id: string) => input.history?.get(id);
    const totalId = cellId(table, unit, year, TOTAL_CATEGORY);
    // Household totals are public (they are the denominators of every rate) and never sensitive.
    cells.push({ id: totalId, terms: termsByCategory.flat(), value: households, publishable: true, sensitive: false, forced: history(totalId) ?? "PUBLISHED" });

    const smallUnit = households > 0 && households < k;
    categories.forEach((category, c) => {
      const id = cellId(table, unit, year, category);
      const value = values[c]!;
      // A hidden complement ("neither poor nor near-poor") is protected when it is a small group (1..k−1); its
      // "n − c < k" clause would only restate that the published categories are small, which they protect themselves
      // (and would make a village where nobody is poor, c = n, absurdly sensitive).
      const primary = published.has(category) ? isPrimarySensitive(value, households, k) : value >= 1 && value < k;
      const sensitive = !hiddenVillage && (smallUnit || primary);
      const forced = history(id);
      cells.push({
        id,
        terms: termsByCategory[c]!,
        value,
        publishable: published.has(category) && !hiddenVillage,
        sensitive,
        ...(sensitive ? { primaryReason: smallUnit ? ("SMALL_UNIT" as const) : ("PRIMARY" as const) } : {}),
        // A unit with n < k households cannot hide a count in a range wider than [0, n].
        requiredWidth: Math.min(k, households),
        householdsInUnit: households,
        ...(forced && published.has(category) ? { forced } : {}),
      });
    });
  }

  for (const { unit, fromYear, toYear, category, movers } of input.differencing ?? []) {
    const from = unitYears.get(`${unit}|${fromYear}`);
    const to = unitYears.get(`${unit}|${toYear}`);
    const c = categories.indexOf(category);
    if (!from || !to || c < 0) throw new Error(`differencing pair ${unit} ${fromYear}→${toYear} ${category} names an unknown cell`);
    const terms: Array<[number, number]> = [...to.terms[c]!, ...from.terms[c]!.map(([inner]): [number, number] => [inner, -1])];
    cells.push({
      id: differenceCellId(table, unit, fromYear, toYear, category),
      terms,
      value: terms.reduce((sum, [inner, coef]) => sum + coef * innerValues[inner]!, 0),
      publishable: false,
      sensitive: true,
      primaryReason: "DIFFERENCING",
      // The movers' contribution must stay as uncertain as a small count would: a group of m movers can change the
      // count by at most m, so the attacker must not narrow it below min(k, m) (or the units' size when m is unknown).
      requiredWidth: Math.min(k, movers ?? Math.max(from.households, to.households)),
    });
  }
  return { k, innerValues, cells };
}
