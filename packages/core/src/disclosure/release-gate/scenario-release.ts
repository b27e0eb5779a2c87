/** Small hand-built releases for the gate's scenario tests. Why shared: the gate's and the repair's scenarios must
 *  describe a release the same way, and the repair mutates the cells and hidden values it is given. */
import { parseCellKey, type ReleaseCell, type ReleaseGateInput } from "./types.ts";

export type ScenarioRelease = ReleaseGateInput & { cells: ReleaseCell[]; hiddenValues: Map<string, number> };

/** A release from "unit|year|measure" → value (a number: published; ["hidden", truth]: suppressed). */
export function scenarioRelease(k: number, figures: Record<string, number | ["hidden", number]>, extra: Partial<ReleaseGateInput> = {}): ScenarioRelease {
  const cells: ReleaseCell[] = [];
  const hiddenValues = new Map<string, number>();
  for (const [key, figure] of Object.entries(figures)) {
    const hidden = Array.isArray(figure);
    cells.push({ ...parseCellKey(key), status: hidden ? "SUPPRESSED" : "PUBLISHED", value: hidden ? null : figure });
    if (hidden) hiddenValues.set(key, figure[1]);
  }
  return { k, edges: [], standards: new Map(), earlier: [], differencing: [], ...extra, cells, hiddenValues };
}
