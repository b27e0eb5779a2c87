/** Property test: on random hierarchical tables, whatever `protect` releases survives an independent attack. */
import { describe, expect, it } from "vitest";
import { runGate } from "./attacker/index.ts";
import { protect } from "./protect.ts";
import { buildCategoryProblem } from "./table-builder.ts";
import { hierarchicalTable, primaryOnlyStatus, randomInt, seededRandom } from "./test-fixtures.ts";

const TABLES = 250;

describe("random hierarchical tables (seeded)", () => {
  it(`protects ${TABLES} tables so that the attacker finds nothing`, async () => {
    let disclosiveWithoutProtection = 0;
    for (let seed = 1; seed <= TABLES; seed++) {
      const random = seededRandom(seed);
      const years = [2021, 2022, 2023].slice(0, randomInt(random, 1, 3));
      const k = randomInt(random, 3, 6);
      const input = hierarchicalTable(
        random,
        {
          districts: randomInt(random, 1, 3),
          communesPerDistrict: [1, 4],
          villagesPerCommune: [1, 5],
          households: [1, randomInt(random, 8, 80)], // includes units smaller than k
          years,
          ...(random() < 0.4 ? { reformYear: years[years.length - 1]! } : {}),
          differencingPairs: randomInt(random, 0, 2),
        },
        k,
      );
      const problem = buildCategoryProblem(input);
      if (!(await runGate(problem, primaryOnlyStatus(problem))).ok) disclosiveWithoutProtection += 1;

      const result = await protect(problem);
      const independent = await runGate(problem, result.status);
      const context = `seed ${seed}: ${JSON.stringify([...independent.linearDisclosures, ...independent.narrowIntervals, ...independent.smallPublishedCounts].slice(0, 3))}`;
      expect(independent.ok, context).toBe(true);
      for (const cell of problem.cells) {
        if (result.status.get(cell.id) !== "PUBLISHED" || cell.householdsInUnit === undefined) continue;
        expect(cell.value >= 1 && cell.value < k, `seed ${seed}: ${cell.id} = ${cell.value} published`).toBe(false);
      }
    }
    // The fixtures must be dangerous, or this test could not fail.
    expect(disclosiveWithoutProtection).toBeGreaterThan(TABLES / 2);
  });
});
