/**
 * Builds every record file of the demo (sources, projects, funding, participants, credit, jobs, plans, inspections)
 * as CSV text: the real rows from the seed article plus synthetic rows for other communes and years, each labelled.
 * Why generated with the households: participants must be households of the reviews, and credit follows poverty.
 */
import {
  CREDIT_COLUMNS, INSPECTION_COLUMNS, JOBS_COLUMNS, PLAN_COLUMNS, PROJECT_COLUMNS, PROJECT_FUNDING_COLUMNS,
  PROJECT_PARTICIPANT_COLUMNS, SOURCE_COLUMNS,
} from "../../import/records/columns.js";
import { toCsv, type Cell } from "../csv.js";
import type { ReviewYear } from "../households/generate.js";
import { Rng } from "../random.js";
import { DEMO_SOURCES, SOURCE_IDS } from "../sources.js";
import { LUC_BINH, type CommuneProfile, type DemoMap } from "../units.js";
import { pickParticipants } from "./participants.js";
import { COMPONENT_2, NTP_SPR, REAL_CREDIT, REAL_INSPECTIONS, REAL_JOBS, REAL_PLANS, REAL_PROJECTS } from "./real.js";

type Row = Record<string, Cell>;
const SYN = SOURCE_IDS.generator;

const COMPONENTS = [
  "Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn",
  COMPONENT_2,
  "Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng",
  "Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững",
  "Dự án 5: Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo",
];
const MODELS = ["nuôi bò sinh sản", "nuôi lợn đen địa phương", "trồng hồi", "trồng quế", "nuôi gà thả vườn", "trồng cam quýt", "nuôi ong lấy mật", "trồng dong riềng", "đào tạo nghề may", "hỗ trợ làm nhà ở"];

export type DemoFiles = Record<"sources" | "projects" | "project-funding" | "project-participants" | "credit" | "jobs" | "plans" | "inspections", string>;

export function buildRecordFiles(map: DemoMap, reviews: readonly ReviewYear[], seed: number): DemoFiles {
  const rng = new Rng(seed, "records");
  const review = (y: number) => reviews.find((r) => r.year === y)!;
  const projects: Row[] = [];
  const funding: Row[] = [];
  const participants: Row[] = [];

  // Real projects (2023): participants among the 2023 review's households of those villages.
  const goatIds: string[] = [];
  for (const p of REAL_PROJECTS) {
    projects.push({ code: p.code, name: p.name, programme: NTP_SPR, component: COMPONENT_2, village_codes: p.villages.map((v) => v.code).join(";"),
      start_date: "2023-01-01", end_date: "2023-12-31", status: "COMPLETED", decision_ref: null, synthetic: 0, source_ids: SOURCE_IDS.article });
    funding.push({ project_code: p.code, funding_source: "CENTRAL", budget_vnd: p.budgetVnd, disbursed_vnd: p.budgetVnd });
    for (const v of p.villages) {
      for (const id of pickParticipants(rng, review(2023), v.code, v.participants)) {
        participants.push({ project_code: p.code, household_id: id, village_code: v.code });
        if (p.code === "LB-2023-DE") goatIds.push(id);
      }
    }
  }
  // A synthetic 2024 nutrition project in Lủng Chang overlapping the goat project's households.
  const overlap = { code: "LB-2024-DD", commune: map.communes.find((c) => c.gsoCode === LUC_BINH)!, year: 2024, villages: ["01990-01"], component: COMPONENTS[2]!, model: "cải thiện dinh dưỡng cho trẻ em" };
  const synthetic = [overlap, ...syntheticProjects(rng, map.communes)];
  for (const p of synthetic) {
    const budget = BigInt(rng.int(8, 60) * 10_000_000);
    projects.push({ code: p.code, name: `Dự án ${p.model} (giả lập)`, programme: NTP_SPR, component: p.component, village_codes: p.villages.join(";"),
      start_date: `${p.year}-03-01`, end_date: `${p.year}-12-31`, status: p.year >= 2025 ? "ONGOING" : "COMPLETED", decision_ref: null, synthetic: 1, source_ids: SYN });
    funding.push({ project_code: p.code, funding_source: "CENTRAL", budget_vnd: (budget * 8n) / 10n, disbursed_vnd: p.year >= 2025 ? (budget * 4n) / 10n : (budget * 8n) / 10n });
    funding.push({ project_code: p.code, funding_source: "PEOPLE", budget_vnd: budget / 5n, disbursed_vnd: budget / 5n });
    for (const v of p.villages) {
      const prefer = p === overlap ? goatIds.slice(0, 6) : [];
      for (const id of pickParticipants(rng, review(p.year), v, rng.int(6, 18), prefer)) participants.push({ project_code: p.code, household_id: id, village_code: v });
    }
  }

  const { credit, jobs } = creditAndJobs(rng, map, reviews);
  const plans: Row[] = [...REAL_PLANS];
  for (const c of map.communes) plans.push({ unit_code: c.code, year: 2024, title: "Kế hoạch thực hiện công tác giảm nghèo năm 2024 (giả lập)",
    reference: `${rng.int(20, 90)}/KH-UBND`, date: `2024-0${rng.int(1, 4)}-${String(rng.int(10, 28))}`, synthetic: 1, source_ids: SYN });
  const inspections: Row[] = [...REAL_INSPECTIONS];
  for (const c of rng.shuffle(map.communes).slice(0, 20)) {
    const year = rng.int(2022, 2024);
    inspections.push({ unit_code: c.code, date: `${year}-${String(rng.int(5, 11)).padStart(2, "0")}-${rng.int(10, 28)}`, body: "Đoàn kiểm tra huyện (giả lập)",
      subject: "Kiểm tra công tác rà soát hộ nghèo, hộ cận nghèo và thực hiện các dự án giảm nghèo (giả lập)", synthetic: 1, source_ids: SYN });
  }
  const sources = DEMO_SOURCES.map((s) => ({ ...s, synthetic: s.synthetic ? 1 : 0 }));
  return {
    sources: toCsv(SOURCE_COLUMNS, sources),
    projects: toCsv(PROJECT_COLUMNS, projects),
    "project-funding": toCsv(PROJECT_FUNDING_COLUMNS, funding),
    "project-participants": toCsv(PROJECT_PARTICIPANT_COLUMNS, participants),
    credit: toCsv(CREDIT_COLUMNS, credit),
    jobs: toCsv(JOBS_COLUMNS, jobs),
    plans: toCsv(PLAN_COLUMNS, plans),
    inspections: toCsv(INSPECTION_COLUMNS, inspections),
  };
}

