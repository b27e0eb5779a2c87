/** Reads everything except household rows from the private store (households are streamed by household-scan.ts). */
import type { PrivateDb } from "@minhbach/db/private.ts";
import type { AnyUnitLevel } from "@minhbach/core/units/levels.ts";
import { villageYearsOfImports } from "./household-rows.js";
import { UnitHierarchy } from "./unit-hierarchy.js";

export type PrivateSnapshot = Awaited<ReturnType<typeof loadPrivateSnapshot>>;

export async function loadPrivateSnapshot(db: PrivateDb) {
  const [units, parents, changes, sources, citations, batches, projects, participants, credit, jobs, plans, inspections, officialFigures] =
    await Promise.all([
      db.adminUnit.findMany({ orderBy: { code: "asc" } }),
      db.unitParent.findMany(),
      db.unitChange.findMany({ orderBy: { id: "asc" } }),
      db.source.findMany({ orderBy: { id: "asc" } }),
      db.sourceCitation.findMany(),
      db.importBatch.findMany({ where: { kind: "HOUSEHOLDS" } }),
      db.project.findMany({ include: { funding: true, villages: true }, orderBy: { code: "asc" } }),
      db.projectParticipant.findMany(),
      db.creditRecord.findMany(),
      db.jobsRecord.findMany(),
      db.plan.findMany({ orderBy: { id: "asc" } }),
      db.inspection.findMany({ orderBy: { id: "asc" } }),
      db.officialFigure.findMany({ orderBy: [{ unitCode: "asc" }, { year: "asc" }, { sourceId: "asc" }] }),
    ]);
  const hierarchy = new UnitHierarchy(
    units.map((u) => ({ code: u.code, level: u.level as AnyUnitLevel, validFrom: u.validFrom, validTo: u.validTo })),
    parents,
  );
  return { units, parents, changes, sources, citations, batches, projects, participants, credit, jobs, plans, inspections, officialFigures, hierarchy };
}

/** Village-years ("<village>|<year>") holding records from imports marked synthetic (demo or training data). */
export function syntheticVillageYears(privateUrl: string, importIds: number[]): Promise<Set<string>> {
  return villageYearsOfImports(privateUrl, importIds);
}
