/**
 * Runs the release gate (core/disclosure/release-gate) on a release as it is about to be written: its cells, each
 * review year's hierarchy as the public can rebuild it, the standards' rules, and every earlier release still served.
 * A refused release names units, years and tables and what the operator can do, never a protected value.
 */
import { standardForYear } from "@minhbach/core/standards/index.ts";
import { cellKey, parseCellKey, runReleaseGateWithRepair, type DifferencingPair, type RepairChoice, type RepairedGate, type HierarchyEdge, type ReleaseCell, type ReleaseFinding, type ReleaseGateReport } from "@minhbach/core/disclosure/release-gate/index.ts";
import type { PublicDb } from "@minhbach/db/public.ts";
import type { ReleaseContent } from "@minhbach/db/release-content.ts";
import type { UnitHierarchy } from "./unit-hierarchy.js";
import { reviewDate } from "./unit-hierarchy.js";

export interface ReleaseGateRun {
  k: number;
  content: ReleaseContent;
  /** true values of the hidden cells, by cellKey; a figure the repair hides is added */
  hiddenValues: Map<string, number>;
  differencing: readonly DifferencingPair[];
  hierarchy: UnitHierarchy;
  /** villages with records, per review year */
  villagesByYear: ReadonlyMap<number, readonly string[]>;
  publicDb: PublicDb;
  /** progress lines (one per attack) */
  log?: (line: string) => void;
}

export class ReleaseGateFailure extends Error {
  constructor(readonly report: ReleaseGateReport) {
    super(failureMessage(report.findings));
    this.name = "ReleaseGateFailure";
  }
}

/** Rounds of repair before a release is refused: each hides figures around the targets still failing, and the
 *  later ones reach further (repair.ts); a target that four rounds could not widen needs the operator. */
const MAX_REPAIR_ROUNDS = 4;

interface EarlierRelease { releaseId: string; published: Map<string, number> }

/**
 * Attacks the release; when a protected figure can be narrowed, hides the published figures that pin it (in
 * `run.content` and `run.hiddenValues`) and attacks again. Throws ReleaseGateFailure when repair runs out.
 */
export async function gateRelease(run: ReleaseGateRun): Promise<RepairedGate> {
  const years = [...run.villagesByYear.keys()];
  const input = {
    k: run.k,
    cells: run.content.cells.map((c): ReleaseCell => ({ unit: c.unitCode, year: c.year, measure: c.measure, status: c.status as ReleaseCell["status"], value: c.value })),
    edges: years.flatMap((year) => hierarchyEdges(run.hierarchy, year, run.villagesByYear.get(year)!)),
    standards: new Map(years.map((year) => [year, poorRule(year)])),
    hiddenValues: run.hiddenValues,
    earlier: await earlierReleases(run.publicDb, run.hiddenValues),
    differencing: run.differencing,
  };
  const gated = await runReleaseGateWithRepair(input, {
    maxRounds: MAX_REPAIR_ROUNDS, learn: (choices) => learnEarlier(run.publicDb, input.earlier, choices),
    onRound: (round, failing, hiding) => run.log?.(`release gate, attack ${round}: ${failing} protected figure(s) too narrow` +
      (hiding ? `; hiding ${hiding} more published figure(s) around them` : "")),
  });
  if (!gated.report.ok) throw new ReleaseGateFailure(gated.report);
  hideInContent(run.content, gated.repaired);
  return gated;
}

/** Hides the repaired figures in the release about to be written. */
function hideInContent(content: ReleaseContent, repaired: readonly RepairChoice[]): void {
  if (!repaired.length) return;
  const keys = new Set(repaired.map((c) => c.key));
  for (const c of content.cells) {
    if (!keys.has(cellKey(c.unitCode, c.year, c.measure))) continue;
    c.status = "SUPPRESSED";
    c.value = null;
  }
}

function poorRule(year: number): { indicators: readonly string[]; minDeprived: number } {
  const standard = standardForYear(year);
  // The fewest indicators any rule for "poor" asks for: what holds for every poor household.
  return { indicators: standard.indicators, minDeprived: Math.min(...standard.rules.filter((r) => r.class === "POOR").map((r) => r.minLacking)) };
}

/**
 * Child → parent links of a review year whose villages partition the parent's. Candidates come from each village's
 * chain of units at the review (and today's units rebuilt for earlier years); a parent is kept only when its
 * children's villages are exactly its own, so a sum row never leaves a child out.
 */
