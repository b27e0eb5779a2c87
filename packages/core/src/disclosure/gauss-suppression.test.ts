import { describe, expect, it } from "vitest";
import { gaussSuppress } from "./gauss-suppression.ts";
import { ReducedEchelon } from "./reduced-echelon.ts";
import type { ProtectionCell, ProtectionProblem } from "./types.ts";

const cell = (id: string, terms: Array<[number, number]>, innerValues: number[], extra: Partial<ProtectionCell> = {}): ProtectionCell => ({
  id,
  terms,
  value: terms.reduce((sum, [inner, coef]) => sum + coef * innerValues[inner]!, 0),
  publishable: true,
  sensitive: false,
  ...extra,
});

describe("reduced echelon: proportionality check", () => {
  it("flags a candidate whose reduced vector is a multiple of a reduced sensitive vector", () => {
    const echelon = new ReducedEchelon();
    echelon.addSensitive(0, new Map([[0, 1]]));
    echelon.publish(echelon.reduce(new Map([[0, 1], [1, 1]]))); // x0 + x1 published
    expect(echelon.wouldDetermine(echelon.reduce(new Map([[1, 2]])))).toBe(0); // 2·x1 reveals x0
    expect(echelon.wouldDetermine(echelon.reduce(new Map([[2, 1]])))).toBeUndefined();
  });

  it("throws instead of losing precision beyond 2^53", () => {
    const echelon = new ReducedEchelon();
    echelon.publish(new Map([[0, 2 ** 40], [1, 3]]));
    expect(() => echelon.reduce(new Map([[0, 2 ** 20 + 1], [1, 2 ** 40]]))).toThrow(/overflow/);
  });
});

describe("gauss suppression: commune minus villages", () => {
  it("suppresses one more village so the primary is not the commune minus the others", () => {
    const values = [2, 7, 30];
    const problem: ProtectionProblem = {
      k: 5,
      innerValues: values,
      cells: [
        cell("commune", [[0, 1], [1, 1], [2, 1]], values),
        cell("v0", [[0, 1]], values, { sensitive: true }),
        cell("v1", [[1, 1]], values),
        cell("v2", [[2, 1]], values),
      ],
    };
    const outcome = gaussSuppress(problem, new Set());
    expect(outcome.published.has("commune")).toBe(true);
    expect([...outcome.secondary]).toEqual(["v2"]); // the larger sibling hides the primary in a wider interval
  });
});

describe("gauss suppression: history", () => {
  it("reports a sensitive cell already determined by cells forced published", () => {
    const values = [2, 7];
    const problem: ProtectionProblem = {
      k: 5,
      innerValues: values,
      cells: [
        cell("commune", [[0, 1], [1, 1]], values, { forced: "PUBLISHED" }),
        cell("v0", [[0, 1]], values, { sensitive: true }),
        cell("v1", [[1, 1]], values, { forced: "PUBLISHED" }),
      ],
    };
    expect(gaussSuppress(problem, new Set()).determinedByForced).toEqual(["v0"]);
  });
});
