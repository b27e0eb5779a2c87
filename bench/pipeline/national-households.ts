/**
 * Deterministic synthetic household review files for the whole country, streamed to one CSV per province-year
 * (`households-<province>-<year>.csv`, the import format of docs/import-format.md). Why per commune: a commune's
 * panel (≈ 2,600 households) is simulated through all five reviews and written to the five year files at once, so
 * memory holds one commune, never a province or the country.
 *
 * Reuses the demo's pieces (seeded Rng, income/deprivation/review-category rules of Decree 07/2021); the panel is a
 * lighter version of the demo's (leavers, splits, moves within the commune, newcomers) without calibration.
 */
import fs from "node:fs";
import path from "node:path";
import { HOUSEHOLD_COLUMNS, REVIEW_CATEGORIES } from "../../packages/core/src/households/columns.ts";
import { INDICATORS } from "../../packages/core/src/standards/indicators.ts";
import { standardForYear } from "../../packages/core/src/standards/standards.ts";
import { Rng } from "../../packages/pipeline/src/demo/random.ts";
import { incomeFor, reviewCategory } from "../../packages/pipeline/src/demo/households/rows.ts";
import type { PovertyClass } from "../../packages/pipeline/src/demo/households/panel.ts";
import type { NationalCommune, NationalProvince } from "./national-units.ts";

export const YEARS = [2021, 2022, 2023, 2024, 2025] as const;
export const DEFAULT_SEED = 20250301;

const SIZE_WEIGHTS = [0.1, 0.17, 0.22, 0.24, 0.14, 0.07, 0.035, 0.015, 0.01]; // sizes 1..9
const LACK_WEIGHTS = [0.5, 0.6, 0.5, 0.25, 0.8, 0.3, 0.9, 0.6, 0.8, 1.0, 0.3, 0.7];
const POOR_K = [0.38, 0.28, 0.17, 0.1, 0.05, 0.02]; // 3..8 indicators lacking
const NEAR_K = [0.3, 0.4, 0.3]; // 0..2
const NOT_K = [0.45, 0.3, 0.15, 0.07, 0.03]; // 0..4
const CATEGORY_VI = new Map<string, string>(REVIEW_CATEGORIES.map((c) => [c.code, c.vi]));

/** Households per village at the 2021 review (before the yearly drift): ~289 on average, ~26 million nationally. */
export function villageSize2021(rng: Rng, c: NationalCommune): number {
  const base = c.urban ? 395 : 198 + 121 * (1 - c.remoteness);
  return Math.max(20, Math.round(base * rng.uniform(0.55, 1.45)));
}

interface Hh {
  id: string;
  village: number; // index in commune.villages
  size: number;
  ethnic: boolean;
  persistent: number;
  shock: number;
  order: number; // index into ORDERS
  history: PovertyClass[];
}

/** 1,024 precomputed "which indicators a household lacks first" orders (weighted shuffles), shared by all. */
const ORDERS: number[][] = (() => {
  const rng = new Rng(1, "orders");
  return Array.from({ length: 1024 }, () =>
    LACK_WEIGHTS.map((w, bit) => [Math.pow(rng.next(), 1 / w), bit] as const).sort((a, b) => b[0] - a[0]).map(([, bit]) => bit),
  );
})();

/** Thresholds on the welfare score; poverty falls year by year (≈ 5 % poor in 2021 nationally). */
function thresholds(year: number): { poor: number; near: number } {
  const poor = -2.45 - 0.1 * (year - 2021);
  return { poor, near: poor + 0.38 };
}

