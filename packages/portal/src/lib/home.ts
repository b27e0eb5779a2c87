/**
 * Home map defaults (pure): which levels have data, their years, the default level/year (communes, the latest year
 * with complete coverage: no unit of the level has a partial year then) and the map centre. Why pure: the same choice
 * drives the static table and the first map draw. Why not the latest year: a year few villages reported in yet would
 * colour the map as if it were complete.
 */
import type { IndexEntry, Level } from "../data/model.js";

const MAP_LEVELS: Level[] = ["DISTRICT", "COMMUNE", "VILLAGE"];

/** The latest of `years` in which no unit of `level` is partial (status C); the latest year when every year is. */
export function completeYear(units: IndexEntry[], level: Level, years: number[]): number {
  const partial = new Set(units.filter((u) => u.level === level).flatMap((u) => u.rates.filter((r) => r[2] === "C").map((r) => r[0])));
  return years.findLast((y) => !partial.has(y)) ?? years[years.length - 1] ?? 0;
}

export function homeDefaults(units: IndexEntry[]) {
  const levels = MAP_LEVELS.map((level) => ({
    level,
    years: [...new Set(units.filter((u) => u.level === level).flatMap((u) => u.years))].sort((a, b) => a - b),
  })).filter((l) => l.years.length > 0).map((l) => ({ ...l, year: completeYear(units, l.level, l.years) }));
  const chosen = levels.find((l) => l.level === "COMMUNE") ?? levels[0] ?? { level: "COMMUNE" as Level, years: [], year: 0 };
  const year = chosen.year;
  const rows = units.filter((u) => u.level === chosen.level && u.years.includes(year)).sort((a, b) => a.name.localeCompare(b.name, "vi"));
  const pts = units.filter((u) => u.centroid && u.level !== "VILLAGE").map((u) => u.centroid!);
  const center: [number, number] = pts.length
    ? [pts.reduce((s, p) => s + p.lat, 0) / pts.length, pts.reduce((s, p) => s + p.lng, 0) / pts.length]
    : [22.15, 105.85];
  return { levels, level: chosen.level, years: chosen.years, year, rows, center };
}
