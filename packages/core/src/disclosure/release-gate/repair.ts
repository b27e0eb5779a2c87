/**
 * The repair step of a refused release: which published figures to hide so that each failing target's range widens.
 * Why it works: hiding a published figure only turns a constant of the outsider's system into an unknown, so no
 * range can narrow, and a published figure is never primary-sensitive, so hiding it adds no target of its own (the
 * gate is run again on the repaired release all the same). Why these figures: a target is pinned by the rows that
 * name it; hiding the largest published figure of such a row loosens the bound it gives the most (a row's lower
 * bound falls by that value, an upper bound rises towards the unit's size).
 * Round r follows the rows r steps out from the target through hidden figures (a target pinned through a hidden
 * figure that is itself pinned needs the second step). Round 1 looks only at rows within a unit (and the year before
 * or after: flows against stocks), which costs no figure of another unit; later rounds also hide children in the
 * hierarchy sums (a sibling, or a child of the summed unit), never the parent's own total.
 */
import { attackRelease, type GateOptions, type GateState } from "./gate.ts";
import type { ReleaseIndex } from "./release-index.ts";
import { cellKey, parseCellKey, type RelationRow, type ReleaseCell, type ReleaseFinding, type ReleaseGateInput, type ReleaseGateReport } from "./types.ts";

export interface RepairChoice {
  /** cellKey of the published figure to hide */
  key: string;
  /** the failing target it is hidden for */
  target: string;
}

/** Published figures an outsider can hold from an earlier release: hiding them now would change nothing. */
function heldEarlier(input: ReleaseGateInput, key: string, value: number): boolean {
  return input.earlier.some((r) => r.published.get(key) === value);
}

/** The rows naming each key. */
function rowsByKey(rows: readonly RelationRow[]): Map<string, RelationRow[]> {
  const out = new Map<string, RelationRow[]>();
  for (const row of rows) for (const [key] of row.terms) (out.get(key) ?? out.set(key, []).get(key)!).push(row);
  return out;
}

/** The release's cell of a cellKey. */
function cellOf(index: ReleaseIndex, key: string): ReleaseCell | undefined {
  const { unit, year, measure } = parseCellKey(key);
  return index.usable(unit, year, measure);
}

/** The largest published, hideable figure of a row other than the target's own terms, if any. */
function bestInRow(row: RelationRow, own: ReadonlySet<string>, index: ReleaseIndex, input: ReleaseGateInput, round: number): string | undefined {
  if (row.relation === "hierarchy" && round < 2) return undefined;
  let best: { key: string; value: number } | undefined;
  // A hierarchy row is parent − Σ children: its first term is the parent, whose total stays published.
  const terms = row.relation === "hierarchy" ? row.terms.slice(1) : row.terms;
  for (const [key] of terms) {
    if (own.has(key)) continue;
    const cell = cellOf(index, key);
    if (cell?.status !== "PUBLISHED" || cell.measure === "households" || cell.value === null) continue;
    if (heldEarlier(input, key, cell.value)) continue;
    if (!best || cell.value > best.value) best = { key, value: cell.value };
  }
  return best?.key;
}

/**
 * The published figures to hide for the findings of one attack (read from its state): per failing target, the best one
 * of every row within `round` steps of the target's figures. Empty when nothing hideable is left: the release must be
 * refused.
 */
function chooseRepairs(input: ReleaseGateInput, findings: readonly ReleaseFinding[], round: number, { index, rows: allRows, targets: allTargets }: GateState): RepairChoice[] {
  const failing = new Set(findings.map((f) => f.target));
  const targets = allTargets.filter((t) => failing.has(t.id));
  const rows = rowsByKey(allRows);
  const chosen = new Map<string, RepairChoice>();
  for (const t of targets) {
    const seen = new Set(t.terms.map(([key]) => key));
    let frontier = [...seen];
    for (let step = 1; step <= round && frontier.length; step++) {
      const next: string[] = [];
      for (const row of new Set(frontier.flatMap((key) => rows.get(key) ?? []))) {
        const hide = bestInRow(row, seen, index, input, round);
        if (hide && !chosen.has(hide)) chosen.set(hide, { key: hide, target: t.id });
        for (const [key] of row.terms) if (!seen.has(key) && cellOf(index, key)?.status === "SUPPRESSED") (seen.add(key), next.push(key));
      }
      frontier = next;
    }
  }
  return [...chosen.values()];
}

/**
 * One attack and the repairs its findings call for. Why a function of its own: the attack's state (index, rows and
 * targets of ~2.4 M cells nationally, ~1 GB) must be unreachable before the next attack starts; held in the repair
 * loop's async frame it lived on into the next attack and a national publish ran out of heap (4.3 GB).
 */
async function attackAndChoose(input: ReleaseGateInput, round: number, maxRounds: number, opts: GateOptions): Promise<{ report: ReleaseGateReport; choices: RepairChoice[] }> {
  const { report, state } = await attackRelease(input, opts);
  return { report, choices: report.ok || round > maxRounds ? [] : chooseRepairs(input, report.findings, round, state) };
}

export interface RepairedGate {
  report: ReleaseGateReport;
  /** the published figures hidden, in order; already hidden in `input.cells` and in `input.hiddenValues` */
  repaired: RepairChoice[];
  rounds: number;
}

/**
 * Runs the gate; while it finds narrow targets, hides the chosen figures in the input (their true values move to
 * hiddenValues), lets the caller `learn` what earlier releases published of them, and runs it again. Returns the
 * last report: not ok when `maxRounds` of repair, or the figures left to hide, ran out.
 */
export async function runReleaseGateWithRepair(
  input: ReleaseGateInput & { cells: ReleaseCell[]; hiddenValues: Map<string, number> },
  { maxRounds, learn, onRound }: {
    maxRounds: number;
    learn?: (choices: readonly RepairChoice[]) => Promise<void>;
    /** after each attack: its round, how many targets failed, and how many figures this round hides (progress) */
    onRound?: (round: number, failing: number, hiding: number) => void;
  },
): Promise<RepairedGate> {
  const repaired: RepairChoice[] = [];
  let changed: Set<string> | undefined;
  let recheck: Set<string> | undefined;
  for (let round = 1; ; round++) {
    // After a repair only what it touched is attacked again (gate.ts, GateOptions): the rest is as last attacked.
    const { report, choices } = await attackAndChoose(input, round, maxRounds, { ...(changed ? { changed } : {}), ...(recheck ? { recheck } : {}) });
    onRound?.(round, report.findings.length, choices.length);
    if (!choices.length) return { report, repaired, rounds: round };
    changed = new Set(choices.map((c) => c.key));
    recheck = new Set(report.findings.map((f) => f.target));
    input.cells.forEach((c, i) => {
      const key = cellKey(c.unit, c.year, c.measure);
      if (!changed!.has(key)) return;
      input.hiddenValues.set(key, c.value!);
      input.cells[i] = { ...c, status: "SUPPRESSED", value: null };
    });
    await learn?.(choices);
    repaired.push(...choices);
  }
}
