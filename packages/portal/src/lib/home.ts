/**
 * Home map defaults (pure): which levels have data, their years, the default level/year (communes, latest year with
 * data) and the map centre. Why pure: the same choice drives the static table and the first map draw.
 */
import type { IndexEntry, Level } from "../data/model.js";

const MAP_LEVELS: Level[] = ["DISTRICT", "COMMUNE", "VILLAGE"];

export function homeDefaults(units: IndexEntry[]) {
  const levels = MAP_LEVELS.map((level) => ({
    level,
    years: [...new Set(units.filter((u) => u.level === level).flatMap((u) => u.years))].sort((a, b) => a - b),
  })).filter((l) => l.years.length > 0);
  const chosen = levels.find((l) => l.level === "COMMUNE") ?? levels[0] ?? { level: "COMMUNE" as Level, years: [] };
  const year = chosen.years[chosen.years.length - 1] ?? 0;
  const rows = units.filter((u) => u.level === chosen.level && u.years.includes(year)).sort((a, b) => a.name.localeCompare(b.name, "vi"));
  const pts = units.filter((u) => u.centroid && u.level !== "VILLAGE").map((u) => u.centroid!);
  const center: [number, number] = pts.length
    ? [pts.reduce((s, p) => s + p.lat, 0) / pts.length, pts.reduce((s, p) => s + p.lng, 0) / pts.length]
    : [22.15, 105.85];
  return { levels, level: chosen.level, years: chosen.years, year, rows, center };
}