interface SyntheticProject { code: string; commune: CommuneProfile; year: number; villages: string[]; component: string; model: string }

/** About 40 projects in other communes, 2021–2025; a few share villages (and so households) with another project. */
function syntheticProjects(rng: Rng, communes: readonly CommuneProfile[]): SyntheticProject[] {
  const out: SyntheticProject[] = [];
  const pool = communes.filter((c) => c.gsoCode !== LUC_BINH && !c.urban);
  for (let i = 0; i < 40; i++) {
    const again = i > 0 && rng.chance(0.2);
    const base = again ? out[rng.int(0, out.length - 1)]! : undefined;
    const commune = base?.commune ?? rng.pick(pool);
    const year = base ? Math.min(2025, base.year + 1) : rng.int(2021, 2025);
    const villages = base ? base.villages.slice(0, 1) : rng.shuffle(commune.villages).slice(0, rng.int(1, 3)).sort();
    out.push({ code: `DEMO-${year}-${String(i + 1).padStart(3, "0")}`, commune, year, villages, component: rng.pick(COMPONENTS), model: rng.pick(MODELS) });
  }
  return out;
}

/** Credit and jobs per commune: old communes 2021–2024, the new communes in 2025; Lục Bình 2023 is the real row. */
function creditAndJobs(rng: Rng, map: DemoMap, reviews: readonly ReviewYear[]): { credit: Row[]; jobs: Row[] } {
  const credit: Row[] = [...REAL_CREDIT];
  const jobs: Row[] = [...REAL_JOBS];
  const prefixOf = new Map(map.communes.map((c) => [c.gsoCode, c]));
  for (const r of reviews) {
    const needy = new Map<string, number>();
    for (const row of r.rows) {
      const c = prefixOf.get(row.villageCode.slice(0, 5))!;
      const unit = r.year >= 2025 ? c.newCode : c.code;
      if (r.classes.get(row.householdId) !== "NOT_POOR") needy.set(unit, (needy.get(unit) ?? 0) + 1);
      else if (!needy.has(unit)) needy.set(unit, 0);
    }
    for (const [unit, n] of [...needy].sort(([a], [b]) => a.localeCompare(b))) {
      if (unit === LUC_BINH && r.year === 2023) continue;
      const turns = Math.max(5, Math.round(n * rng.uniform(0.25, 0.45)));
      credit.push({ unit_code: unit, year: r.year, programme: "Cho vay hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo (giả lập)", loan_turns: turns,
        outstanding_vnd: BigInt(turns) * BigInt(rng.int(45, 70)) * 1_000_000n, synthetic: 1, source_ids: SYN });
      jobs.push({ unit_code: unit, year: r.year, domestic: rng.int(5, 60), abroad: rng.int(0, 6), synthetic: 1, source_ids: SYN });
    }
  }
  return { credit, jobs };
}
