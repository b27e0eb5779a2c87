/**
 * The parts of a release that are not household counts: units and their history, sources, projects, credit, jobs,
 * plans, inspections and officially reported figures. Why separate: these are copied (and, for small counts,
 * primary-protected), not aggregated. Official figures are copied as their sources give them: already public, so no
 * disclosure control, and never added into a computed count.
 */
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import type { SuppressionRow } from "@minhbach/db/publish-report.ts";
import type { ReleaseContent } from "@minhbach/db/release-content.ts";
import type { PrivateSnapshot } from "./load-private.js";

type Content = Omit<ReleaseContent, "release" | "cells" | "unitYears" | "standards" | "indicators">;

const ids = (json: string): string[] => JSON.parse(json) as string[];

/** Administrative figures (credit, jobs) are counts of loans and people, not of households in the review, and are not
 *  additive in any published table; a count in 1..k−1 is still suppressed, unless a cited public source already
 *  published it (e.g. "3 people went to work abroad" in the press is not secret). A suppressed count's reason
 *  (always PRIMARY here) goes to the private store only, as every hidden figure's does. */
function adminCount(value: number, fromCitedSource: boolean, k: number, hidden: () => void): { value: number | null; status: string } {
  if (fromCitedSource || value === 0 || value >= k) return { value, status: "PUBLISHED" };
  hidden();
  return { value: null, status: "SUPPRESSED" };
}

export interface StaticRelease {
  content: Content;
  /** why each suppressed credit and jobs figure is hidden (publish-report.ts) */
  suppressions: SuppressionRow[];
}

export function buildStaticContent(snap: PrivateSnapshot, k: number): StaticRelease {
  const suppressions: SuppressionRow[] = [];
  const hide = (kind: "CREDIT" | "JOBS", subject: string, year: number, measure: string) => () =>
    suppressions.push({ kind, subject, year, measure, reason: "PRIMARY" });
  const realSources = new Set(snap.sources.filter((s) => !s.synthetic).map((s) => s.id));
  const cited = (json: string) => ids(json).some((id) => realSources.has(id));
  const projectUnits: Content["projectUnits"] = [];
  for (const p of snap.projects) {
    const units = new Map<string, boolean>();
    for (const v of p.villages) {
      units.set(v.villageCode, true);
      const at = p.startDate ?? new Date();
      for (const a of snap.hierarchy.ancestorsAt(v.villageCode, at)) if (!units.has(a)) units.set(a, false);
      for (const a of snap.hierarchy.ancestorsAt(v.villageCode, snap.hierarchy.currentDate())) if (!units.has(a)) units.set(a, false);
    }
    for (const [unitCode, direct] of units) projectUnits.push({ projectCode: p.code, unitCode, direct });
  }
  const content: Content = {
    sources: snap.sources.map((s) => ({ id: s.id, title: s.title, publisher: s.publisher, url: s.url, date: s.date, kind: s.kind, synthetic: s.synthetic })),
    units: snap.units.map((u) => ({
      code: u.code, gsoCode: u.gsoCode, level: u.level, name: u.name, nameAscii: foldVietnamese(u.name), type: u.type,
      parentCode: u.parentCode, validFrom: u.validFrom, validTo: u.validTo, centroidLat: u.centroidLat, centroidLng: u.centroidLng,
      geometry: u.geometry, geometryIllustrative: u.geometryIllustrative, synthetic: u.synthetic,
    })),
    unitParents: snap.parents.map((p) => ({ unitCode: p.unitCode, parentCode: p.parentCode, validFrom: p.validFrom, validTo: p.validTo })),
    unitChanges: snap.changes.map((c) => ({
      id: c.id, kind: c.kind, fromCode: c.fromCode, toCode: c.toCode, effectiveDate: c.effectiveDate, legalBasis: c.legalBasis, note: c.note,
    })),
    projects: [], // filled by the project table (participant counts are protected there)
    projectFunding: snap.projects.flatMap((p) =>
      p.funding.map((f) => ({ projectCode: p.code, fundingSource: f.fundingSource, budgetVnd: f.budgetVnd, disbursedVnd: f.disbursedVnd })),
    ),
    projectUnits,
    credit: snap.credit.map((c) => {
      const turns = adminCount(c.loanTurns, cited(c.sourceIds), k, hide("CREDIT", c.unitCode, c.year, `loanTurns:${c.programme}`));
      return {
        unitCode: c.unitCode, year: c.year, programme: c.programme, loanTurnsValue: turns.value, loanTurnsStatus: turns.status,
        outstandingVnd: c.outstandingVnd, synthetic: c.synthetic, sourceIds: c.sourceIds,
      };
    }),
    jobs: snap.jobs.map((j) => {
      const domestic = adminCount(j.domestic, cited(j.sourceIds), k, hide("JOBS", j.unitCode, j.year, "domestic"));
      const abroad = adminCount(j.abroad, cited(j.sourceIds), k, hide("JOBS", j.unitCode, j.year, "abroad"));
      return {
        unitCode: j.unitCode, year: j.year, domesticValue: domestic.value, domesticStatus: domestic.status,
        abroadValue: abroad.value, abroadStatus: abroad.status,
        synthetic: j.synthetic, sourceIds: j.sourceIds,
      };
    }),
    plans: snap.plans.map((p) => ({
      id: p.id, unitCode: p.unitCode, year: p.year, title: p.title, reference: p.reference, date: p.date, synthetic: p.synthetic, sourceIds: p.sourceIds,
    })),
    inspections: snap.inspections.map((i) => ({
      id: i.id, unitCode: i.unitCode, date: i.date, body: i.body, subject: i.subject, synthetic: i.synthetic, sourceIds: i.sourceIds,
    })),
    officialFigures: snap.officialFigures.map(({ id: _id, ...f }) => f),
  };
  return { content, suppressions };
}
