/** Everything one release publishes, in memory, before it is written. Why a type of its own: the publish step builds it,
 *  the writer stores it, and tests build small ones as fixtures. Rows mirror the public store without releaseId. */
import type * as P from "./generated/public/client.js";

type Row<T> = Omit<T, "releaseId">;

export interface ReleaseContent {
  release: Omit<P.Release, "checksum" | "complete" | "seq">;
  sources: Row<P.PubSource>[];
  standards: Row<P.PubStandard>[];
  indicators: Row<P.PubIndicator>[];
  units: Row<P.PubUnit>[];
  unitParents: Row<P.PubUnitParent>[];
  unitChanges: Row<P.PubUnitChange>[];
  unitYears: Row<P.PubUnitYear>[];
  cells: Row<P.PubCell>[];
  projects: Row<P.PubProject>[];
  projectFunding: Row<P.PubProjectFunding>[];
  projectUnits: Row<P.PubProjectUnit>[];
  credit: Row<P.PubCredit>[];
  jobs: Row<P.PubJobs>[];
  plans: Row<P.PubPlan>[];
  inspections: Row<P.PubInspection>[];
  /** Officially reported figures, as their sources give them (no disclosure control: already public). Optional, so
   *  that content built before they existed (fixtures, benches) still type-checks; absent means none. */
  officialFigures?: Row<P.PubOfficialFigure>[];
}

/** Table name in the Prisma client for each array of a ReleaseContent, in write order. */
export const CONTENT_TABLES = {
  sources: "pubSource",
  standards: "pubStandard",
  indicators: "pubIndicator",
  units: "pubUnit",
  unitParents: "pubUnitParent",
  unitChanges: "pubUnitChange",
  unitYears: "pubUnitYear",
  cells: "pubCell",
  projects: "pubProject",
  projectFunding: "pubProjectFunding",
  projectUnits: "pubProjectUnit",
  credit: "pubCredit",
  jobs: "pubJobs",
  plans: "pubPlan",
  inspections: "pubInspection",
  officialFigures: "pubOfficialFigure",
} as const satisfies Record<Exclude<keyof ReleaseContent, "release">, string>;

/** The rows of one content table; an optional table that is absent has none. */
export function contentRows(content: ReleaseContent, key: keyof typeof CONTENT_TABLES): readonly object[] {
  return content[key] ?? [];
}
