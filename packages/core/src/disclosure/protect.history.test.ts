/** Releases are immutable: a cell's status in an earlier release binds the next one. */
import { describe, expect, it } from "vitest";
import { runGate } from "./attacker/index.ts";
import { DisclosureGateError, protect } from "./protect.ts";
import { buildCategoryProblem, cellId } from "./table-builder.ts";
import { FOUR_VILLAGE_COMMUNE } from "./test-fixtures.ts";
import type { CellStatus } from "./types.ts";

const base = FOUR_VILLAGE_COMMUNE;
const id = (unit: string, category: string) => cellId("poverty", unit, 2024, category);
const withHistory = (entries: Array<[string, CellStatus]>) => buildCategoryProblem({ ...base, history: new Map(entries) });

describe("history: a cell suppressed before stays suppressed", () => {
  it("keeps an otherwise publishable cell suppressed, with reason HISTORY", async () => {
    const fresh = await protect(buildCategoryProblem(base));
    expect(fresh.status.get(id("v3", "nearPoor"))).toBe("PUBLISHED");

    const result = await protect(withHistory([[id("v3", "nearPoor"), "SUPPRESSED"]]));
    expect(result.status.get(id("v3", "nearPoor"))).toBe("SUPPRESSED");
    expect(result.reason.get(id("v3", "nearPoor"))).toBe("HISTORY");
    expect(result.gate.ok).toBe(true);
  });
});

describe("history: a cell published before stays published", () => {
  it("protects the primary with another secondary instead of the one Gauss would pick", async () => {
    const fresh = await protect(buildCategoryProblem(base));
    const freshSecondary = [...fresh.reason].filter(([, reason]) => reason === "SECONDARY").map(([cell]) => cell);
    expect(freshSecondary).toContain(id("v4", "poor"));

    const problem = withHistory([[id("v4", "poor"), "PUBLISHED"]]);
    const result = await protect(problem);
    expect(result.status.get(id("v4", "poor"))).toBe("PUBLISHED");
    expect(result.status.get(id("v1", "poor"))).toBe("SUPPRESSED");
    expect((await runGate(problem, result.status)).ok).toBe(true);
  });
});

describe("history: a published cell that became sensitive", () => {
  it("suppresses it anyway and reports the conflict", async () => {
    const result = await protect(withHistory([[id("v1", "poor"), "PUBLISHED"]]));
    expect(result.status.get(id("v1", "poor"))).toBe("SUPPRESSED");
    expect(result.historyConflicts).toEqual([id("v1", "poor")]);
  });
});

describe("history: protection made impossible by earlier releases", () => {
  it("throws with the attacker's findings rather than release a disclosure", async () => {
    const everyOtherPoor = ["v2", "v3", "v4", "c1"].map((unit): [string, CellStatus] => [id(unit, "poor"), "PUBLISHED"]);
    await expect(protect(withHistory(everyOtherPoor))).rejects.toBeInstanceOf(DisclosureGateError);
    await expect(protect(withHistory(everyOtherPoor))).rejects.toThrow(/v1\|2024\|poor/);
  });
});
