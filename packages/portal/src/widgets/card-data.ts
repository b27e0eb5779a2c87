/**
 * What the card widget shows (pure): headline figure per year, change, sparkline, and the same for earlier releases.
 * Why precomputed: the card is a static page of a few kB; its inline script only picks a year, release or language.
 */
import type { SiteData, UnitData } from "../data/model.js";
import { suppressionNote } from "@minhbach/core/release/labels.ts";
import { formatPercent, formatPoints, type Lang } from "../lib/format.js";
import { t } from "../lib/i18n.js";
import { sparkPaths } from "../lib/series.js";

/**
 * `h` marks a figure that is not a number (hidden or missing): the card prints it smaller. `p` marks a partial year
 * (too few villages/communes reported): never the default, and its label says so.
 */
export interface CardYear { y: number; rate: string; change: string | null; spark: string[]; h?: 1; p?: 1 }

function rateWords(value: number | null, status: string, lang: Lang, k: number | undefined): string {
  if (status === "P" && value !== null) return formatPercent(value, lang);
  if (status === "S") return suppressionNote(lang, k); // the one note every hidden figure carries
  return status === "C" ? t(lang, "partial").toLowerCase() : lang === "VI" ? "không có số liệu" : "no data";
}

/** Per release → per year → text; the client script selects from this table. */
export function cardTable(site: SiteData, code: string, lang: Lang): Record<string, CardYear[]> {
  const k = site.release.disclosureK ?? undefined;
  const out: Record<string, CardYear[]> = {};
  for (const [release, byCode] of Object.entries(site.history)) {
    const series = byCode[code];
    if (!series) continue;
    out[release] = series.map(([year, value, status], i) => {
      const upTo = series.slice(0, i + 1);
      const first = upTo.find(([, v]) => v !== null);
      const change = value !== null && first && first[0] !== year && first[1] !== null ? formatPoints(Math.round((value - first[1]) * 10) / 10, lang) + (lang === "VI" ? ` so với ${first[0]}` : ` since ${first[0]}`) : null;
      const rate = rateWords(value, status, lang, k);
      return { y: year, rate, change, spark: sparkPaths(upTo.map(([yy, v]) => [yy, v]), 120, 32), ...(status === "P" && value !== null ? {} : { h: 1 as const }),
        ...(status === "C" ? { p: 1 as const } : {}) };
    });
  }
  return out;
}

/** The card's default year: the latest with complete coverage (the latest at all when every year is partial). */
export function latestCard(table: Record<string, CardYear[]>, release: string): CardYear | undefined {
  const list = table[release] ?? [];
  return list.findLast((c) => !c.p) ?? list[list.length - 1];
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
