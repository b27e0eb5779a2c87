/** Reads everything except household rows from the private store (households are streamed by household-scan.ts). */
import Database from "better-sqlite3";
import type { PrivateDb } from "@minhbach/db/private.ts";
import { sqlitePathFromUrl } from "@minhbach/db/sqlite-url.ts";
import type { UnitLevel } from "@minhbach/core/units/levels.ts";
import { UnitHierarchy } from "./unit-hierarchy.js";

export type PrivateSnapshot = Awaited<ReturnType<typeof loadPrivateSnapshot>>;

export async function loadPrivateSnapshot(db: PrivateDb) {
  const [units, parents, changes, sources, citations, batches, projects, participants, credit, jobs, plans, inspections] =
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
    ]);
  const hierarchy = new UnitHierarchy(
    units.map((u) => ({ code: u.code, level: u.level as UnitLevel, validFrom: u.validFrom, validTo: u.validTo })),
    parents,
  );
  return { units, parents, changes, sources, citations, batches, projects, participants, credit, jobs, plans, inspections, hierarchy };
}

/** Village-years ("<village>|<year>") holding records from imports marked synthetic (demo or training data). */
export function syntheticVillageYears(privateUrl: string, importIds: number[]): Set<string> {
  if (!importIds.length) return new Set();
  const db = new Database(sqlitePathFromUrl(privateUrl), { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT DISTINCT villageCode || '|' || year FROM HouseholdRecord WHERE importId IN (${importIds.map(() => "?").join(",")})`)
      .pluck()
      .all(...importIds) as string[];
    return new Set(rows);
  } finally {
    db.close();
  }
}
