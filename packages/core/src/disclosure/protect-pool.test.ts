/** The protect pool gives exactly what `protect` gives in-process, whatever order its workers finish in. */
import { afterAll, describe, expect, it } from "vitest";
import { DisclosureGateError, protect } from "./protect.ts";
import { createProtectPool } from "./protect-pool.ts";
import { buildCategoryProblem, cellId } from "./table-builder.ts";
import { FOUR_VILLAGE_COMMUNE, hierarchicalTable, seededRandom } from "./test-fixtures.ts";
import type { CellStatus, ProtectionResult } from "./types.ts";

const pool = createProtectPool(2);
afterAll(() => pool.close());

const plain = (r: ProtectionResult) => ({ status: [...r.status], reason: [...r.reason], conflicts: r.historyConflicts, ok: r.gate.ok });

describe("protect pool", () => {
  it("runs on worker threads and returns the in-process result for every problem", async () => {
    expect(pool.workers).toBe(2);
    const problems = [11, 12, 13, 14].map((seed) =>
      buildCategoryProblem(hierarchicalTable(seededRandom(seed), {
        districts: 2, communesPerDistrict: [2, 3], villagesPerCommune: [2, 4], households: [3, 60], years: [2022, 2023], differencingPairs: 2,
      })),
    );
    const viaPool = await Promise.all(problems.map((p) => pool.protect(p)));
    for (const [i, p] of problems.entries()) expect(plain(viaPool[i]!)).toEqual(plain(await protect(p)));
    expect(viaPool.some((r) => [...r.status.values()].includes("SUPPRESSED"))).toBe(true);
  });

  it("rejects with the gate's error when earlier releases make protection impossible, and keeps working", async () => {
    const id = (unit: string) => cellId("poverty", unit, 2024, "poor");
    const problem = buildCategoryProblem({
      ...FOUR_VILLAGE_COMMUNE,
      history: new Map(["v2", "v3", "v4", "c1"].map((u): [string, CellStatus] => [id(u), "PUBLISHED"])),
    });
    const failure = pool.protect(problem);
    await expect(failure).rejects.toBeInstanceOf(DisclosureGateError);
    await expect(failure).rejects.toThrow(/v1\|2024\|poor/);
    const again = await pool.protect({ ...problem, cells: problem.cells.map((c) => ({ ...c, forced: undefined })) });
    expect(again.gate.ok).toBe(true);
  });
});
