/**
 * Rows already read from the public store, shared by all requests. Why this is safe: a release never changes once
 * complete, so rows keyed by (release, kind, key) never go stale. Why it matters: Prisma costs ~1–2 ms per statement,
 * so a commune profile that is not in the response cache would otherwise spend most of its time re-reading the same
 * immutable rows. Bounded by the number of rows held (LRU by key).
 */
export class RowCache {
  private readonly map = new Map<string, readonly unknown[]>();
  private rows = 0;

  constructor(readonly maxRows = 300_000) {}

  get enabled(): boolean {
    return this.maxRows > 0;
  }

  get<R>(key: string): readonly R[] | undefined {
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit as readonly R[] | undefined;
  }

  set(key: string, rows: readonly unknown[]): void {
    if (!this.enabled || rows.length > this.maxRows) return;
    const old = this.map.get(key);
    if (old) this.rows -= Math.max(old.length, 1);
    this.map.set(key, rows);
    this.rows += Math.max(rows.length, 1);
    while (this.rows > this.maxRows) {
      const [k, v] = this.map.entries().next().value as [string, readonly unknown[]];
      this.map.delete(k);
      this.rows -= Math.max(v.length, 1);
    }
  }

  clear(): void {
    this.map.clear();
    this.rows = 0;
  }

  get size(): number {
    return this.map.size;
  }
}

/**
 * View objects derived from cached rows (Unit, PovertyStat with its measures and notes…), kept beside the very row
 * objects or arrays they were built from. Why this is safe: the rows are immutable release rows and the views are
 * pure functions of them and of `key` (language, disclosure k); a view is never mutated after it is built. Why a
 * WeakMap on the rows: the views live exactly as long as the row cache keeps the rows, and with the row cache off
 * every request reads fresh rows, so nothing is reused.
 */
const views = new WeakMap<object, Map<string, unknown>>();

export function derivedView<T>(rows: object, key: string, build: () => T): T {
  let byKey = views.get(rows);
  if (!byKey) views.set(rows, (byKey = new Map()));
  let view = byKey.get(key) as T | undefined;
  if (view === undefined) byKey.set(key, (view = build()));
  return view;
}
