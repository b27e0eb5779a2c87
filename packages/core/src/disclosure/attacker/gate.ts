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

/** A verdict on the same problem under an earlier status, which a later round may build on (see `cellsToAttack`). */
export interface EarlierVerdict {
  status: ReadonlyMap<string, CellStatus>;
  report: GateReport;
}

/**
 * The sensitive cells an attack must still look at, given a verdict under an earlier status; undefined = all.
 * Why this is sound: when every cell published now was published then, the attacker now holds a subset of the
 * equations he held then, so his feasible set can only have grown: a cell that was neither a linear combination of
 * the published cells nor in a narrow interval then is neither now. Only the cells found then, and sensitive cells
 * that were published then, need attacking again. Checked here, not trusted from the suppressor: if the published set
 * is not nested, every cell is attacked.
 */
export function cellsToAttack(problem: ProtectionProblem, status: ReadonlyMap<string, CellStatus>, earlier?: EarlierVerdict): Set<string> | undefined {
  if (!earlier) return undefined;
  for (const [id, now] of status) if (now === "PUBLISHED" && earlier.status.get(id) !== "PUBLISHED") return undefined;
  const cells = new Set([...earlier.report.linearDisclosures, ...earlier.report.narrowIntervals].map((finding) => finding.cellId));
  for (const cell of problem.cells) if (cell.sensitive && isPublished(earlier.status, cell)) cells.add(cell.id);
  return cells;
}

/**
 * `decomposition` may be passed when the caller already computed it for the same status. `earlier`: the verdict of
 * a previous round on the same problem (protect.ts), so that only what it did not already rule out is attacked again.
 */
export async function runGate(
  problem: ProtectionProblem,
  status: ReadonlyMap<string, CellStatus>,
  decomposition: Decomposition = decompose(problem, status),
  earlier?: EarlierVerdict,
): Promise<GateReport> {
  const started = performance.now();
  const only = cellsToAttack(problem, status, earlier);
  const linearDisclosures = linearAttack(problem, status, decomposition, only);
  const interval = await intervalAttack(problem, status, decomposition, { only });
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
      attacked: only ? only.size : "all",
      millis: Math.round(performance.now() - started),
    },
  };
}
