/**
 * The portal's build-time data model: what the extractor writes from GraphQL answers and what pages read. Why its own
 * shape: pages read one small JSON file each (a unit, or a commune with its villages), so the build scales to the
 * national data set without holding every unit in memory; notes are worded at render time in either language.
 */
import type { AnyUnitLevel } from "@minhbach/core/units/levels.ts";
export type Status = "PUBLISHED" | "SUPPRESSED" | "NOT_AVAILABLE";

/**
 * A figure as the API answers it (value null unless PUBLISHED). No reason: every hidden figure reads alike, since
 * which rule hid it would bound the hidden count (issue #16).
 */
export interface Fig {
  value: number | null;
  status: Status;
}

/**
 * A poor rate's status in the compact tables (index, maps, cards): Published, Suppressed, Not available, or
 * C — the unit-year's Coverage is incomplete (too few villages/communes reported), so it has no total.
 */
export type RateStatus = "P" | "S" | "N" | "C";

/** Children that reported in a review year against those that existed; `of` is the children's level. */
export interface Coverage {
  reported: number;
  expected: number;
  of: "VILLAGE" | "COMMUNE";
}

export interface UnitRef {
  code: string;
  name: string;
  level: Level;
  type: string;
}

/** Every unit level, as core lists them (`ALL_UNIT_LEVELS`). */
export type Level = AnyUnitLevel;

export interface Change {
  kind: string;
  effectiveDate: string;
  legalBasis: string;
  note: string | null;
  from: UnitRef | null;
  to: UnitRef & { parent?: UnitRef | null } | null;
}

export interface YearStat {
  year: number;
  standardId: string;
  /** The unit-year's own flag (a village of it has synthetic records): the only thing that labels figures synthetic. */
  synthetic: boolean;
  /** Null for villages, and for releases written before coverage was published. */
  coverage: Coverage | null;
  sourceIds: string[];
  households: Fig;
  poor: Fig;
  nearPoor: Fig;
  poorRate: Fig;
  nearPoorRate: Fig;
  newlyPoor: Fig;
  rePoor: Fig;
  escapedPoor: Fig;
  projectParticipants: Fig;
  deprivations: { code: string; households: Fig; share: Fig }[];
}

export interface CreditRow {
  year: number;
  programme: string;
  loanTurns: Fig;
  outstandingVnd: number | null;
  synthetic: boolean;
  sourceIds: string[];
}

export interface JobsRow {
  year: number;
  domestic: Fig;
  abroad: Fig;
  synthetic: boolean;
  sourceIds: string[];
}

export interface ParentPeriod {
  parentCode: string;
  parentName: string | null;
  validFrom: string;
  validTo: string | null;
}

export type OfficialQuality = "REPORTED" | "PRELIMINARY" | "SECONDARY" | "UNCERTAIN";

/**
 * A figure as an authority reported it (already public: no disclosure control). Why its own type: it is never mixed
 * into counts computed from household reviews, and several sources for one unit-year stay side by side.
 */
export interface OfficialFigure {
  year: number;
  poorHouseholds: number | null;
  poorRate: number | null;
  nearPoorHouseholds: number | null;
  nearPoorRate: number | null;
  totalHouseholds: number | null;
  quality: OfficialQuality;
  qualityNote: string | null;
  source: { title: string; publisher: string; url: string | null; date: string | null } | null;
}

/** Everything a profile page shows about one unit. */
export interface UnitData extends UnitRef {
  gsoCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  synthetic: boolean;
  geometryIllustrative: boolean;
  hasGeometry: boolean;
  centroid: { lat: number; lng: number } | null;
  parentCode: string | null;
  ancestors: UnitRef[];
  parentHistory: ParentPeriod[];
  successors: Change[];
  predecessors: Change[];
  children: UnitRef[];
  poverty: YearStat[];
  credit: CreditRow[];
  jobs: JobsRow[];
  projectCodes: string[];
  /** Officially reported figures, newest year first (empty when none was found, never zero). */
  officialFigures: OfficialFigure[];
}

export interface ProjectData {
  code: string;
  name: string;
  programme: string | null;
  component: string | null;
  budgetVnd: number | null;
  disbursedVnd: number | null;
  households: Fig;
  startDate: string | null;
  endDate: string | null;
  status: string | null;
  decisionRef: string | null;
  synthetic: boolean;
  sourceIds: string[];
  funding: { source: string; budgetVnd: number; disbursedVnd: number }[];
  villages: UnitRef[];
  /** Communes and districts the project runs in (from the villages' ancestors), for money-beside-outcomes. */
  areas: UnitRef[];
}

export interface SourceData {
  id: string;
  title: string;
  publisher: string;
  url: string | null;
  date: string | null;
  kind: string;
  synthetic: boolean;
}

export interface ReleaseData {
  id: string;
  seq: number;
  title: string;
  createdAt: string;
  checksum: string;
  changeNote: string | null;
  supersedes: string | null;
  synthetic: boolean;
  disclosureK: number | null;
  years: number[];
  latest: boolean;
}

export interface StandardData {
  id: string;
  name: string;
  legalBasis: string;
  fromYear: number;
  toYear: number;
  ruralLine: number;
  urbanLine: number;
  minDeprived: number;
}

export interface IndicatorData {
  code: string;
  standard: string;
  ordinal: number;
  labelVi: string;
  labelEn: string;
  dimensionVi: string;
  dimensionEn: string;
}

/** One row per unit in the site index: enough for lists, search, maps and the sitemap. */
export interface IndexEntry extends UnitRef {
  parentCode: string | null;
  /** The page that holds this unit: its own code, or its commune's for a village (villages live on commune pages). */
  page: string;
  nameAscii: string;
  years: number[];
  validTo: string | null;
  synthetic: boolean;
  hasGeometry: boolean;
  centroid: { lat: number; lng: number } | null;
  /** Poor rate per year: [year, value|null, status initial]. */
  rates: [number, number | null, RateStatus][];
  /** Review years whose figures are synthetic (the unit-year's own flag), for badges beside a year's figure. */
  syntheticYears: number[];
  validFrom: string | null;
  /** The latest officially reported poor rate (see lib/official.ts for which one when sources differ), or null. */
  official: { year: number; rate: number; quality: OfficialQuality } | null;
  /** No figures, projects, boundary or pages below: the page is the shared template filled by the server. */
  templated: boolean;
}

/** The key figures of one review year as an earlier release published them (what a pinned permalink shows). */
export interface KeyYear {
  year: number;
  standardId: string;
  coverage: Coverage | null;
  households: Fig;
  poor: Fig;
  nearPoor: Fig;
  poorRate: Fig;
  nearPoorRate: Fig;
}

/** The site-wide part of a snapshot (site.json). Units and projects live in their own files. */
export interface SiteData {
  builtAt: string;
  release: ReleaseData;
  releases: ReleaseData[];
  standards: StandardData[];
  indicators: IndicatorData[];
  sources: SourceData[];
  units: IndexEntry[];
  projects: { code: string; name: string; synthetic: boolean; budgetVnd: number | null; areaCodes: string[] }[];
  /** Headline figures of every release, per unit, for pinned embeds: release id → code → [year, poorRate, status][]. */
  history: Record<string, Record<string, [number, number | null, RateStatus][]>>;
}
