import { householdKey } from "../households/key.js";
import { afterEach, describe, expect, it } from "vitest";
import { importProjectFunding, importProjectParticipants, importProjects } from "./index.js";
import { problemsOf, recordFixture, SECRET, type Fixture } from "./test-helpers.js";

const PROJECT_HEADER = ["Mã dự án", "Tên dự án", "Chương trình", "Dự án thành phần", "Mã thôn", "Ngày bắt đầu", "Ngày kết thúc", "Trạng thái", "Số quyết định", "synthetic", "source_ids"];
const FUNDING_HEADER = ["Mã dự án", "Nguồn vốn", "Kinh phí (đồng)", "Đã giải ngân (đồng)"];
const PARTICIPANT_HEADER = ["Mã dự án", "Mã hộ", "Mã thôn"];

const project = (code: string, villages: string, extra: Partial<Record<"start" | "end" | "status", string>> = {}) =>
  [code, `Dự án ${code}`, "CTMTQG giảm nghèo", "Dự án 2", villages, extra.start ?? "01/03/2024", extra.end ?? "2025-12-31", extra.status ?? "ONGOING", "123/QĐ-UBND", 1, ""];

let fx: Fixture;
afterEach(async () => fx?.drop());

async function withProjects(): Promise<Fixture> {
  const f = await recordFixture();
  await importProjects({ privateUrl: f.privateUrl, file: f.csv("p.csv", [PROJECT_HEADER, project("P1", "01990-01;01990-02"), project("P2", "")]) });
  return f;
}

