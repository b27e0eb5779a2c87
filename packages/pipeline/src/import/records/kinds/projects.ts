/**
 * Projects file. Replaced by code: a re-imported project gets the file's fields and village list; its funding and
 * participants (imported from their own files) are kept, which is why this updates rather than deletes.
 */
import { PROJECT_COLUMNS } from "../columns.js";
import { knownSources, knownVillages } from "../context.js";
import type { RecordKind } from "../runner.js";

export const PROJECT_STATUSES = ["PLANNED", "ONGOING", "COMPLETED", "CANCELLED"] as const;

interface ProjectRow {
  code: string;
  name: string;
  programme: string | null;
  component: string | null;
  startDate: Date | null;
  endDate: Date | null;
  status: string | null;
  decisionRef: string | null;
  synthetic: boolean;
  sourceIds: string;
  villages: string[];
}

export const projectsKind: RecordKind<ProjectRow> = {
  batchKind: "PROJECTS",
  columns: PROJECT_COLUMNS,
  parse(f, ctx) {
    const code = f.code("code", { required: true });
    const name = f.text("name", { required: true });
    const programme = f.text("programme");
    const component = f.text("component");
    const villages = knownVillages(f, ctx, "village_codes", f.codes("village_codes"));
    const startDate = f.date("start_date");
    const endDate = f.date("end_date");
    if (startDate && endDate && endDate < startDate) f.problem("end_date", "ends before it starts");
    const status = f.oneOf("status", PROJECT_STATUSES);
    const decisionRef = f.text("decision_ref");
    const synthetic = f.flag("synthetic");
    const sourceIds = knownSources(f, ctx);
    if (code === undefined || name === undefined || villages === undefined || synthetic === undefined || sourceIds === undefined) return undefined;
    return {
      code,
      name,
      programme: programme ?? null,
      component: component ?? null,
      startDate: startDate ?? null,
      endDate: endDate ?? null,
      status: status ?? null,
      decisionRef: decisionRef ?? null,
      synthetic,
      sourceIds,
      villages,
    };
  },
  key: (r) => r.code,
  keyLabel: "project code",
  duplicateColumn: "code",
  synthetic: (r) => r.synthetic,
  async store(tx, rows) {
    const codes = rows.map((r) => r.code);
    const existing = new Set((await tx.project.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((p) => p.code));
    await tx.projectVillage.deleteMany({ where: { projectCode: { in: codes } } });
    for (const { villages: _v, ...project } of rows) await tx.project.upsert({ where: { code: project.code }, create: project, update: project });
    const links = rows.flatMap((r) => r.villages.map((villageCode) => ({ projectCode: r.code, villageCode })));
    if (links.length > 0) await tx.projectVillage.createMany({ data: links });
    return { created: codes.filter((c) => !existing.has(c)).length, updated: codes.filter((c) => existing.has(c)).length, villageLinks: links.length };
  },
};
