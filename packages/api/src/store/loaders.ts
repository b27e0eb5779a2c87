/**
 * Per-request DataLoaders over the public store. Why: a query for 100 communes with their series and parents must
 * issue a bounded number of SQL statements (one per kind of row per level of the query), not one per unit.
 * Keys are "<releaseId>\u0000<key>"; each batch groups its keys by release.
 */
import DataLoader from "dataloader";
import type { PublicDb, PublicModels as P } from "@minhbach/db/public.ts";
import { RowCache } from "./row-cache.js";

const SEP = "\u0000";
export const loaderKey = (releaseId: string, key: string) => releaseId + SEP + key;

function byRelease(keys: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const k of keys) {
    const i = k.indexOf(SEP);
    const rel = k.slice(0, i);
    const list = groups.get(rel) ?? [];
    list.push(k.slice(i + 1));
    groups.set(rel, list);
  }
  return groups;
}

/**
 * A loader whose batch function fetches rows for many keys of one release and groups them by `keyOf`; keys already
 * in the shared row cache (under this loader's `kind`) are answered without a statement.
 */
function many<R>(
  cache: RowCache, kind: string, fetch: (releaseId: string, keys: string[]) => Promise<R[]>, keyOf: (r: R) => string,
): DataLoader<string, R[]> {
  return new DataLoader<string, R[]>(
    async (keys) => {
      const found = new Map<string, R[]>();
      const missing: string[] = [];
      for (const k of keys) {
        const hit = cache.get<R>(kind + SEP + k);
        if (hit) found.set(k, hit as R[]);
        else missing.push(k);
      }
      for (const [rel, list] of byRelease(missing)) {
        for (const row of await fetch(rel, [...new Set(list)])) {
          const k = loaderKey(rel, keyOf(row));
          const bucket = found.get(k) ?? [];
          bucket.push(row);
          found.set(k, bucket);
        }
      }
      for (const k of missing) cache.set(kind + SEP + k, found.get(k) ?? []);
      return keys.map((k) => found.get(k) ?? []);
    },
    { maxBatchSize: 500 },
  );
}

function one<R>(
  cache: RowCache, kind: string, fetch: (releaseId: string, keys: string[]) => Promise<R[]>, keyOf: (r: R) => string,
): DataLoader<string, R | null> {
  const inner = many(cache, kind, fetch, keyOf);
  return new DataLoader<string, R | null>(async (keys) => (await inner.loadMany(keys)).map((rows) => (rows instanceof Error ? rows : (rows[0] ?? null))), {
    maxBatchSize: 500,
  });
}

/** What services use of a loader. */
export interface RowLoader<V> {
  load(key: string): Promise<V>;
  loadMany(keys: readonly string[]): Promise<Array<V | Error>>;
}

type Fetch<R> = (releaseId: string, keys: string[]) => Promise<R[]>;

/** How to load one kind of row; built once per store, shared by every request's loaders. */
interface Spec<R, V> {
  kind: string;
  fromRows: (rows: readonly R[]) => V;
  make: (cache: RowCache) => DataLoader<string, V>;
}

const manySpec = <R>(kind: string, fetch: Fetch<R>, keyOf: (r: R) => string): Spec<R, R[]> =>
  ({ kind, fromRows: (rows) => rows as R[], make: (cache) => many(cache, kind, fetch, keyOf) });
const oneSpec = <R>(kind: string, fetch: Fetch<R>, keyOf: (r: R) => string): Spec<R, R | null> =>
  ({ kind, fromRows: (rows) => rows[0] ?? null, make: (cache) => one(cache, kind, fetch, keyOf) });

/**
 * Answers keys already in the shared row cache at once and sends the rest through a DataLoader, made on the first
 * miss. Why: on a warm cache, DataLoader's batching (promises, a tick to collect the batch, the batch function) was
 * most of the cost of a load, and every request used to build all of its DataLoaders whether it needed them or not.
 */
class CachedLoader<R, V> implements RowLoader<V> {
  private loader: DataLoader<string, V> | undefined;

  constructor(private readonly cache: RowCache, private readonly spec: Spec<R, V>) {}

  private hit(key: string): V | undefined {
    const rows = this.cache.get<R>(this.spec.kind + SEP + key);
    return rows ? this.spec.fromRows(rows) : undefined;
  }

  load(key: string): Promise<V> {
    const found = this.hit(key);
    return found !== undefined ? Promise.resolve(found) : (this.loader ??= this.spec.make(this.cache)).load(key);
  }

  loadMany(keys: readonly string[]): Promise<Array<V | Error>> {
    const found: V[] = [];
    for (const key of keys) {
      const v = this.hit(key);
      if (v === undefined) return (this.loader ??= this.spec.make(this.cache)).loadMany(keys);
      found.push(v);
    }
    return Promise.resolve(found);
  }
}

