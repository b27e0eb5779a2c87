/** An empty release to fill in tests. Why: fixtures are built in code, not JSON dumps. */
import type { ReleaseContent } from "./release-content.js";

export function emptyReleaseContent(id: string): ReleaseContent {
  return {
    release: {
      id,
      createdAt: new Date("2026-01-01T00:00:00Z"),
      title: `Test release ${id}`,
      standards: "[]",
      parameters: "{}",
      changeNote: null,
      supersedes: null,
      gateReport: "{}",
      synthetic: true,
    },
    sources: [], standards: [], indicators: [], units: [], unitParents: [], unitChanges: [], unitYears: [], cells: [],
    projects: [], projectFunding: [], projectUnits: [], credit: [], jobs: [], plans: [], inspections: [],
  };
}
