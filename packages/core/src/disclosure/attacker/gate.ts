/**
 * The release gate: the attacker's final verdict on a protected table. Nothing is released unless every attack comes
 * back empty; `protect` calls it last and the publish step may call it again on what it is about to write.
 */
import { isPrimarySensitive } from "../rules.ts";
import { decompose, isPublished, type Decomposition } from "./decompose.ts";
import { intervalAttack } from "./interval-attack.ts";
import { linearAttack } from "./linear-attack.ts";
import type { CellStatus, Finding, GateReport, ProtectionProblem } from "../types.ts";

/**
 * Published cells that the primary rule forbids: flagged sensitive by the caller, or (when the unit's household count
 * is known) re-derived here from the value, so a caller that forgot to mark a cell is caught too.
 */
export function smallPublishedCounts(problem: ProtectionProblem, status: ReadonlyMap<string, CellStatus>): Finding[] {
  const findings: Finding[] = [];
  for (const cell of problem.cells) {
    if (!isPublished(status, cell)) continue;
    const byRule = cell.householdsInUnit !== undefined && isPrimarySensitive(cell.value, cell.householdsInUnit, problem.k);
    if (cell.sensitive || byRule || !cell.publishable) {
      findings.push({
        cellId: cell.id,
        kind: "SMALL_COUNT",
        value: cell.value,
        detail: cell.publishable
          ? `${cell.id} is published with value ${cell.value}, which the primary rule forbids`
          : `${cell.id} is a hidden cell but is marked published`,
      });
    }
  }
  return findings;
}

/** `decomposition` may be passed when the caller already computed it for the same status. */
export async function runGate(
  problem: ProtectionProblem,
  status: ReadonlyMap<string, CellStatus>,
  decomposition: Decomposition = decompose(problem, status),
): Promise<GateReport> {
  const started = performance.now();
  const linearDisclosures = linearAttack(problem, status, decomposition);
  const interval = await intervalAttack(problem, status, decomposition);
  const smallCounts = smallPublishedCounts(problem, status);
  const suppressed = problem.cells.filter((cell) => cell.publishable && !isPublished(status, cell)).length;
  return {
    ok: linearDisclosures.length === 0 && interval.narrow.length === 0 && smallCounts.length === 0,
    linearDisclosures,
    narrowIntervals: interval.narrow,
    smallPublishedCounts: smallCounts,
    stats: {
      cells: problem.cells.length,
      suppressed,
      components: interval.components,
      lpSolves: interval.lpSolves,
      mipSolves: interval.mipSolves,
      millis: Math.round(performance.now() - started),
    },
  };
}
