/**
 * Parsers for the cell values officers type: yes/no flags and whole numbers with Vietnamese or English thousands
 * separators. Why shared: "1.500.000", "1,500,000" and "x" must mean the same thing in every import file.
 */
import { foldVietnamese } from "@minhbach/core/units/fold.ts";

const TRUE_WORDS = new Set(["1", "x", "co", "c", "yes", "y", "true", "dung"]);
const FALSE_WORDS = new Set(["0", "", "khong", "k", "no", "n", "false", "sai"]);

/** 1/x/có/yes → true; 0/blank/không/no → false; anything else → undefined (a problem for the caller). */
export function parseFlag(text: string): boolean | undefined {
  if (text === "" || text === "0") return false;
  if (text === "1" || text === "x" || text === "X") return true;
  if (flagMemo.has(text)) return flagMemo.get(text);
  const folded = foldVietnamese(text);
  const value = TRUE_WORDS.has(folded) ? true : FALSE_WORDS.has(folded) ? false : undefined;
  if (flagMemo.size < 1000) flagMemo.set(text, value);
  return value;
}

/** Files repeat the same words ("có", "không") on every row; folding each time was measurable. */
const flagMemo = new Map<string, boolean | undefined>();

const DIGITS = /^\d+$/;
const GROUPED = /^\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*$/;
const DECIMAL = /^\d+[.,]\d+$/;

/**
 * A non-negative whole number. Grouped digits ("1.500.000", "1,500,000", "1 500 000") are thousands; otherwise one
 * "." or "," is a decimal point and the value is rounded (spreadsheets store averages with decimals).
 */
export function parseWholeNumber(text: string): number | undefined {
  if (DIGITS.test(text)) return Number(text);
  if (GROUPED.test(text)) return Number(text.replace(/[.,\s]/g, ""));
  if (DECIMAL.test(text)) return Math.round(Number(text.replace(",", ".")));
  return undefined;
}
