import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.js";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

describe("projects, credit and jobs", () => {
  it("answers the goat project: 500,000,000 VND, 20 households, village Lủng Chang", async () => {
    const { body } = await app.gql(`{ project(code: "LB-DE-2023") { name budgetVnd disbursedVnd households { value status }
      villages { code name } statusLabel(lang: EN) funding { source sourceLabel budgetVnd } sources { publisher } synthetic } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.project).toEqual({
      name: "Hỗ trợ phát triển chăn nuôi dê", budgetVnd: 500_000_000, disbursedVnd: 500_000_000, households: { value: 20, status: "PUBLISHED" },
      villages: [{ code: "01990-01", name: "Lủng Chang" }], statusLabel: "Completed",
      funding: [{ source: "CENTRAL", sourceLabel: "Ngân sách trung ương", budgetVnd: 500_000_000 }], sources: [{ publisher: "Báo Bắc Kạn" }], synthetic: false,
    });
  });

  it("lists a commune's projects (those of its villages), paged", async () => {
    const { body } = await app.gql(`{ unit(code: "01990") { projects(first: 2) { totalCount pageInfo { hasNextPage } nodes { code budgetVnd households { value } } } } }`);
    const p = body.data!.unit.projects;
    expect(p.totalCount).toBe(3);
    expect(p.pageInfo.hasNextPage).toBe(true);
    expect(p.nodes).toEqual([{ code: "LB-DE-2023", budgetVnd: 500_000_000, households: { value: 20 } }, { code: "LB-TRAU-2023", budgetVnd: 390_000_000, households: { value: 16 } }]);
    const village = await app.gql(`{ projects(unitCode: "01990-02") { nodes { code } } }`);
    expect(village.body.data!.projects.nodes).toEqual([{ code: "LB-TRAU-2023" }]);
  });

  it("hides a small project's household count", async () => {
    const { body } = await app.gql(`{ project(code: "PT-SMALL-2024") { households { value status note } disbursedVnd } missing: project(code: "NOPE") { code } }`);
    expect(body.data!.project.households).toMatchObject({ value: null, status: "SUPPRESSED" });
    expect(body.data!.missing).toBeNull();
  });

  it("answers credit 2023 (330 loan turns, 19.6 billion VND) and jobs 2023 (46 domestic, 3 abroad)", async () => {
    const { body } = await app.gql(`{ unit(code: "01990") { credit(year: 2023) { year programme loanTurns { value } outstandingVnd sources { id } }
      jobs(year: 2023) { year domestic { value } abroad { value } sources { id } } none: credit(year: 2021) { year } } }`);
    expect(body.data!.unit.credit).toEqual([{ year: 2023, programme: "Tín dụng chính sách xã hội", loanTurns: { value: 330 }, outstandingVnd: 19_600_000_000, sources: [{ id: "baobackan-lucbinh" }] }]);
    expect(body.data!.unit.jobs).toEqual([{ year: 2023, domestic: { value: 46 }, abroad: { value: 3 }, sources: [{ id: "baobackan-lucbinh" }] }]);
    expect(body.data!.unit.none).toEqual([]);
  });
});
