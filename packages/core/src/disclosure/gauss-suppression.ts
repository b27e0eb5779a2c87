/**
 * Secondary suppression by Gaussian elimination, a port of the method of
 *   Øyvind Langsrud (2019), "Gaussian elimination for cell suppression", and the R function
 *   `GaussSuppression()` of the SSBtools/GaussSuppression packages (Statistics Norway,
 *   https://cran.r-project.org/package=GaussSuppression).
 * Candidate cells are visited in priority order; a candidate is published unless publishing it would make some
 * sensitive cell (suppressed primary or hidden sensitive) a linear combination of the published cells.
 * Not ported: the singleton/zero-frequency refinements of the R package (a household count needs neither here,
 * because the interval attack that follows covers what they approximate).
 */
import { ReducedEchelon } from "./reduced-echelon.ts";
import { vectorFromTerms } from "./exact.ts";
import type { ProtectionCell, ProtectionProblem } from "./types.ts";

export interface GaussOutcome {
  published: Set<string>;
  /** Publishable, non-sensitive cells suppressed to protect a sensitive cell. */
  secondary: Set<string>;
  /** Sensitive cells already determined by cells that had to be published (history): cannot be protected here. */
  determinedByForced: string[];
}

/** Default cost of losing a cell: bigger aggregates (province > district > commune > village) are worth more. */
export function cellWeight(cell: ProtectionCell): number {
  return cell.weight ?? cell.terms.length;
}

/**
 * Priority order: highest weight first (kept published if at all possible); among equal weights SMALLER values first,
 * so the secondary chosen for a primary is the sibling with the most households — it hides the primary in a wide
 * interval, where the smallest sibling (often a zero, which SSBtools also avoids as a secondary by default,
 * `secondaryZeros = FALSE`) would leave it in a narrow one and cost another round of the interval loop. Then id, for
 * determinism across runs.
 */
export function byPublishPriority(a: ProtectionCell, b: ProtectionCell): number {
  return cellWeight(b) - cellWeight(a) || a.value - b.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Runs Gaussian-elimination secondary suppression.
 * @param extraSuppressed publishable cells the caller wants suppressed regardless (interval protection picks).
 */
export function gaussSuppress(problem: ProtectionProblem, extraSuppressed: ReadonlySet<string>): GaussOutcome {
  const echelon = new ReducedEchelon();
  const sensitiveCells = problem.cells.filter((cell) => cell.sensitive);
  let protecting = false;
  sensitiveCells.forEach((cell, index) => {
    const vector = vectorFromTerms(cell.terms);
    if (vector.size > 0) {
      echelon.addSensitive(index, vector);
      protecting = true;
    }
  });

  const mustPublish: ProtectionCell[] = [];
  const candidates: ProtectionCell[] = [];
  for (const cell of problem.cells) {
    if (!cell.publishable || cell.sensitive || extraSuppressed.has(cell.id) || cell.forced === "SUPPRESSED") continue;
    (cell.forced === "PUBLISHED" ? mustPublish : candidates).push(cell);
  }
  // Nothing sensitive to protect (common in the indicator tables): every candidate would pass the elimination below,
  // which costs as much as a table with suppressions.
  if (!protecting) {
    return { published: new Set([...mustPublish, ...candidates].map((cell) => cell.id)), secondary: new Set(), determinedByForced: [] };
  }
  mustPublish.sort(byPublishPriority);
  candidates.sort(byPublishPriority);

  const published = new Set<string>();
  const secondary = new Set<string>();
  for (const cell of mustPublish) {
    const reduced = echelon.reduce(vectorFromTerms(cell.terms));
    if (reduced.size > 0) echelon.publish(reduced);
    published.add(cell.id);
  }
  const determinedByForced = [...echelon.determined].map((index) => sensitiveCells[index]!.id);

  for (const cell of candidates) {
    const reduced = echelon.reduce(vectorFromTerms(cell.terms));
    if (reduced.size === 0) {
      published.add(cell.id); // already implied by what is published: publishing it reveals nothing new
    } else if (echelon.wouldDetermine(reduced) !== undefined) {
      secondary.add(cell.id);
    } else {
      echelon.publish(reduced);
      published.add(cell.id);
    }
  }
  return { published, secondary, determinedByForced };
}
