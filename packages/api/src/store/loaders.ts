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

/** Loaders for one request; `cache` is shared across requests (pass a disabled one to always read the store). */
export function createLoaders(db: PublicDb, cache: RowCache = new RowCache(0)) {
  return {
    unit: one(cache, "unit", (releaseId, codes) => db.pubUnit.findMany({ where: { releaseId, code: { in: codes } } }), (u) => u.code),
    /** Units whose current parent is the key. */
    childUnits: many(cache, "childUnits",
      (releaseId, codes) => db.pubUnit.findMany({ where: { releaseId, parentCode: { in: codes } }, orderBy: { code: "asc" } }),
      (u) => u.parentCode!,
    ),
    /** Parent history rows where the key is the parent (villages that belonged to a commune before a reform). */
    childLinks: many(cache, "childLinks",
      (releaseId, codes) => db.pubUnitParent.findMany({ where: { releaseId, parentCode: { in: codes } } }),
      (l) => l.parentCode,
    ),
    parentLinks: many(cache, "parentLinks",
      (releaseId, codes) => db.pubUnitParent.findMany({ where: { releaseId, unitCode: { in: codes } }, orderBy: { validFrom: "asc" } }),
      (l) => l.unitCode,
    ),
    changesFrom: many(cache, "changesFrom", (releaseId, codes) => db.pubUnitChange.findMany({ where: { releaseId, fromCode: { in: codes } } }), (c) => c.fromCode),
    changesTo: many(cache, "changesTo", (releaseId, codes) => db.pubUnitChange.findMany({ where: { releaseId, toCode: { in: codes } } }), (c) => c.toCode),
    unitYears: many(cache, "unitYears",
      (releaseId, codes) => db.pubUnitYear.findMany({ where: { releaseId, unitCode: { in: codes } }, orderBy: { year: "asc" } }),
      (y) => y.unitCode,
    ),
    cells: many(cache, "cells", (releaseId, codes) => db.pubCell.findMany({ where: { releaseId, unitCode: { in: codes } } }), (c) => c.unitCode),
    standard: one(cache, "standard", (releaseId, ids) => db.pubStandard.findMany({ where: { releaseId, id: { in: ids } } }), (s) => s.id),
    indicators: many(cache, "indicators",
      (releaseId, ids) => db.pubIndicator.findMany({ where: { releaseId, standardId: { in: ids } }, orderBy: { ordinal: "asc" } }),
      (i) => i.standardId,
    ),
    source: one(cache, "source", (releaseId, ids) => db.pubSource.findMany({ where: { releaseId, id: { in: ids } } }), (s) => s.id),
    projectLinks: many(cache, "projectLinks",
      (releaseId, codes) => db.pubProjectUnit.findMany({ where: { releaseId, unitCode: { in: codes } }, orderBy: { projectCode: "asc" } }),
      (l) => l.unitCode,
    ),
    projectUnits: many(cache, "projectUnits",
      (releaseId, codes) => db.pubProjectUnit.findMany({ where: { releaseId, projectCode: { in: codes }, direct: true } }),
      (l) => l.projectCode,
    ),
    project: one(cache, "project", (releaseId, codes) => db.pubProject.findMany({ where: { releaseId, code: { in: codes } } }), (p) => p.code),
    funding: many(cache, "funding", (releaseId, codes) => db.pubProjectFunding.findMany({ where: { releaseId, projectCode: { in: codes } } }), (f) => f.projectCode),
    credit: many(cache, "credit",
      (releaseId, codes) => db.pubCredit.findMany({ where: { releaseId, unitCode: { in: codes } }, orderBy: [{ year: "asc" }, { programme: "asc" }] }),
      (c) => c.unitCode,
    ),
    jobs: many(cache, "jobs",
      (releaseId, codes) => db.pubJobs.findMany({ where: { releaseId, unitCode: { in: codes } }, orderBy: { year: "asc" } }),
      (j) => j.unitCode,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
export type { P };
