/**
 * Project participants file: which households took part in which project. The household id is hashed with the same
 * key as the household import and never stored. Replaces all participants of the projects it lists.
 */
import { checkSecret, householdKey } from "../../households/key.js";
import { PROJECT_PARTICIPANT_COLUMNS } from "../columns.js";
import { knownVillages } from "../context.js";
import type { RecordKind } from "../runner.js";

interface ParticipantRow {
  projectCode: string;
  householdKey: string;
  villageCode: string;
}

/** Project code → its villages (empty when the projects file listed none). */
type ProjectVillages = Map<string, Set<string>>;

function usableSecret(secret: string | undefined): secret is string {
  try {
    return checkSecret(secret) === secret;
  } catch {
    return false;
  }
}

export const projectParticipantsKind: RecordKind<ParticipantRow, ProjectVillages> = {
  batchKind: "PROJECT_PARTICIPANTS",
  columns: PROJECT_PARTICIPANT_COLUMNS,
  async prepare(ctx, report) {
    // Same key and check as the household import (import/households/key.ts), so participants link to reviewed households.
    try {
      checkSecret(ctx.secret);
    } catch (err) {
      report((err as Error).message); // the rows are still checked; none is hashed without a usable key
    }
    const projects = await ctx.db.project.findMany({ select: { code: true, villages: { select: { villageCode: true } } } });
    return new Map(projects.map((p) => [p.code, new Set(p.villages.map((v) => v.villageCode))]));
  },
  parse(f, ctx, projects) {
    let projectCode = f.code("project_code", { required: true });
    if (projectCode !== undefined && !projects.has(projectCode)) projectCode = f.problem("project_code", `unknown project ${projectCode}: import the projects file first (\`minhbach import projects FILE\`), or correct the code`);
    const id = f.text("household_id", { required: true, max: 64 });
    const village = f.code("village_code", { required: true });
    const villageCode = village === undefined ? undefined : knownVillages(f, ctx, "village_code", [village])?.[0];
    if (projectCode === undefined || id === undefined || villageCode === undefined || !usableSecret(ctx.secret)) return undefined;
    const villages = projects.get(projectCode)!;
    if (villages.size > 0 && !villages.has(villageCode)) f.warn("village_code", `village ${villageCode} is not among the villages of project ${projectCode}`);
    return { projectCode, householdKey: householdKey(ctx.secret!, id), villageCode };
  },
  key: (r) => `${r.projectCode}|${r.householdKey}`,
  keyLabel: "project and household",
  duplicateColumn: "household_id",
  async store(tx, rows) {
    const codes = [...new Set(rows.map((r) => r.projectCode))];
    const removed = await tx.projectParticipant.deleteMany({ where: { projectCode: { in: codes } } });
    await tx.projectParticipant.createMany({ data: [...rows] });
    return { projects: codes.length, participants: rows.length, replaced: removed.count };
  },
};
