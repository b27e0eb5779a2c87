/** The protect pool gives exactly what `protect` gives in-process, whatever order its workers finish in. */
import { afterAll, describe, expect, it } from "vitest";
import { DisclosureGateError, protect } from "./protect.ts";
import { createProtectPool } from "./protect-pool.ts";
import { protectCategoryTable, withOwnHistory } from "./protect-table.ts";
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

  it("builds and protects category tables on the workers, with the result of building and protecting in-process", async () => {
    const inputs = [21, 22, 23].map((seed) =>
      hierarchicalTable(seededRandom(seed), {
        districts: 2, communesPerDistrict: [2, 3], villagesPerCommune: [2, 4], households: [3, 60], years: [2022, 2023], differencingPairs: 2,
      }),
    );
    const viaPool = await Promise.all(inputs.map((input) => pool.protectTable(input)));
    for (const [i, input] of inputs.entries()) {
      const problem = buildCategoryProblem(input);
      const direct = await protect(problem);
      const expected = problem.cells.filter((c) => c.publishable).map((c) => {
        const status = direct.status.get(c.id)!;
        return { id: c.id, value: c.value, status, reason: status === "PUBLISHED" ? null : direct.reason.get(c.id)! };
      });
      expect(viaPool[i]!.cells).toEqual(expected);
      expect(viaPool[i]!.gate.ok).toBe(true);
      expect((await protectCategoryTable(input)).cells).toEqual(viaPool[i]!.cells);
    }
    expect(viaPool.some((r) => r.cells.some((c) => c.status === "SUPPRESSED" && c.reason === "SECONDARY"))).toBe(true);
  });

  it("sends a part only the history of its own cells, and protects it as with the whole history", async () => {
    const own = cellId("poverty", "v2", 2024, "poor");
    const history = new Map<string, CellStatus>([
      [own, "PUBLISHED"],
      [cellId("poverty", "elsewhere", 2024, "poor"), "SUPPRESSED"],
      [cellId("flows", "v2", 2024, "poor"), "SUPPRESSED"],
    ]);
    const input = { ...FOUR_VILLAGE_COMMUNE, history };
    expect([...withOwnHistory(input).history!]).toEqual([[own, "PUBLISHED"]]);
    const [viaPool, inProcess] = [await pool.protectTable(input), await protectCategoryTable(input)];
    expect(viaPool.cells).toEqual(inProcess.cells);
    expect(viaPool.cells.find((c) => c.id === own)?.status).toBe("PUBLISHED"); // forced by its own history
    expect(viaPool.historyConflicts).toEqual(inProcess.historyConflicts);
  });
});
