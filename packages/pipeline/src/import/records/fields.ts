/**
 * Typed reading of one row's cells, recording a problem (file, row, column, reason) for every bad cell instead of
 * stopping at the first. Why: an officer fixing a file wants every mistake listed in one go.
 */
import type { ColumnSpec } from "@minhbach/core/households/columns.ts";
import { parseFlag, type ImportProblem } from "../shared/index.js";

/** Sanity caps. Why: a misplaced column (an id in the amount column) must fail loudly, not publish 10^18 đồng. */
export const MAX_VND = 10n ** 15n; // 1 million billion đồng: far above any commune, district or provincial figure
export const MAX_COUNT = 10_000_000;
export const YEAR_RANGE = { min: 2000, max: 2050 } as const;

export class RowFields {
  constructor(
    private readonly file: string,
    readonly rowNumber: number,
    private readonly values: Record<string, string>,
    private readonly columns: ReadonlyMap<string, ColumnSpec>,
    private readonly report: (p: ImportProblem) => void,
    private readonly reportWarning: (p: ImportProblem) => void = () => {},
    /** XLSX: the shared reader ignores styles, so date cells arrive as Excel day serials ("45337"). */
    private readonly excelSerialDates = false,
  ) {}

  private bad = 0;

  /** True when no cell of this row has been reported so far. */
  get ok(): boolean {
    return this.bad === 0;
  }

  problem(key: string, reason: string): undefined {
    this.bad++;
    this.report({ file: this.file, row: this.rowNumber, column: this.columns.get(key)?.headerVi ?? key, reason });
    return undefined;
  }

  /** Something worth checking that does not stop the import (e.g. more disbursed than budgeted). */
  warn(key: string, reason: string): void {
    this.reportWarning({ file: this.file, row: this.rowNumber, column: this.columns.get(key)?.headerVi ?? key, reason });
  }

  private raw(key: string): string {
    return (this.values[key] ?? "").trim();
  }

  /** Free text; blank gives undefined (a problem if required). Formula-like cells never get here: readTable refuses them. */
  text(key: string, opts: { required?: boolean; max?: number } = {}): string | undefined {
    const v = this.raw(key).normalize("NFC");
    if (v === "") return opts.required ? this.problem(key, "required value is empty") : undefined;
    if (v.length > (opts.max ?? 500)) return this.problem(key, `longer than ${opts.max ?? 500} characters`);
    return v;
  }

