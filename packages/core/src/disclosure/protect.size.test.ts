/** Size test: a province-sized table (~1,100 villages × 5 years × 3 categories) protected end to end; prints timings. */
import { describe, expect, it } from "vitest";
import { gaussSuppress } from "./gauss-suppression.ts";
import { protect } from "./protect.ts";
import { buildCategoryProblem } from "./table-builder.ts";
import { hierarchicalTable, seededRandom } from "./test-fixtures.ts";

describe("province-sized table", () => {
  it("completes protection of ~1,100 villages × 5 years with a reform year", async () => {
    const input = hierarchicalTable(seededRandom(2025), {
      districts: 8,
      communesPerDistrict: [12, 16],
      villagesPerCommune: [8, 12],
      households: [20, 250],
      years: [2021, 2022, 2023, 2024, 2025],
      reformYear: 2025,
      differencingPairs: 30,
    });
    const problem = buildCategoryProblem(input);
    const villages = new Set(input.villages.map((v) => v.village)).size;

    const gaussStarted = performance.now();
    gaussSuppress(problem, new Set());
    const gaussMillis = Math.round(performance.now() - gaussStarted);
    const started = performance.now();
    const result = await protect(problem);
    const millis = Math.round(performance.now() - started);

    const reasons: Record<string, number> = {};
    for (const reason of result.reason.values()) reasons[reason] = (reasons[reason] ?? 0) + 1;
    console.log(
      `[disclosure size] ${villages} villages, ${problem.innerValues.length} inner cells, ${problem.cells.length} cells: ` +
        `protect ${millis} ms (one Gauss pass ${gaussMillis} ms; final gate ${result.gate.stats.millis} ms, ` +
        `${result.gate.stats.components} components, ${result.gate.stats.lpSolves} LP runs, ${result.gate.stats.mipSolves} MILP); ` +
        `suppressed ${JSON.stringify(reasons)}`,
    );
    expect(villages).toBeGreaterThan(1000);
    expect(result.gate.ok).toBe(true);
  });
});
