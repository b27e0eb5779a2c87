/**
 * What the card widget shows (pure): headline figure per year, change, sparkline, and the same for earlier releases.
 * Why precomputed: the card is a static page of a few kB; its inline script only picks a year, release or language.
 */
import type { SiteData, UnitData } from "../data/model.js";
import { formatPercent, formatPoints, type Lang } from "../lib/format.js";
import { sparkPaths } from "../lib/series.js";

/** `h` marks a figure that is not a number (hidden or missing): the card prints it smaller. */
export interface CardYear { y: number; rate: string; change: string | null; spark: string[]; h?: 1 }

/** Per release → per year → text; the client script selects from this table. */
export function cardTable(site: SiteData, code: string, lang: Lang): Record<string, CardYear[]> {
  const out: Record<string, CardYear[]> = {};
  for (const [release, byCode] of Object.entries(site.history)) {
    const series = byCode[code];
    if (!series) continue;
    out[release] = series.map(([year, value, status], i) => {
      const upTo = series.slice(0, i + 1);
      const first = upTo.find(([, v]) => v !== null);
      const change = value !== null && first && first[0] !== year && first[1] !== null ? formatPoints(Math.round((value - first[1]) * 10) / 10, lang) + (lang === "VI" ? ` so với ${first[0]}` : ` since ${first[0]}`) : null;
      const rate = status === "P" && value !== null ? formatPercent(value, lang) : status === "S" ? (lang === "VI" ? "Ẩn để bảo vệ hộ gia đình" : "Hidden to protect households") : (lang === "VI" ? "không có số liệu" : "no data");
      return { y: year, rate, change, spark: sparkPaths(upTo.map(([yy, v]) => [yy, v]), 120, 32), ...(status === "P" && value !== null ? {} : { h: 1 as const }) };
    });
  }
  return out;
}

export function latestCard(table: Record<string, CardYear[]>, release: string): CardYear | undefined {
  const list = table[release] ?? [];
  return list[list.length - 1];
}

/** Publishers of the unit's poverty figures; figures without a cited source come from the review records themselves. */
export function unitSourcesLine(unit: UnitData, site: SiteData, lang: Lang): string {
  const ids = new Set(unit.poverty.flatMap((p) => p.sourceIds));
  const cited = site.sources.filter((s) => ids.has(s.id)).map((s) => `${s.publisher}${s.synthetic ? "*" : ""}`);
  if (unit.poverty.some((p) => p.sourceIds.length === 0)) cited.push(reviewRecords(lang));
  return cited.join("; ");
}

export function reviewRecords(lang: Lang): string {
  return lang === "VI" ? "hồ sơ rà soát hộ nghèo, tổng hợp" : "poverty review records, aggregated";
}