function specsFor(db: PublicDb) {
  return {
    unit: oneSpec("unit", (releaseId, codes) => db.pubUnit.findMany({ where: { releaseId, code: { in: codes } } }), (u) => u.code),
    /** Units whose current parent is the key. */
    childUnits: manySpec("childUnits",
      (releaseId, codes) => db.pubUnit.findMany({ where: { releaseId, parentCode: { in: codes } }, orderBy: { code: "asc" } }),
      (u) => u.parentCode!,
    ),
    /** Parent history rows where the key is the parent (villages that belonged to a commune before a reform). */
    childLinks: manySpec("childLinks",
      (releaseId, codes) => db.pubUnitParent.findMany({ where: { releaseId, parentCode: { in: codes } } }),
      (l) => l.parentCode,
    ),
    parentLinks: manySpec("parentLinks",
      (releaseId, codes) => db.pubUnitParent.findMany({ where: { releaseId, unitCode: { in: codes } }, orderBy: { validFrom: "asc" } }),
      (l) => l.unitCode,
    ),
    changesFrom: manySpec("changesFrom", (releaseId, codes) => db.pubUnitChange.findMany({ where: { releaseId, fromCode: { in: codes } } }), (c) => c.fromCode),
    changesTo: manySpec("changesTo", (releaseId, codes) => db.pubUnitChange.findMany({ where: { releaseId, toCode: { in: codes } } }), (c) => c.toCode),
    unitYears: manySpec("unitYears",
      (releaseId, codes) => db.pubUnitYear.findMany({ where: { releaseId, unitCode: { in: codes } }, orderBy: { year: "asc" } }),
      (y) => y.unitCode,
    ),
    cells: manySpec("cells", (releaseId, codes) => db.pubCell.findMany({ where: { releaseId, unitCode: { in: codes } } }), (c) => c.unitCode),
    standard: oneSpec("standard", (releaseId, ids) => db.pubStandard.findMany({ where: { releaseId, id: { in: ids } } }), (s) => s.id),
    indicators: manySpec("indicators",
      (releaseId, ids) => db.pubIndicator.findMany({ where: { releaseId, standardId: { in: ids } }, orderBy: { ordinal: "asc" } }),
      (i) => i.standardId,
    ),
    source: oneSpec("source", (releaseId, ids) => db.pubSource.findMany({ where: { releaseId, id: { in: ids } } }), (s) => s.id),
    projectLinks: manySpec("projectLinks",
      (releaseId, codes) => db.pubProjectUnit.findMany({ where: { releaseId, unitCode: { in: codes } }, orderBy: { projectCode: "asc" } }),
      (l) => l.unitCode,
    ),
    projectUnits: manySpec("projectUnits",
      (releaseId, codes) => db.pubProjectUnit.findMany({ where: { releaseId, projectCode: { in: codes }, direct: true } }),
      (l) => l.projectCode,
    ),
    project: oneSpec("project", (releaseId, codes) => db.pubProject.findMany({ where: { releaseId, code: { in: codes } } }), (p) => p.code),
    funding: manySpec("funding", (releaseId, codes) => db.pubProjectFunding.findMany({ where: { releaseId, projectCode: { in: codes } } }), (f) => f.projectCode),
    credit: manySpec("credit",
      (releaseId, codes) => db.pubCredit.findMany({ where: { releaseId, unitCode: { in: codes } }, orderBy: [{ year: "asc" }, { programme: "asc" }] }),
      (c) => c.unitCode,
    ),
    jobs: manySpec("jobs",
      (releaseId, codes) => db.pubJobs.findMany({ where: { releaseId, unitCode: { in: codes } }, orderBy: { year: "asc" } }),
      (j) => j.unitCode,
    ),
    /** Officially reported figures of a unit: newest year first, then by source, so that sources stay in a stable order. */
    officialFigures: manySpec("officialFigures",
      (releaseId, codes) => db.pubOfficialFigure.findMany({
        where: { releaseId, unitCode: { in: codes } }, orderBy: [{ year: "desc" }, { sourceId: "asc" }],
      }),
      (f) => f.unitCode,
    ),
  };
}

type Specs = ReturnType<typeof specsFor>;
export type Loaders = { [K in keyof Specs]: Specs[K] extends { make: (cache: RowCache) => DataLoader<string, infer V> } ? RowLoader<V> : never };
const specsByDb = new WeakMap<PublicDb, Specs>();

/** Loaders for one request; `cache` is shared across requests (pass a disabled one to always read the store). */
export function createLoaders(db: PublicDb, cache: RowCache = new RowCache(0)): Loaders {
  let specs = specsByDb.get(db);
  if (!specs) specsByDb.set(db, (specs = specsFor(db)));
  const loaders: Record<string, RowLoader<unknown>> = {};
  for (const [name, spec] of Object.entries(specs)) loaders[name] = new CachedLoader(cache, spec as Spec<unknown, unknown>);
  return loaders as Loaders;
}
export type { P };
