/** Project funding file: one row per project and funding source. Replaces all funding of the projects it lists. */
import { PROJECT_FUNDING_COLUMNS } from "../columns.js";
import type { RecordKind } from "../runner.js";

export const FUNDING_SOURCES = ["CENTRAL", "LOCAL", "CREDIT", "PEOPLE", "OTHER"] as const;

interface FundingRow {
  projectCode: string;
  fundingSource: string;
  budgetVnd: bigint;
  disbursedVnd: bigint;
}

export const projectFundingKind: RecordKind<FundingRow, Set<string>> = {
  batchKind: "PROJECT_FUNDING",
  columns: PROJECT_FUNDING_COLUMNS,
  async prepare(ctx) {
    return new Set((await ctx.db.project.findMany({ select: { code: true } })).map((p) => p.code));
  },
  parse(f, _ctx, projects) {
    let projectCode = f.code("project_code", { required: true });
    if (projectCode !== undefined && !projects.has(projectCode)) projectCode = f.problem("project_code", `unknown project ${projectCode}: import the projects file first (\`minhbach import projects FILE\`), or correct the code`);
    const fundingSource = f.oneOf("funding_source", FUNDING_SOURCES, { required: true });
    const budgetVnd = f.vnd("budget_vnd");
    const disbursedVnd = f.vnd("disbursed_vnd");
    // Over-disbursement happens (top-ups booked late) but is worth a look, so it is a warning, not an error.
    if (budgetVnd !== undefined && disbursedVnd !== undefined && disbursedVnd > budgetVnd) {
      f.warn("disbursed_vnd", `disbursed ${disbursedVnd} đồng is more than the budget ${budgetVnd} đồng`);
    }
    if (projectCode === undefined || fundingSource === undefined || budgetVnd === undefined || disbursedVnd === undefined) return undefined;
    return { projectCode, fundingSource, budgetVnd, disbursedVnd };
  },
  key: (r) => `${r.projectCode}|${r.fundingSource}`,
  keyLabel: "project and funding source",
  duplicateColumn: "funding_source",
  async store(tx, rows) {
    const codes = [...new Set(rows.map((r) => r.projectCode))];
    const removed = await tx.projectFunding.deleteMany({ where: { projectCode: { in: codes } } });
    await tx.projectFunding.createMany({ data: [...rows] });
    return { projects: codes.length, fundingRows: rows.length, replacedRows: removed.count };
  },
};
