/**
 * What the release gate must keep uncertain, decided from the true values: every hidden figure the primary rule
 * protects, the hidden complement of a partition when it is a small group, and the year-to-year differences the
 * per-table protection already treats as sensitive. Why from the truth: the outsider does not know which cells are
 * sensitive (no per-cell reason is published), but the gate must prove each one is safe.
 */
import { isPrimarySensitive } from "../rules.ts";
import { FLOW_MEASURES } from "./relations.ts";
import type { ReleaseIndex } from "./release-index.ts";
import { cellKey, type GateTarget, type ReleaseGateInput } from "./types.ts";

/** Partitions of a unit's households whose last category is never published ("other"). */
const PARTITIONS: ReadonlyArray<{ table: string; measures: readonly string[] }> = [
  { table: "poverty", measures: ["poor", "nearPoor"] },
  { table: "flows", measures: FLOW_MEASURES },
];

export function tableOf(measure: string): string {
  if (measure === "poor" || measure === "nearPoor") return "poverty";
  if ((FLOW_MEASURES as readonly string[]).includes(measure)) return "flows";
  return measure === "projectParticipants" ? "projects" : measure;
}

function truthOf(index: ReleaseIndex, input: ReleaseGateInput, unit: string, year: number, measure: string): number {
  const cell = index.usable(unit, year, measure);
  if (cell?.status === "PUBLISHED") return cell.value!;
  const value = input.hiddenValues.get(cellKey(unit, year, measure));
  if (value === undefined) throw new Error(`release gate: no true value for hidden cell ${cellKey(unit, year, measure)}`);
  return value;
}

function unitYearTargets(index: ReleaseIndex, input: ReleaseGateInput, unit: string, year: number): GateTarget[] {
  const n = index.households(unit, year);
  if (n === undefined) return [];
  const width = Math.min(input.k, n);
  const targets: GateTarget[] = [];
  for (const cell of index.measures(unit, year)) {
    if (cell.status !== "SUPPRESSED" || cell.measure === "households") continue;
    const value = truthOf(index, input, unit, year, cell.measure);
    if (n < input.k || isPrimarySensitive(value, n, input.k)) {
      const key = cellKey(unit, year, cell.measure);
      targets.push({ id: key, unit, year, table: tableOf(cell.measure), terms: [[key, 1]], requiredWidth: width });
    }
  }
  for (const { table, measures } of PARTITIONS) {
    const cells = measures.map((m) => index.usable(unit, year, m));
    if (cells.some((c) => !c) || cells.every((c) => c!.status === "PUBLISHED")) continue;
    const rest = n - measures.reduce((sum, m) => sum + truthOf(index, input, unit, year, m), 0);
    if (rest < 1 || rest >= input.k) continue;
    targets.push({
      id: `${unit}|${year}|${table}:rest`, unit, year, table,
      terms: measures.map((m) => [cellKey(unit, year, m), 1]), requiredWidth: width,
    });
  }
  return targets;
}

function differencingTargets(index: ReleaseIndex, input: ReleaseGateInput): GateTarget[] {
  const targets: GateTarget[] = [];
  for (const d of input.differencing) {
    const [from, to] = [index.usable(d.unit, d.fromYear, d.measure), index.usable(d.unit, d.toYear, d.measure)];
    if (!from || !to || (from.status === "PUBLISHED" && to.status === "PUBLISHED")) continue;
    targets.push({
      id: `${d.unit}|${d.fromYear}-${d.toYear}|${d.measure}|change`, unit: d.unit, year: d.toYear, table: tableOf(d.measure),
      terms: [[cellKey(d.unit, d.toYear, d.measure), 1], [cellKey(d.unit, d.fromYear, d.measure), -1]],
      requiredWidth: Math.min(input.k, d.movers),
    });
  }
  return targets;
}

export function gateTargets(index: ReleaseIndex, input: ReleaseGateInput): GateTarget[] {
  const targets: GateTarget[] = [];
  for (const { unit, year } of index.unitYears()) targets.push(...unitYearTargets(index, input, unit, year));
  return [...targets, ...differencingTargets(index, input)];
}