describe("projects", () => {
  it("stores projects with their villages and dates", async () => {
    fx = await withProjects();
    const p1 = await fx.db.project.findUniqueOrThrow({ where: { code: "P1" }, include: { villages: true } });
    expect(p1).toMatchObject({ component: "Dự án 2", status: "ONGOING", synthetic: true, sourceIds: "[]" });
    expect(p1.startDate?.toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(p1.villages.map((v) => v.villageCode).sort()).toEqual(["01990-01", "01990-02"]);
  });

  it("reports unknown villages, non-village codes, bad dates and statuses, and duplicate codes", async () => {
    fx = await recordFixture();
    const file = fx.csv("p.csv", [
      PROJECT_HEADER,
      project("P1", "01990-01;01990-77"),
      project("P2", "01990"),
      project("P3", "", { start: "31/02/2024" }),
      project("P4", "", { start: "2025-01-01", end: "2024-01-01" }),
      project("P5", "", { status: "DONE" }),
      project("P6", ""),
      project("P6", ""),
    ]);
    expect(await problemsOf(importProjects({ privateUrl: fx.privateUrl, file }))).toEqual([
      expect.stringMatching(/^2:Mã thôn: unknown village code\(s\) 01990-77: not in the private store's unit list; check the code/),
      "3:Mã thôn: not a village: 01990 (COMMUNE); give the codes of its villages (e.g. 01990-03)",
      '4:Ngày bắt đầu: "31/02/2024" is not a date (YYYY-MM-DD or DD/MM/YYYY)',
      "5:Ngày kết thúc: ends before it starts",
      '6:Trạng thái: "DONE" is not one of PLANNED, ONGOING, COMPLETED, CANCELLED',
      "8:Mã dự án: duplicate: same project code as row 7",
    ]);
    expect(await fx.db.project.count()).toBe(0);
  });

  it("re-import replaces a project's fields and villages but keeps its funding", async () => {
    fx = await withProjects();
    await importProjectFunding({ privateUrl: fx.privateUrl, file: fx.csv("f.csv", [FUNDING_HEADER, ["P1", "CENTRAL", "1000", "500"]]) });
    const summary = await importProjects({ privateUrl: fx.privateUrl, file: fx.csv("p2.csv", [PROJECT_HEADER, project("P1", "01990-03", { status: "COMPLETED" })]) });
    expect(summary.counts).toEqual({ created: 0, updated: 1, villageLinks: 1 });
    const p1 = await fx.db.project.findUniqueOrThrow({ where: { code: "P1" }, include: { villages: true, funding: true } });
    expect(p1.status).toBe("COMPLETED");
    expect(p1.villages.map((v) => v.villageCode)).toEqual(["01990-03"]);
    expect(p1.funding).toHaveLength(1);
    expect(await fx.db.project.count()).toBe(2); // P2, absent from the second file, is untouched
  });
});

describe("project funding", () => {
  it("stores amounts above 2^31 exactly and warns (without failing) when more is disbursed than budgeted", async () => {
    fx = await withProjects();
    const file = fx.csv("f.csv", [FUNDING_HEADER, ["P1", "CENTRAL", "19.600.000.000", "19.000.000.000"], ["P1", "local", "2500000000", "2600000000"]]);
    const summary = await importProjectFunding({ privateUrl: fx.privateUrl, file });
    expect(summary.warnings).toEqual([
      { file, row: 3, column: "Đã giải ngân (đồng)", reason: "disbursed 2600000000 đồng is more than the budget 2500000000 đồng" },
    ]);
    const rows = await fx.db.projectFunding.findMany({ orderBy: { fundingSource: "asc" } });
    expect(rows.map((r) => [r.fundingSource, r.budgetVnd, r.disbursedVnd])).toEqual([
      ["CENTRAL", 19_600_000_000n, 19_000_000_000n],
      ["LOCAL", 2_500_000_000n, 2_600_000_000n],
    ]);
  });

  it("reports unknown projects, funding sources, negative amounts and duplicates", async () => {
    fx = await withProjects();
    const file = fx.csv("f.csv", [
      FUNDING_HEADER,
      ["P9", "CENTRAL", "100", "0"],
      ["P1", "BANK", "100", "0"],
      ["P1", "CENTRAL", "-100", "0"],
      ["P2", "OTHER", "100", ""],
      ["P2", "PEOPLE", "100", "0"],
      ["P2", "PEOPLE", "200", "0"],
    ]);
    expect(await problemsOf(importProjectFunding({ privateUrl: fx.privateUrl, file }))).toEqual([
      "2:Mã dự án: unknown project P9: import the projects file first (`minhbach import projects FILE`), or correct the code",
      '3:Nguồn vốn: "BANK" is not one of CENTRAL, LOCAL, CREDIT, PEOPLE, OTHER',
      "4:Kinh phí (đồng): negative value -100; must be at least 0 đồng",
      "5:Đã giải ngân (đồng): required number is empty",
      "7:Nguồn vốn: duplicate: same project and funding source as row 6",
    ]);
    expect(await fx.db.projectFunding.count()).toBe(0);
  });

  it("re-import replaces the funding of the projects in the file only", async () => {
    fx = await withProjects();
    await importProjectFunding({ privateUrl: fx.privateUrl, file: fx.csv("f1.csv", [FUNDING_HEADER, ["P1", "CENTRAL", "100", "0"], ["P1", "LOCAL", "50", "0"], ["P2", "OTHER", "7", "7"]]) });
    await importProjectFunding({ privateUrl: fx.privateUrl, file: fx.csv("f2.csv", [FUNDING_HEADER, ["P1", "CREDIT", "300", "10"]]) });
    const rows = await fx.db.projectFunding.findMany({ orderBy: { projectCode: "asc" } });
    expect(rows.map((r) => [r.projectCode, r.fundingSource, r.budgetVnd])).toEqual([["P1", "CREDIT", 300n], ["P2", "OTHER", 7n]]);
  });
});

describe("project participants", () => {
  it("stores only the keyed hash of the household id, the same key as the household import", async () => {
    fx = await withProjects();
    const file = fx.csv("hh.csv", [PARTICIPANT_HEADER, ["P1", "LB-0042", "01990-01"], ["P2", "LB-0042", "01990-03"]]);
    const summary = await importProjectParticipants({ privateUrl: fx.privateUrl, file, secret: SECRET });
    expect(summary.counts).toEqual({ projects: 2, participants: 2, replaced: 0 });
    const rows = await fx.db.projectParticipant.findMany({ orderBy: { projectCode: "asc" } });
    expect(rows.map((r) => r.householdKey)).toEqual([householdKey(SECRET, "LB-0042"), householdKey(SECRET, "LB-0042")]);
    expect(JSON.stringify(rows)).not.toContain("0042");
  });

  it("warns when a village is not one of the project's villages", async () => {
    fx = await withProjects();
    const file = fx.csv("hh.csv", [PARTICIPANT_HEADER, ["P1", "LB-1", "01990-03"]]);
    const summary = await importProjectParticipants({ privateUrl: fx.privateUrl, file, secret: SECRET });
    expect(summary.warnings.map((w) => w.reason)).toEqual(["village 01990-03 is not among the villages of project P1"]);
  });

  it("reports unknown projects and villages and duplicate participants (the id typed differently), storing nothing", async () => {
    fx = await withProjects();
    const file = fx.csv("hh.csv", [
      PARTICIPANT_HEADER,
      ["P1", "LB-1", "01990-01"],
      ["P7", "LB-2", "01990-01"],
      ["P1", "LB-3", "01990-99"],
      ["P1", " lb-1 ", "01990-02"],
      ["P1", "", "01990-01"],
    ]);
    const problems = await problemsOf(importProjectParticipants({ privateUrl: fx.privateUrl, file, secret: SECRET }));
    expect(problems).toEqual([
      "3:Mã dự án: unknown project P7: import the projects file first (`minhbach import projects FILE`), or correct the code",
      expect.stringMatching(/^4:Mã thôn: unknown village code\(s\) 01990-99: not in the private store's unit list/),
      "5:Mã hộ: duplicate: same project and household as row 2",
      "6:Mã hộ: required value is empty",
    ]);
    expect(problems.join("\n")).not.toContain("LB-1"); // the duplicate message does not echo the id
    expect(await fx.db.projectParticipant.count()).toBe(0);
  });

  it("refuses to run without the household key secret", async () => {
    fx = await withProjects();
    const file = fx.csv("hh.csv", [PARTICIPANT_HEADER, ["P1", "LB-1", "01990-01"]]);
    expect(await problemsOf(importProjectParticipants({ privateUrl: fx.privateUrl, file }))).toEqual([expect.stringMatching(/HOUSEHOLD_KEY_SECRET is not set/)]);
  });

  it("re-import replaces the participants of the projects in the file", async () => {
    fx = await withProjects();
    await importProjectParticipants({ privateUrl: fx.privateUrl, secret: SECRET, file: fx.csv("a.csv", [PARTICIPANT_HEADER, ["P1", "A", "01990-01"], ["P1", "B", "01990-01"], ["P2", "C", "01990-02"]]) });
    const s = await importProjectParticipants({ privateUrl: fx.privateUrl, secret: SECRET, file: fx.csv("b.csv", [PARTICIPANT_HEADER, ["P1", "D", "01990-02"]]) });
    expect(s.counts.replaced).toBe(2);
    const rows = await fx.db.projectParticipant.findMany({ orderBy: { projectCode: "asc" } });
    expect(rows.map((r) => [r.projectCode, r.householdKey])).toEqual([["P1", householdKey(SECRET, "D")], ["P2", householdKey(SECRET, "C")]]);
  });
});
