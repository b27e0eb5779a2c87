/**
 * Project participation as a protection problem. Why its own table: projects overlap (one household in two projects),
 * so per-project totals and "households in any project" per unit could single out the few households in both.
 * Inner cells are (village, participation pattern) counts; patterns with several projects are hidden sensitive cells.
 */
import { isPrimarySensitive, type ProtectionCell, type ProtectionProblem } from "@minhbach/core/disclosure/index.ts";
import type { PrivateSnapshot } from "./load-private.js";

export interface ProjectTable {
  problem: ProtectionProblem;
  /** cell id of each project's household count */
  projectCell: Map<string, string>;
  /** cell ids of per-unit participant counts: id → { unit, year } */
  unitCells: Map<string, { unit: string; year: number }>;
  /** unit-years with participants that are not complete (coverage.ts): no cell, published as NOT_AVAILABLE */
  unavailable: { unit: string; year: number }[];
}

export function buildProjectTable(
  snap: PrivateSnapshot,
  k: number,
  householdsOf: (unit: string, year: number) => number | undefined,
  history: Map<string, "PUBLISHED" | "SUPPRESSED">,
  /** the village and every unit it counts towards in a review year (publish.ts caches it) */
  groupsOf: (village: string, year: number) => readonly string[],
  /** unit-years published as a whole; the others are left out of the problem (nothing of theirs is published) */
  complete: (unit: string, year: number) => boolean = () => true,
): ProjectTable {
  const startYear = new Map(snap.projects.filter((p) => p.startDate).map((p) => [p.code, p.startDate!.getUTCFullYear()]));
  // pattern per (household, year): the set of projects starting that year the household takes part in
  const patterns = new Map<string, { village: string; year: number; projects: Set<string> }>();
  for (const part of snap.participants) {
    const year = startYear.get(part.projectCode);
    if (year === undefined) continue;
    const key = `${part.householdKey}|${year}`;
    let p = patterns.get(key);
    if (!p) patterns.set(key, (p = { village: part.villageCode, year, projects: new Set() }));
    p.projects.add(part.projectCode);
  }
  // inner cells: (village, year, pattern) → count
  const innerIndex = new Map<string, number>();
  const innerValues: number[] = [];
  const innerInfo: { village: string; year: number; projects: string[] }[] = [];
  for (const p of patterns.values()) {
    const projects = [...p.projects].sort();
    const key = `${p.village}|${p.year}|${projects.join("+")}`;
    let i = innerIndex.get(key);
    if (i === undefined) {
      innerIndex.set(key, (i = innerValues.length));
      innerValues.push(0);
      innerInfo.push({ village: p.village, year: p.year, projects });
    }
    innerValues[i]!++;
  }
  const cells: ProtectionCell[] = [];
  const forced = (id: string) => history.get(id);
  const cell = (id: string, inner: number[], n: number | undefined, publishable: boolean, weight: number): ProtectionCell => {
    const value = inner.reduce((s, i) => s + innerValues[i]!, 0);
    const total = Math.max(n ?? value, value);
    const sensitive = isPrimarySensitive(value, total, k);
    return {
      id, terms: inner.map((i) => [i, 1] as const), value, publishable, sensitive,
      primaryReason: sensitive ? "PRIMARY" : undefined, requiredWidth: Math.min(k, total), weight, forced: forced(id),
    };
  };
  const projectCell = new Map<string, string>();
  for (const project of snap.projects) {
    const year = startYear.get(project.code);
    if (year === undefined) continue;
    const inner = innerInfo.flatMap((info, i) => (info.projects.includes(project.code) ? [i] : []));
    const n = project.villages.reduce((s, v) => s + (householdsOf(v.villageCode, year) ?? 0), 0);
    const id = `projects|${project.code}|${year}|households`;
    projectCell.set(project.code, id);
    cells.push(cell(id, inner, n, true, 1_000));
  }
  const unitCells = new Map<string, { unit: string; year: number }>();
  const unavailable: ProjectTable["unavailable"] = [];
  const byUnitYear = new Map<string, number[]>();
  innerInfo.forEach((info, i) => {
    for (const u of groupsOf(info.village, info.year)) {
      const key = `${u}|${info.year}`;
      (byUnitYear.get(key) ?? byUnitYear.set(key, []).get(key)!).push(i);
    }
    if (info.projects.length > 1) {
      // households in several projects: never published, and must not be derivable
      cells.push(cell(`projects|${info.village}|${info.year}|overlap:${info.projects.join("+")}`, [i], householdsOf(info.village, info.year), false, 0));
    }
  });
  for (const [key, inner] of byUnitYear) {
    const [unit, yearText] = key.split("|") as [string, string];
    const year = Number(yearText);
    if (!complete(unit, year)) {
      unavailable.push({ unit, year });
      continue;
    }
    const id = `projects|${unit}|${year}|participants`;
    unitCells.set(id, { unit, year });
    cells.push(cell(id, inner, householdsOf(unit, year), true, 10 * inner.length));
  }
  return { problem: { k, innerValues, cells }, projectCell, unitCells, unavailable };
}
