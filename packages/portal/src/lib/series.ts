/**
 * Time-series chart geometry (pure): points per year, split into segments wherever a figure is missing or the poverty
 * standard changes, so a line never joins figures measured against different standards.
 */
import type { YearStat } from "../data/model.js";

export interface ChartBox { width: number; height: number; left: number; right: number; top: number; bottom: number }
export const DEFAULT_BOX: ChartBox = { width: 440, height: 220, left: 54, right: 22, top: 14, bottom: 28 }; // narrow: labels stay legible on a phone

export interface ChartSeries { key: "poorRate" | "nearPoorRate"; segments: { x: number; y: number; year: number; value: number }[][] }

export interface Chart {
  box: ChartBox;
  years: number[];
  yMax: number;
  ticks: number[];
  x: (year: number) => number;
  y: (value: number) => number;
  series: ChartSeries[];
  /** Years where a new standard starts (a dashed line is drawn before them). */
  breaks: number[];
}

export function niceMax(value: number): number {
  for (const m of [5, 10, 20, 30, 40, 50, 60, 80, 100]) if (value <= m) return m;
  return 100;
}

export function buildChart(stats: YearStat[], box: ChartBox = DEFAULT_BOX): Chart {
  const years = stats.map((s) => s.year);
  const values = stats.flatMap((s) => [s.poorRate.value, s.nearPoorRate.value]).filter((v): v is number => v !== null);
  const yMax = niceMax(Math.max(5, ...values));
  const span = Math.max(1, years.length - 1);
  const innerW = box.width - box.left - box.right;
  const innerH = box.height - box.top - box.bottom;
  const x = (year: number) => box.left + (years.length === 1 ? innerW / 2 : ((years.indexOf(year)) / span) * innerW);
  const y = (value: number) => box.top + innerH - (value / yMax) * innerH;
  const breaks = stats.filter((s, i) => i > 0 && s.standardId !== stats[i - 1]!.standardId).map((s) => s.year);
  const series = (["poorRate", "nearPoorRate"] as const).map((key) => {
    const segments: ChartSeries["segments"] = [];
    let current: ChartSeries["segments"][number] = [];
    stats.forEach((s, i) => {
      const v = s[key].value;
      const broken = i > 0 && s.standardId !== stats[i - 1]!.standardId;
      if (v === null || broken) {
        if (current.length) segments.push(current);
        current = [];
      }
      if (v !== null) current.push({ x: x(s.year), y: y(v), year: s.year, value: v });
    });
    if (current.length) segments.push(current);
    return { key, segments };
  });
  const ticks = [0, yMax / 4, yMax / 2, (3 * yMax) / 4, yMax];
  return { box, years, yMax, ticks, x, y, series, breaks };
}

/** Sparkline path (for the card widget): one "M…L…" path per unbroken run. */
export function sparkPaths(points: [number, number | null][], width = 120, height = 32): string[] {
  const vals = points.map(([, v]) => v).filter((v): v is number => v !== null);
  if (vals.length === 0) return [];
  const max = Math.max(...vals, 1);
  const step = points.length > 1 ? width / (points.length - 1) : 0;
  const paths: string[] = [];
  let d = "";
  points.forEach(([, v], i) => {
    if (v === null) { if (d) paths.push(d); d = ""; return; }
    const px = (i * step).toFixed(1);
    const py = (height - 2 - (v / max) * (height - 4)).toFixed(1);
    d += `${d ? "L" : "M"}${px} ${py}`;
  });
  if (d) paths.push(d);
  return paths;
}
