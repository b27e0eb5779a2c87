/**
 * The suppressor's entry point: primary suppression (as marked by the caller), history, Gaussian-elimination
 * secondary suppression, then the interval-protection loop, and finally the attacker's gate, which has the last word.
 */
import { decompose, type Decomposition } from "./attacker/decompose.ts";
import { runGate, type EarlierVerdict } from "./attacker/gate.ts";
import { evaluateTerms } from "./exact.ts";
import { gaussSuppress } from "./gauss-suppression.ts";
import { chooseExtraSuppressions } from "./interval-repair.ts";
import { assertValidK } from "./rules.ts";
import type { CellStatus, GateReport, ProtectionProblem, ProtectionResult, SuppressionReason } from "./types.ts";

export class DisclosureGateError extends Error {
  constructor(readonly gate: GateReport, readonly historyConflicts: string[]) {
    const findings = [...gate.linearDisclosures, ...gate.narrowIntervals, ...gate.smallPublishedCounts];
    // Cell ids only: a finding's detail holds the value or range it found, which must not reach a terminal or log.
    super(`disclosure gate refused the release (${findings.length} findings): ${findings.slice(0, 5).map((f) => f.cellId).join("; ")}`);
    this.name = "DisclosureGateError";
  }
}

const NOTHING_TO_ATTACK: Decomposition = { known: new Map(), components: [], componentOf: new Map() };

function validate(problem: ProtectionProblem): void {
  assertValidK(problem.k);
  problem.innerValues.forEach((value, inner) => {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`inner cell ${inner} must be a non-negative integer, got ${value}`);
  });
  const seen = new Set<string>();
  for (const cell of problem.cells) {
    if (seen.has(cell.id)) throw new Error(`duplicate cell id ${cell.id}`);
    seen.add(cell.id);
    if (evaluateTerms(cell.terms, problem.innerValues) !== cell.value) throw new Error(`cell ${cell.id}: value does not match its terms`);
  }
}

export async function protect(problem: ProtectionProblem): Promise<ProtectionResult> {
  validate(problem);
  const historyConflicts = problem.cells.filter((cell) => cell.forced === "PUBLISHED" && cell.sensitive).map((cell) => cell.id);

  // Every round suppresses at least one more cell, so the loop ends after at most (publishable cells) rounds. Each
  // round is judged by the gate, so the verdict of the last round is the release's gate report. A later round gives
  // the gate the previous round's verdict: when the published cells only shrank, it attacks just what was found then.
  const extraSuppressed = new Set<string>();
  let status: Map<string, CellStatus>;
  let gate: GateReport;
  let earlier: EarlierVerdict | undefined;
  for (;;) {
    const gauss = gaussSuppress(problem, extraSuppressed);
    status = new Map(problem.cells.filter((cell) => cell.publishable).map((cell) => [cell.id, gauss.published.has(cell.id) ? "PUBLISHED" : "SUPPRESSED"]));
    // The attacks only look at sensitive cells left unpublished; without any, the substitution is not needed.
    const decomposition = problem.cells.some((cell) => cell.sensitive && status.get(cell.id) !== "PUBLISHED") ? decompose(problem, status) : NOTHING_TO_ATTACK;
    gate = await runGate(problem, status, decomposition, earlier);
    if (gate.ok) break;
    earlier = { status, report: gate };
    const exposed = new Set([...gate.linearDisclosures, ...gate.narrowIntervals].map((finding) => finding.cellId));
    const picks = chooseExtraSuppressions(problem, status, [...exposed], decomposition.known);
    const before = extraSuppressed.size;
    for (const id of picks) extraSuppressed.add(id);
    if (extraSuppressed.size === before) throw new DisclosureGateError(gate, historyConflicts); // nothing left to try
  }
  return { status, reason: reasonsFor(problem, status), historyConflicts, gate };
}

function reasonsFor(problem: ProtectionProblem, status: ReadonlyMap<string, CellStatus>): Map<string, SuppressionReason> {
  const reason = new Map<string, SuppressionReason>();
  for (const cell of problem.cells) {
    if (status.get(cell.id) !== "SUPPRESSED") continue;
    if (cell.sensitive) reason.set(cell.id, cell.primaryReason ?? "PRIMARY");
    else if (cell.forced === "SUPPRESSED") reason.set(cell.id, "HISTORY");
    else reason.set(cell.id, "SECONDARY");
  }
  return reason;
}

