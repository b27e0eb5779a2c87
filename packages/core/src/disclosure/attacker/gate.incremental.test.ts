/**
 * The gate's later rounds (`runGate` with an earlier verdict) must reach the same verdict as a full attack: the
 * shortcut is sound only when the published cells shrank, and the gate must check that itself.
 */
import { describe, expect, it } from "vitest";
import { gaussSuppress } from "../gauss-suppression.ts";
import { protect } from "../protect.ts";
import { buildCategoryProblem } from "../table-builder.ts";
import { hierarchicalTable, primaryOnlyStatus, randomInt, seededRandom } from "../test-fixtures.ts";
import type { CellStatus, GateReport, ProtectionProblem } from "../types.ts";
import { decompose } from "./decompose.ts";
import { cellsToAttack, runGate } from "./gate.ts";

function randomProblem(seed: number): ProtectionProblem {
  const random = seededRandom(seed);
  const input = hierarchicalTable(
    random,
    { districts: randomInt(random, 1, 3), communesPerDistrict: [1, 4], villagesPerCommune: [1, 5], households: [1, 60], years: [2022, 2023], differencingPairs: 2 },
    randomInt(random, 3, 5),
  );
  return buildCategoryProblem(input);
}

const findingIds = (report: GateReport) =>
  [...report.linearDisclosures, ...report.narrowIntervals, ...report.smallPublishedCounts].map((f) => `${f.kind} ${f.cellId}`).sort();

async function verdicts(problem: ProtectionProblem, earlierStatus: Map<string, CellStatus>, status: Map<string, CellStatus>) {
  const earlier = { status: earlierStatus, report: await runGate(problem, earlierStatus) };
  const full = await runGate(problem, status);
  const incremental = await runGate(problem, status, decompose(problem, status), earlier);
  return { earlier, full, incremental };
}

describe("a later round that publishes a subset of the earlier round", () => {
  it("finds exactly what a full attack finds (60 seeded tables, naive release → Gauss → protected)", async () => {
    let roundsWithFindings = 0;
    let shortcutTaken = 0;
    const solves = { full: 0, incremental: 0 };
    for (let seed = 1; seed <= 60; seed++) {
      const problem = randomProblem(seed);
      const naive = primaryOnlyStatus(problem);
      const gauss = gaussSuppress(problem, new Set());
      const gaussStatus = new Map([...naive.keys()].map((id) => [id, gauss.published.has(id) ? "PUBLISHED" : "SUPPRESSED"] as const));
      const protectedStatus = (await protect(problem)).status;
      for (const [before, after] of [[naive, gaussStatus], [gaussStatus, protectedStatus], [naive, protectedStatus]] as const) {
        const { earlier, full, incremental } = await verdicts(problem, before, after);
        expect(incremental.ok, `seed ${seed}`).toBe(full.ok);
        expect(findingIds(incremental), `seed ${seed}`).toEqual(findingIds(full));
        if (!full.ok) roundsWithFindings += 1;
        solves.full += full.stats.lpSolves;
        solves.incremental += incremental.stats.lpSolves;
        if (cellsToAttack(problem, after, earlier) !== undefined) shortcutTaken += 1;
        if (incremental.stats.attacked !== "all") expect(incremental.stats.attacked).toBeLessThanOrEqual(problem.cells.length);
      }
    }
    // The comparison means something only if some rounds still had findings and the shortcut was actually used.
    expect(roundsWithFindings).toBeGreaterThan(10);
    expect(shortcutTaken).toBeGreaterThan(150);
    // ...and that it saves the interval attack's solver runs, which is its purpose.
    expect(solves.incremental).toBeLessThan(solves.full * 0.75);
  });
});

describe("when the shortcut does not hold", () => {
  it("attacks every cell if a cell is published now that was not published before", async () => {
    for (let seed = 1; seed <= 10; seed++) {
      const problem = randomProblem(seed);
      const protectedStatus = (await protect(problem)).status;
      const naive = primaryOnlyStatus(problem);
      if ((await runGate(problem, naive)).ok) continue;
      // The earlier (protected) round found nothing; the naive status publishes more and is disclosive.
      const { incremental, full } = await verdicts(problem, protectedStatus, naive);
      expect(cellsToAttack(problem, naive, { status: protectedStatus, report: await runGate(problem, protectedStatus) })).toBeUndefined();
      expect(incremental.ok).toBe(false);
      expect(findingIds(incremental)).toEqual(findingIds(full));
      return;
    }
    throw new Error("no seed gave a disclosive naive release");
  });

  it("attacks again a sensitive cell that the earlier round published", async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const problem = randomProblem(seed);
      const naive = primaryOnlyStatus(problem);
      const exposed = (await runGate(problem, naive)).linearDisclosures[0]?.cellId;
      if (!exposed) continue;
      // Earlier: the exposed cell itself was published (a small count, not a linear or interval finding).
      const earlierStatus = new Map(naive).set(exposed, "PUBLISHED");
      const { earlier, incremental } = await verdicts(problem, earlierStatus, naive);
      expect(earlier.report.linearDisclosures.map((f) => f.cellId)).not.toContain(exposed);
      expect(incremental.linearDisclosures.map((f) => f.cellId)).toContain(exposed);
      return;
    }
    throw new Error("no seed gave a linear disclosure");
  });
});
