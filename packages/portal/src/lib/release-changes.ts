/**
 * What changed between two releases, from their published key figures only (what the public API serves for each
 * release: poor and near-poor counts and rates per unit and review year). Pure: the build feeds it one unit at a time
 * (`ChangeCollector.add`), so memory stays bounded at national size; only the top rows and capped lists are kept.
 */
import type { Fig, KeyYear, ReleaseData } from "../data/model.js";
import type { Lang } from "./format.js";
import { langPrefix } from "./urls.js";

export const MEASURES = ["poor", "nearPoor", "poorRate", "nearPoorRate"] as const;
export type Measure = (typeof MEASURES)[number];
const COUNTS: Measure[] = ["poor", "nearPoor"];

/** How many rows each list keeps (the page says how many there were in all). */
export const LIMITS = { moved: 50, hidden: 100, published: 100, units: 200 } as const;

/** One unit-year whose published figures differ between the releases: measure → [before, after]. */
export interface MovedRow {
  code: string;
  year: number;
  figures: Partial<Record<Measure, [number, number]>>;
}

/** A unit-year with figures that changed status (published → hidden, or hidden/not available → published). */
export interface StatusRow { code: string; year: number; measures: Measure[] }

export interface ReleaseChanges {
  release: string;
  previous: string;
  /** Published figures (unit × year × measure) whose value changed: the feed's "figures that moved". */
  figuresMoved: number;
  /** Largest changes first (counts, then rates), at most LIMITS.moved. */
  moved: MovedRow[];
  /** Per review year both releases cover: unit-years and figures corrected. */
  corrections: { year: number; unitYears: number; figures: number }[];
  newlyHidden: { total: number; rows: StatusRow[] };
  newlyPublished: { total: number; rows: StatusRow[] };
  newUnits: { total: number; codes: string[] };
  newYears: number[];
}

/** The "what changed" page of a release (same slug in both languages, so the language switch finds its twin). */
export function changesUrl(lang: Lang, id: string): string {
  return `${langPrefix(lang)}/releases/${encodeURIComponent(id)}/thay-doi/`;
}

/** The release a release is compared with: the one it supersedes, else the one published just before it. */
export function previousRelease(releases: ReleaseData[], r: ReleaseData): ReleaseData | undefined {
  const named = r.supersedes ? releases.find((x) => x.id === r.supersedes) : undefined;
  if (named) return named;
  return releases.filter((x) => x.seq < r.seq).sort((a, b) => b.seq - a.seq)[0];
}

const published = (f: Fig | undefined): f is Fig & { value: number } => f?.status === "PUBLISHED" && f.value !== null;

/** Ranking key: the largest count change, then the largest rate change (both absolute). */
function score(row: MovedRow): [number, number] {
  const delta = (ms: Measure[]) => Math.max(0, ...ms.map((m) => { const f = row.figures[m]; return f ? Math.abs(f[1] - f[0]) : 0; }));
  return [delta(COUNTS), delta(["poorRate", "nearPoorRate"])];
}

export function compareMoved(a: MovedRow, b: MovedRow): number {
  const [sa, sb] = [score(a), score(b)];
  return sb[0] - sa[0] || sb[1] - sa[1] || a.code.localeCompare(b.code) || a.year - b.year;
}

export class ChangeCollector {
  private moved: MovedRow[] = [];
  private figuresMoved = 0;
  private corrections = new Map<number, { unitYears: number; figures: number }>();
  private hidden: StatusRow[] = [];
  private hiddenTotal = 0;
  private shown: StatusRow[] = [];
  private shownTotal = 0;
  private newCodes: string[] = [];
  private newTotal = 0;

  constructor(private readonly prev: ReleaseData, private readonly next: ReleaseData) {}

  /** One unit's key figures in the previous and the new release (undefined: not a unit of that release). */
  add(code: string, before: KeyYear[] | undefined, after: KeyYear[] | undefined): void {
    if (!after) return;
    if (!before) {
      if (this.newCodes.length < LIMITS.units) this.newCodes.push(code);
      this.newTotal++;
      return;
    }
    const old = new Map(before.map((y) => [y.year, y]));
    for (const y of after) {
      const o = old.get(y.year);
      if (o) this.compareYear(code, o, y);
    }
  }

  private compareYear(code: string, o: KeyYear, y: KeyYear): void {
    const row: MovedRow = { code, year: y.year, figures: {} };
    const hidden: Measure[] = [];
    const shown: Measure[] = [];
    for (const m of MEASURES) {
      const [a, b] = [o[m], y[m]];
      if (published(a) && published(b)) { if (a.value !== b.value) row.figures[m] = [a.value, b.value]; }
      else if (published(a) && b.status === "SUPPRESSED") hidden.push(m);
      else if (!published(a) && published(b)) shown.push(m);
    }
    const n = Object.keys(row.figures).length;
    if (n > 0) this.addMoved(row, n);
    if (hidden.length) { this.hiddenTotal++; if (this.hidden.length < LIMITS.hidden) this.hidden.push({ code, year: y.year, measures: hidden }); }
    if (shown.length) { this.shownTotal++; if (this.shown.length < LIMITS.published) this.shown.push({ code, year: y.year, measures: shown }); }
  }

  private addMoved(row: MovedRow, figures: number): void {
    this.figuresMoved += figures;
    const c = this.corrections.get(row.year) ?? { unitYears: 0, figures: 0 };
    this.corrections.set(row.year, { unitYears: c.unitYears + 1, figures: c.figures + figures });
    this.moved.push(row);
    // Keep memory bounded: trim to the top rows once the buffer is well past the limit.
    if (this.moved.length > LIMITS.moved * 20) this.moved = this.moved.sort(compareMoved).slice(0, LIMITS.moved);
  }

  result(): ReleaseChanges {
    const prevYears = new Set(this.prev.years);
    return {
      release: this.next.id, previous: this.prev.id, figuresMoved: this.figuresMoved,
      moved: this.moved.sort(compareMoved).slice(0, LIMITS.moved),
      corrections: [...this.corrections].sort(([a], [b]) => a - b).map(([year, c]) => ({ year, ...c })),
      newlyHidden: { total: this.hiddenTotal, rows: this.hidden },
      newlyPublished: { total: this.shownTotal, rows: this.shown },
      newUnits: { total: this.newTotal, codes: this.newCodes },
      newYears: this.next.years.filter((y) => !prevYears.has(y)).sort((a, b) => a - b),
    };
  }
}
