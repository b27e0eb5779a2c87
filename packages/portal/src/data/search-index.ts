/**
 * Search index shards (pure). Why shards: at national size the full index is megabytes; a phone fetches only the shard
 * named by the first two letters of a query word (a few kB to a few hundred kB). Matching ignores diacritics and case.
 */
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import type { IndexEntry } from "./model.js";

/** [code, name, level, type, parent name, page link (relative to /unit/)] */
export type SearchRow = [string, string, string, string, string, string];

export function tokens(text: string): string[] {
  return foldVietnamese(text).split(/[^a-z0-9]+/).filter(Boolean);
}

export function shardKey(token: string): string {
  return token.slice(0, 2);
}

export function buildShards(units: IndexEntry[]): Map<string, SearchRow[]> {
  const names = new Map(units.map((u) => [u.code, u.name]));
  const shards = new Map<string, SearchRow[]>();
  for (const u of units) {
    const row: SearchRow = [u.code, u.name, u.level, u.type, u.parentCode ? names.get(u.parentCode) ?? "" : "",
      u.page === u.code ? `${u.code}/` : `${u.page}/#v-${u.code}`];
    const keys = new Set([...tokens(u.name), ...tokens(u.code)].map(shardKey));
    for (const k of keys) {
      const list = shards.get(k) ?? [];
      list.push(row);
      shards.set(k, list);
    }
  }
  return shards;
}

/** Rows whose name (or code) has a word starting with every query word; exact-name and current units first. */
export function matchRows(rows: SearchRow[], query: string): SearchRow[] {
  const q = tokens(query);
  if (q.length === 0) return [];
  const seen = new Set<string>();
  const hits = rows.filter((r) => {
    if (seen.has(r[0])) return false;
    const words = [...tokens(r[1]), ...tokens(r[0])];
    const ok = q.every((w) => words.some((x) => x.startsWith(w)));
    if (ok) seen.add(r[0]);
    return ok;
  });
  const folded = foldVietnamese(query);
  return hits.sort((a, b) => Number(foldVietnamese(b[1]) === folded) - Number(foldVietnamese(a[1]) === folded) || a[1].localeCompare(b[1], "vi"));
}
