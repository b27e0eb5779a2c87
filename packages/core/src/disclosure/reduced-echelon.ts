/**
 * The suppressor's incremental exact linear algebra: the span of the published cells kept in sparse, fully reduced
 * echelon form over the inner cells, plus every sensitive cell reduced modulo that span (Langsrud 2019, §3).
 *
 * Both kinds of vector have zeros in every pivot column, so each is the unique representative of its coset. Hence a
 * sensitive cell s becomes a linear combination of the published cells after publishing candidate c exactly when the
 * reduced s is a non-zero multiple of the reduced c — an O(|c|) check instead of a rank computation.
 */
import { checkedAdd, checkedMul, normalizeInPlace, type SparseVector } from "./exact.ts";

/**
 * target ← row[pivot] · target − target[pivot] · row, in place (no allocation: this is the hot loop), then
 * gcd-normalised. Removes `pivot` from target exactly; reports which columns entered and left target.
 */
function eliminateInPlace(target: SparseVector, row: SparseVector, pivot: number, entered: number[], left: number[]): void {
  const rowPivot = row.get(pivot)!;
  const targetPivot = target.get(pivot)!;
  if (rowPivot !== 1) for (const [column, coef] of target) target.set(column, checkedMul(coef, rowPivot));
  for (const [column, coef] of row) {
    const previous = target.get(column);
    const next = checkedAdd(previous ?? 0, -checkedMul(targetPivot, coef));
    if (next === 0) {
      target.delete(column);
      left.push(column);
    } else {
      target.set(column, next);
      if (previous === undefined) entered.push(column);
    }
  }
  normalizeInPlace(target);
}

/** A family of sparse vectors with a column → ids index, so "which vectors contain column j" is O(1). */
class IndexedVectors {
  readonly vectors = new Map<number, SparseVector>();
  private readonly byColumn = new Map<number, Set<number>>();

  countAt(column: number): number {
    return this.byColumn.get(column)?.size ?? 0;
  }

  idsAt(column: number): number[] {
    return [...(this.byColumn.get(column) ?? [])];
  }

  add(id: number, vector: SparseVector): void {
    this.vectors.set(id, vector);
    for (const column of vector.keys()) this.index(column, id);
  }

  /** Eliminates `pivot` from vector `id` using `row`, keeping the index in step; returns the updated vector. */
  eliminate(id: number, row: SparseVector, pivot: number): SparseVector {
    const vector = this.vectors.get(id)!;
    const entered: number[] = [];
    const left: number[] = [];
    eliminateInPlace(vector, row, pivot, entered, left);
    for (const column of left) this.byColumn.get(column)!.delete(id);
    for (const column of entered) this.index(column, id);
    return vector;
  }

  private index(column: number, id: number): void {
    let ids = this.byColumn.get(column);
    if (!ids) this.byColumn.set(column, (ids = new Set()));
    ids.add(id);
  }
}

export class ReducedEchelon {
  /** Basis rows keyed by their pivot column. */
  private readonly rows = new IndexedVectors();
  /** Sensitive cells (by caller-chosen id) reduced modulo the published span. */
  private readonly sensitive = new IndexedVectors();
  /** Sensitive ids whose reduced vector is zero: already determined by the published cells. */
  readonly determined = new Set<number>();

  addSensitive(id: number, vector: SparseVector): void {
    const reduced = this.reduce(vector);
    if (reduced.size === 0) this.determined.add(id);
    else this.sensitive.add(id, reduced);
  }

  /** The canonical representative of `vector` modulo the published span (zeros in every pivot column). */
  reduce(vector: SparseVector): SparseVector {
    const reduced = new Map(vector);
    const scratch: number[] = [];
    // Rows are fully reduced, so eliminating one pivot never re-introduces another: one pass suffices.
    for (const column of vector.keys()) {
      const row = this.rows.vectors.get(column);
      if (row && reduced.has(column)) eliminateInPlace(reduced, row, column, scratch, scratch);
      scratch.length = 0;
    }
    normalizeInPlace(reduced);
    return reduced;
  }

  /** Id of a sensitive cell that publishing `reduced` (a reduced, non-zero candidate) would determine, if any. */
  wouldDetermine(reduced: SparseVector): number | undefined {
    let probe = -1;
    let fewest = Infinity;
    for (const column of reduced.keys()) {
      const count = this.sensitive.countAt(column);
      if (count < fewest) [probe, fewest] = [column, count];
      if (count === 0) return undefined;
    }
    const probeCoef = reduced.get(probe)!;
    for (const id of this.sensitive.idsAt(probe)) {
      const candidate = this.sensitive.vectors.get(id)!;
      if (candidate.size !== reduced.size) continue;
      const scale = candidate.get(probe)!;
      let proportional = true;
      for (const [column, coef] of reduced) {
        const other = candidate.get(column);
        if (other === undefined || checkedMul(other, probeCoef) !== checkedMul(coef, scale)) {
          proportional = false;
          break;
        }
      }
      if (proportional) return id;
    }
    return undefined;
  }

  /** Adds a reduced, non-zero vector to the published span and keeps everything fully reduced. */
  publish(reduced: SparseVector): void {
    const pivot = this.choosePivot(reduced);
    for (const id of this.rows.idsAt(pivot)) this.rows.eliminate(id, reduced, pivot);
    for (const id of this.sensitive.idsAt(pivot)) {
      if (this.sensitive.eliminate(id, reduced, pivot).size === 0) this.determined.add(id);
    }
    this.rows.add(pivot, reduced);
  }

  /**
   * Markowitz-style choice: the column touching the fewest stored vectors limits fill-in (this is what keeps
   * hierarchical tables near-linear even though totals are processed first); unit coefficients keep numbers small.
   */
  private choosePivot(reduced: SparseVector): number {
    let best = -1;
    let bestScore = Infinity;
    for (const [column, coef] of reduced) {
      const score = 2 * (this.rows.countAt(column) + this.sensitive.countAt(column)) + (Math.abs(coef) === 1 ? 0 : 1);
      if (score < bestScore) [best, bestScore] = [column, score];
      if (score === 0) break;
    }
    return best;
  }
}