export function hierarchyEdges(hierarchy: UnitHierarchy, year: number, villages: readonly string[]): HierarchyEdge[] {
  const at = reviewDate(year);
  const now = hierarchy.currentDate();
  const villagesOf = new Map<string, Set<string>>(); // unit → its villages this year (a village: itself)
  const childOf = new Map<string, Map<string, string>>(); // parent → village → the child it counts through
  for (const village of villages) {
    villagesOf.set(village, new Set([village]));
    const chains = [[village, ...hierarchy.ancestorsAt(village, at)], now > at ? [village, ...hierarchy.ancestorsAt(village, now)] : []];
    for (const { unit, rebuilt } of hierarchy.groupsOfVillage(village, year)) {
      (villagesOf.get(unit) ?? villagesOf.set(unit, new Set()).get(unit)!).add(village);
      const chain = chains[rebuilt ? 1 : 0]!;
      const i = chain.indexOf(unit);
      if (i > 0) (childOf.get(unit) ?? childOf.set(unit, new Map()).get(unit)!).set(village, chain[i - 1]!);
    }
  }
  const edges: HierarchyEdge[] = [];
  for (const [parent, byVillage] of childOf) {
    const own = villagesOf.get(parent)!;
    const children = new Set(byVillage.values());
    const partition =
      [...byVillage].every(([village, child]) => villagesOf.get(child)?.has(village)) &&
      [...children].every((child) => [...villagesOf.get(child)!].every((v) => own.has(v))) &&
      [...children].reduce((sum, child) => sum + villagesOf.get(child)!.size, 0) === own.size;
    if (partition) for (const child of children) edges.push({ year, child, parent });
  }
  return edges;
}

/** Published values, in the complete releases already in the store, of the given cells (by cellKey); `units`
 *  narrows the query when only a few units' cells are wanted (the repair's). */
async function earlierReleases(db: PublicDb, wanted: ReadonlyMap<string, unknown> | ReadonlySet<string>, units?: string[]): Promise<EarlierRelease[]> {
  const releases = await db.release.findMany({ where: { complete: true }, select: { id: true }, orderBy: { seq: "asc" } });
  const out: EarlierRelease[] = [];
  for (const { id } of releases) {
    const published = new Map<string, number>();
    const rows = await db.pubCell.findMany({
      where: { releaseId: id, status: "PUBLISHED", measure: { not: "households" }, ...(units ? { unitCode: { in: units } } : {}) },
      select: { unitCode: true, year: true, measure: true, value: true },
    });
    for (const r of rows) {
      const key = cellKey(r.unitCode, r.year, r.measure);
      if (wanted.has(key) && r.value !== null) published.set(key, r.value);
    }
    out.push({ releaseId: id, published });
  }
  return out;
}

/** Adds to the outsider's earlier releases what they published of the figures the repair just hid. */
async function learnEarlier(db: PublicDb, earlier: EarlierRelease[], choices: readonly RepairChoice[]): Promise<void> {
  const keys = new Set(choices.map((c) => c.key));
  const units = [...new Set(choices.map((c) => parseCellKey(c.key).unit))];
  for (let i = 0; i < units.length; i += 500) {
    for (const found of await earlierReleases(db, keys, units.slice(i, i + 500))) {
      const into = earlier.find((r) => r.releaseId === found.releaseId)!;
      for (const [key, value] of found.published) into.published.set(key, value);
    }
  }
}

function failureMessage(findings: readonly ReleaseFinding[]): string {
  const groups = new Map<string, Set<string>>();
  for (const f of findings) {
    const key = `${f.table}, review ${f.year}`;
    (groups.get(key) ?? groups.set(key, new Set()).get(key)!).add(f.unit);
  }
  const lines = [...groups].slice(0, 20).map(([where, units]) => `  ${where}: ${[...units].slice(0, 12).join(", ")}${units.size > 12 ? ` and ${units.size - 12} more` : ""}`);
  return [
    `Release gate refused the release: with the relations between tables an outsider can check, ${findings.length} hidden figure(s) could be narrowed below the protected width, even after hiding the published figures around them that the repair could hide. Nothing was published.`,
    ...lines,
    ...(groups.size > 20 ? [`  … and ${groups.size - 20} more table-years`] : []),
    "What you can do: check these units' review files for that year (a village with very few poor, near-poor or",
    "other households is the usual cause) and correct and re-import them; or publish with a larger --k, which hides",
    "more figures around small groups. The full list is in this message; no protected value is shown.",
  ].join("\n");
}
