/**
 * Importers for the record files (sources, projects, funding, participants, credit, jobs, plans, inspections, official
 * figures).
 * Each is `import<Kind>({ privateUrl, file, secret? })` → summary, all-or-nothing, throwing ImportError with every
 * problem. Why a table of kinds: the CLI registers one subcommand per entry, and the demo generator calls by name.
 */
import { creditKind } from "./kinds/credit.js";
import { inspectionsKind } from "./kinds/inspections.js";
import { jobsKind } from "./kinds/jobs.js";
import { officialFiguresKind, type OfficialFiguresOptions } from "./kinds/official-figures.js";
import { plansKind } from "./kinds/plans.js";
import { projectFundingKind } from "./kinds/project-funding.js";
import { projectParticipantsKind } from "./kinds/project-participants.js";
import { projectsKind } from "./kinds/projects.js";
import { sourcesKind } from "./kinds/sources.js";
import { runRecordImport, type RecordImportOptions, type RecordImportSummary } from "./runner.js";

export type { RecordImportOptions, RecordImportSummary } from "./runner.js";
export * from "./columns.js";

type Importer = (opts: RecordImportOptions) => Promise<RecordImportSummary>;

export const importSources: Importer = (o) => runRecordImport(sourcesKind, o);
export const importProjects: Importer = (o) => runRecordImport(projectsKind, o);
export const importProjectFunding: Importer = (o) => runRecordImport(projectFundingKind, o);
export const importProjectParticipants: Importer = (o) => runRecordImport(projectParticipantsKind, o);
export const importCredit: Importer = (o) => runRecordImport(creditKind, o);
export const importJobs: Importer = (o) => runRecordImport(jobsKind, o);
export const importPlans: Importer = (o) => runRecordImport(plansKind, o);
export const importInspections: Importer = (o) => runRecordImport(inspectionsKind, o);
/** Officially reported figures; `skipUnknown` skips rows whose unit is not in the unit list (with a warning each). */
export const importOfficialFigures = (o: RecordImportOptions & OfficialFiguresOptions) => runRecordImport(officialFiguresKind(o), o);
export { OFFICIAL_FIGURE_COLUMNS, OFFICIAL_FIGURE_QUALITIES } from "./kinds/official-figures-fields.js";

/** CLI name → importer, in the order files must be imported (sources and projects before what refers to them). */
export const RECORD_IMPORTERS = {
  sources: { run: importSources, columns: sourcesKind.columns, needsSecret: false },
  projects: { run: importProjects, columns: projectsKind.columns, needsSecret: false },
  "project-funding": { run: importProjectFunding, columns: projectFundingKind.columns, needsSecret: false },
  "project-participants": { run: importProjectParticipants, columns: projectParticipantsKind.columns, needsSecret: true },
  credit: { run: importCredit, columns: creditKind.columns, needsSecret: false },
  jobs: { run: importJobs, columns: jobsKind.columns, needsSecret: false },
  plans: { run: importPlans, columns: plansKind.columns, needsSecret: false },
  inspections: { run: importInspections, columns: inspectionsKind.columns, needsSecret: false },
  "official-figures": { run: importOfficialFigures, columns: officialFiguresKind().columns, needsSecret: false },
} as const;

export type RecordFileKind = keyof typeof RECORD_IMPORTERS;