  /** A code: letters, digits, '.', '-', '_' only (unit codes such as 01990-03 or 01969.2025, project codes). */
  code(key: string, opts: { required?: boolean } = {}): string | undefined {
    const v = this.raw(key);
    if (v === "") return opts.required ? this.problem(key, "required value is empty") : undefined;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(v)) return this.problem(key, `"${v.slice(0, 40)}" is not a valid code (letters, digits, . - _)`);
    return v;
  }

  /** `;`-separated codes; duplicates within the cell are reported. */
  codes(key: string): string[] | undefined {
    const v = this.raw(key);
    if (v === "") return [];
    const parts = v.split(";").map((s) => s.trim()).filter((s) => s !== "");
    const bad = parts.filter((p) => !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(p));
    if (bad.length > 0) return this.problem(key, `not valid codes: ${bad.slice(0, 5).join(", ")}`);
    const dup = parts.filter((p, i) => parts.indexOf(p) !== i);
    if (dup.length > 0) return this.problem(key, `listed twice: ${[...new Set(dup)].join(", ")}`);
    return parts;
  }

  /** Integer within [min, max]; accepts 1234, 1.234 or 1,234 (thousands grouping), never decimals. */
  int(key: string, opts: { min?: number; max?: number } = {}): number | undefined {
    const big = this.bigint(key, { min: BigInt(opts.min ?? 0), max: BigInt(opts.max ?? MAX_COUNT), unit: "" });
    return big === undefined ? undefined : Number(big);
  }

  /** Amount in đồng as BigInt (may exceed 2^31 and 2^53 is not reached by MAX_VND, but BigInt keeps it exact anyway). */
  vnd(key: string): bigint | undefined {
    return this.bigint(key, { min: 0n, max: MAX_VND, unit: " đồng" });
  }

  private bigint(key: string, opts: { min: bigint; max: bigint; unit: string }): bigint | undefined {
    const v = this.raw(key);
    if (v === "") return this.problem(key, "required number is empty");
    const digits = parseGroupedInteger(v);
    if (digits === undefined) {
      if (/^-\s*\d/.test(v)) return this.problem(key, `negative value ${v}; must be at least ${opts.min}${opts.unit}`);
      return this.problem(key, `"${v.slice(0, 40)}" is not a whole number (write 19600000000 or 19.600.000.000)`);
    }
    const n = BigInt(digits);
    if (n < opts.min) return this.problem(key, `${n} is below the minimum ${opts.min}${opts.unit}`);
    if (n > opts.max) return this.problem(key, `${n}${opts.unit} is implausibly large (over ${opts.max}); check the column`);
    return n;
  }

  year(key: string): number | undefined {
    return this.int(key, { min: YEAR_RANGE.min, max: YEAR_RANGE.max });
  }

  /** YYYY-MM-DD or DD/MM/YYYY, a real calendar date between YEAR_RANGE years; UTC midnight. */
  date(key: string, opts: { required?: boolean } = {}): Date | undefined {
    const v = this.raw(key);
    if (v === "") return opts.required ? this.problem(key, "required date is empty") : undefined;
    const d = parseDate(v) ?? (this.excelSerialDates ? excelSerialDate(v) : undefined);
    if (!d) return this.problem(key, `"${v.slice(0, 40)}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
    const y = d.getUTCFullYear();
    if (y < YEAR_RANGE.min || y > YEAR_RANGE.max) return this.problem(key, `year ${y} is outside ${YEAR_RANGE.min}–${YEAR_RANGE.max}`);
    return d;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], opts: { required?: boolean } = {}): T | undefined {
    const v = this.raw(key).toUpperCase();
    if (v === "") return opts.required ? this.problem(key, "required value is empty") : undefined;
    if (!(allowed as readonly string[]).includes(v)) return this.problem(key, `"${v.slice(0, 40)}" is not one of ${allowed.join(", ")}`);
    return v as T;
  }

  /** 1/0 (or có/không, yes/no). Unlike household flags, blank is not "no": the synthetic label must be explicit. */
  flag(key: string): boolean | undefined {
    const v = this.raw(key);
    if (v !== "" && parseFlag(v) !== undefined) return parseFlag(v);
    return this.problem(key, v === "" ? "must be 1 (synthetic) or 0 (from a cited source)" : `"${v.slice(0, 40)}" is not 1 or 0`);
  }
}

/** "19600000000", "19.600.000.000", "19,600,000,000", "19 600 000 000" → digits; anything else undefined. */
export function parseGroupedInteger(v: string): string | undefined {
  const s = v.replace(/\u00a0/g, " ");
  if (/^\d+$/.test(s)) return s.replace(/^0+(?=\d)/, "");
  const m = /^(\d{1,3})([., ])\d{3}(?:\2\d{3})*$/.exec(s);
  if (!m) return undefined;
  return s.split(m[2]!).join("").replace(/^0+(?=\d)/, "");
}

export function parseDate(v: string): Date | undefined {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00:00(?:\.000)?Z?)?$/.exec(v);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : undefined;
}

/** Excel day serial (days since 1899-12-30, the 1900 leap-year bug included) → UTC date; only 2000–2050 serials. */
export function excelSerialDate(v: string): Date | undefined {
  if (!/^\d{5}(\.\d+)?$/.test(v)) return undefined;
  const serial = Math.floor(Number(v));
  if (serial < 36526 || serial > 55153) return undefined; // 2000-01-01 … 2050-12-31
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
}