/** Buffered synchronous writer: bounded memory, no stream back-pressure to manage. */
class FileWriter {
  private parts: string[] = [];
  private size = 0;
  private readonly fd: number;
  bytes = 0;
  rows = 0;
  constructor(readonly file: string) {
    this.fd = fs.openSync(file, "w");
  }
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (!this.parts.length) return;
    const buf = Buffer.from(this.parts.join(""), "utf8");
    fs.writeSync(this.fd, buf);
    this.bytes += buf.length;
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

const HEADER = HOUSEHOLD_COLUMNS.map((c) => c.headerVi).join(",") + "\n";

/** The indicator cells of a row for a year's standard (blank outside it), memoised per (mask, bits). */
function indicatorCells(mask: number): (bits: number) => string {
  const memo = new Map<number, string>();
  return (bits) => {
    let s = memo.get(bits);
    if (s === undefined) {
      s = INDICATORS.map((i) => (mask & (1 << i.bit) ? String((bits >> i.bit) & 1) : "")).join(",");
      memo.set(bits, s);
    }
    return s;
  };
}

export interface ProvinceFiles {
  province: string;
  files: { year: number; file: string; rows: number; bytes: number }[];
}

export function householdFile(dir: string, province: string, year: number): string {
  return path.join(dir, `households-${province}-${year}.csv`);
}

/** Writes the five review files of one province; returns rows and bytes per file. */
export function generateProvince(p: NationalProvince, outDir: string, seed = DEFAULT_SEED): ProvinceFiles {
  fs.mkdirSync(outDir, { recursive: true });
  const writers = YEARS.map((y) => new FileWriter(householdFile(outDir, p.code, y)));
  for (const w of writers) w.write(HEADER);
  const cells = YEARS.map((y) => indicatorCells(standardForYear(y).indicatorMask));
  const lines = YEARS.map((y) => standardForYear(y).incomeLine);
  for (const c of p.communes) {
    const rng = new Rng(seed, `hh:${c.code}`);
    const seq = c.villages.map(() => 0);
    const newHh = (village: number, parent?: Hh): Hh => ({
      id: `HH-${c.villages[village]}-${String(++seq[village]!).padStart(4, "0")}`,
      village,
      size: parent ? Math.min(parent.size - 1, rng.int(1, 3)) : Math.min(9, rng.weighted(SIZE_WEIGHTS) + 1 + (rng.chance(c.remoteness * 0.3) ? 1 : 0)),
      ethnic: parent ? parent.ethnic : rng.chance(c.urban ? 0.03 : 0.02 + 0.75 * c.remoteness * c.remoteness),
      persistent: parent ? parent.persistent + 0.4 * rng.normal() : rng.normal(),
      shock: 0.4 * rng.normal(),
      order: rng.int(0, ORDERS.length - 1),
      history: [],
    });
    let hhs: Hh[] = [];
    c.villages.forEach((_, v) => {
      const n = villageSize2021(rng, c);
      for (let k = 0; k < n; k++) hhs.push(newHh(v));
    });
    YEARS.forEach((year, yi) => {
      if (yi > 0) {
        const next: Hh[] = [];
        const born: Hh[] = [];
        for (const h of hhs) {
          if (rng.chance(0.008)) continue; // left
          h.shock = 0.6 * h.shock + 0.32 * rng.normal();
          if (rng.chance(0.08)) h.size = Math.min(9, h.size + 1);
          else if (rng.chance(0.06)) h.size = Math.max(1, h.size - 1);
          if (c.villages.length > 1 && rng.chance(0.012)) h.village = (h.village + rng.int(1, c.villages.length - 1)) % c.villages.length;
          if (h.size >= 3 && rng.chance(0.012)) {
            const child = newHh(h.village, h);
            h.size -= child.size;
            born.push(child);
          }
          next.push(h);
        }
        const newcomers = Math.round(c.villages.length * 0.8 * rng.uniform(0, 2));
        for (let k = 0; k < newcomers; k++) born.push(newHh(rng.int(0, c.villages.length - 1)));
        hhs = next.concat(born);
      }
      const t = thresholds(year);
      const line = c.urban ? lines[yi]!.urban : lines[yi]!.rural;
      const area = c.urban ? "thành thị" : "nông thôn";
      const w = writers[yi]!;
      const cellsOf = cells[yi]!;
      for (const h of hhs) {
        const score = h.persistent + h.shock - 1.6 * c.remoteness - (h.ethnic ? 0.35 : 0) - 0.06 * (h.size - 4);
        const cls: PovertyClass = score < t.poor ? "POOR" : score < t.near ? "NEAR_POOR" : "NOT_POOR";
        const k = cls === "POOR" ? 3 + rng.weighted(POOR_K) : cls === "NEAR_POOR" ? rng.weighted(NEAR_K) : rng.weighted(NOT_K);
        const order = ORDERS[h.order]!;
        let bits = 0;
        for (let i = 0; i < k; i++) bits |= 1 << order[i]!;
        const income = incomeFor(rng, cls, line, year, score - t.near);
        const category = reviewCategory(h.history, cls, year === YEARS[0]);
        h.history.push(cls);
        w.write(`${h.id},${c.villages[h.village]},${area},${h.size},${income},,${CATEGORY_VI.get(category)},${h.ethnic ? 1 : 0},${cellsOf(bits)}\n`);
        w.rows++;
      }
    });
  }
  for (const w of writers) w.close();
  return { province: p.code, files: writers.map((w, i) => ({ year: YEARS[i]!, file: w.file, rows: w.rows, bytes: w.bytes })) };
}
