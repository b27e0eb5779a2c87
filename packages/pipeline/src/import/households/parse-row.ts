/**
 * Checks one household row and turns it into the values we store. Why every check reports and continues: the officer
 * should fix the whole file in one go, so all problems of all rows are collected before anything is refused.
 */
import { HOUSEHOLD_COLUMNS, INDICATOR_COLUMNS, REVIEW_CATEGORIES, type ReviewCategory } from "@minhbach/core/households/columns.ts";
import { INDICATORS } from "@minhbach/core/standards/indicators.ts";
import type { PovertyStandard } from "@minhbach/core/standards/standards.ts";
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import type { ImportProblem } from "../shared/problems.js";
import type { TableRow } from "../shared/table.js";
import { parseFlag, parseWholeNumber } from "../shared/values.js";
import { NOT_AT_REVIEW, type VillageLookup } from "./villages.js";

export const LIMITS = { size: [1, 50], income: [0, 1_000_000_000], aScore: [0, 1000], idLength: 64 } as const;

export interface HouseholdRow {
  rowNumber: number;
  id: string;
  villageCode: string;
  communeCode: string;
  urban: boolean;
  size: number;
  incomePerMonth: number | null;
  aScore: number | null;
  deprivations: number;
  reviewCategory: ReviewCategory;
  ethnicMinority: boolean;
}

const compact = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]/g, "");

/** Lookup of a small vocabulary by folded word; the folding is memoised because files repeat the same few words. */
function vocabulary<T>(words: Map<string, T>): (text: string) => T | undefined {
  const memo = new Map<string, T | undefined>();
  return (text) => {
    if (memo.has(text)) return memo.get(text);
    const value = words.get(compact(text));
    if (memo.size < 10_000) memo.set(text, value);
    return value;
  };
}

const CATEGORY_WORDS = new Map<string, ReviewCategory>();
for (const c of REVIEW_CATEGORIES) for (const w of [c.code, c.vi, c.en]) CATEGORY_WORDS.set(compact(w), c.code);

const categoryOf = vocabulary(CATEGORY_WORDS);
const isUrban = vocabulary(
  new Map<string, boolean>([
    ["nongthon", false], ["nt", false], ["rural", false],
    ["thanhthi", true], ["tt", true], ["urban", true],
  ]),
);

const HEADER = Object.fromEntries(HOUSEHOLD_COLUMNS.map((c) => [c.key, c.headerVi]));
/** Each indicator column's key, its position among HOUSEHOLD_COLUMNS (the row's `fields`, as checkRows reads them) and
 *  its deprivation bit. */
const INDICATOR_BITS = INDICATOR_COLUMNS.map((c, i) => ({ key: c.key, position: HOUSEHOLD_COLUMNS.indexOf(c), bit: INDICATORS[i]!.bit }));

export interface RowContext {
  file: string;
  year: number;
  standard: PovertyStandard;
  villages: VillageLookup;
  /** Header as written in the file, by key (problems name the column the officer sees). */
  headers: Record<string, string>;
}

/** Reports a problem on a column (named as the file writes it); returns false, for "ok = problem(…)". */
function problem(ctx: RowContext, row: TableRow, report: (p: ImportProblem) => void, key: string, reason: string): false {
  report({ file: ctx.file, row: row.rowNumber, column: ctx.headers[key] ?? HEADER[key], reason });
  return false;
}

/** Returns the parsed row, or undefined after reporting its problems. */
export function parseHouseholdRow(row: TableRow, ctx: RowContext, report: (p: ImportProblem) => void): HouseholdRow | undefined {
  const v = row.values;
  let ok = true;
  const id = v.household_id!;
  if (id === "") ok = problem(ctx, row, report, "household_id", "household id is required");
  else if (id.length > LIMITS.idLength) ok = problem(ctx, row, report, "household_id", `household id is longer than ${LIMITS.idLength} characters`);

  const villageCode = v.village_code!;
  const commune = ctx.villages.get(villageCode);
  let communeCode = "";
  if (villageCode === "") ok = problem(ctx, row, report, "village_code", "village code is required");
  else if (commune === undefined) ok = problem(ctx, row, report, "village_code", `unknown village code "${villageCode}" (not a VILLAGE in the unit list; import boundaries/units first)`);
  else if (commune === NOT_AT_REVIEW) ok = problem(ctx, row, report, "village_code", `village "${villageCode}" did not exist at the ${ctx.year} review (31/12/${ctx.year})`);
  else if (commune === "") ok = problem(ctx, row, report, "village_code", `village "${villageCode}" has no commune in ${ctx.year}`);
  else communeCode = commune;

  const urban = isUrban(v.area!);
  if (urban === undefined) ok = problem(ctx, row, report, "area", `area must be "nông thôn" or "thành thị", got "${v.area}"`);

  const size = /^\d+$/.test(v.size!) ? Number(v.size) : undefined;
  if (size === undefined || size < LIMITS.size[0] || size > LIMITS.size[1]) {
    ok = problem(ctx, row, report, "size", `household size must be a whole number from ${LIMITS.size[0]} to ${LIMITS.size[1]}, got "${v.size}"`);
  }

  let income: number | null = null;
  if (v.income_per_person_month !== "") {
    const n = parseWholeNumber(v.income_per_person_month!);
    if (n === undefined || n < LIMITS.income[0] || n > LIMITS.income[1]) {
      ok = problem(ctx, row, report, "income_per_person_month", `income must be a number of VND from 0 to 1,000,000,000, got "${v.income_per_person_month}"`);
    } else income = n;
  }

  let aScore: number | null = null;
  if (v.a_score !== "") {
    const n = /^\d+$/.test(v.a_score!) ? Number(v.a_score) : undefined;
    if (n === undefined || n < LIMITS.aScore[0] || n > LIMITS.aScore[1]) {
      ok = problem(ctx, row, report, "a_score", `A score must be a whole number from ${LIMITS.aScore[0]} to ${LIMITS.aScore[1]}, got "${v.a_score}"`);
    } else aScore = n;
  }
  if (income === null && v.income_per_person_month === "") {
    if (!ctx.standard.aScoreThreshold) {
      ok = problem(ctx, row, report, "income_per_person_month", `income is required: ${ctx.standard.id} cannot be applied from an A score alone (its A-score thresholds are not available)`);
    } else if (aScore === null && v.a_score === "") {
      ok = problem(ctx, row, report, "income_per_person_month", "give the income or the A score");
    }
  }

  const category = categoryOf(v.review_category!);
  if (category === undefined) {
    ok = problem(ctx, row, report, "review_category", `unknown review category "${v.review_category}"; use one of: ${REVIEW_CATEGORIES.map((c) => c.vi).join(", ")}`);
  }

  const ethnic = parseFlag(v.ethnic_minority!);
  if (ethnic === undefined) ok = problem(ctx, row, report, "ethnic_minority", `expected 1/0, x/blank or có/không, got "${v.ethnic_minority}"`);

  let deprivations = 0;
  for (const { key, position, bit } of INDICATOR_BITS) {
    const text = row.fields[position]!;
    if (text === "" || text === "0") continue;
    const flag = parseFlag(text);
    if (flag === undefined) ok = problem(ctx, row, report, key, `expected 1/0, x/blank or có/không, got "${text}"`);
    else if (flag) deprivations |= 1 << bit;
  }

  if (!ok) return undefined;
  return {
    rowNumber: row.rowNumber, id, villageCode, communeCode, urban: urban!, size: size!, incomePerMonth: income, aScore,
    deprivations, reviewCategory: category!, ethnicMinority: ethnic!,
  };
}
