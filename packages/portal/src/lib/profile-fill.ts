/**
 * The fill of the shared profile template (pure): what the server puts into `/unit-template/` for a unit with no
 * figures yet — title, breadcrumb, level and code, "no data yet", boundary history, units within — worded in both
 * languages at build time. Why worded here: the server route only escapes and places text, so wording stays in one
 * place (the portal) and the API needs no dictionary.
 */
import type { Block, Inline, ProfileFill } from "@minhbach/api/http/unit-template.ts";
import { labelOf, CHANGE_KIND_LABELS, LEVEL_LABELS } from "@minhbach/core/release/labels.ts";
import type { UnitData } from "../data/model.js";
import { formatDate, type Lang } from "./format.js";
import { t } from "./i18n.js";
import { typeLabel } from "./unit-type.js";
import { unitDataUrl, unitUrl } from "./urls.js";

/** The page a code is shown on (a village's commune), or undefined for a unit outside the release. */
export type PageOf = (code: string) => string | undefined;

/** "cấp xã" / "commune level": the level beside a title (a phường is commune level, not a xã). */
export function levelWords(level: string, lang: Lang): string {
  const word = (labelOf(LEVEL_LABELS, level, lang) ?? "").toLowerCase();
  return lang === "VI" ? `cấp ${word}` : `${word} level`;
}

function link(lang: Lang, code: string, text: string, pageOf: PageOf): Inline {
  const page = pageOf(code);
  return page ? { href: unitUrl(lang, code, page), text } : text;
}

/** Boundary history as list items (what it became, what formed it, former parents), as on full profiles. */
export function historyItems(unit: UnitData, lang: Lang, pageOf: PageOf): Inline[][] {
  const typeWord = (type: string) => typeLabel(type, lang).toLowerCase();
  const items: Inline[][] = [];
  for (const c of unit.successors) {
    if (!c.to) continue;
    items.push([`${t(lang, "partOf", { date: formatDate(c.effectiveDate, lang) })} `, link(lang, c.to.code, `${typeWord(c.to.type)} ${c.to.name}`, pageOf),
      `${c.to.parent ? `, ${c.to.parent.name}` : ""} (${labelOf(CHANGE_KIND_LABELS, c.kind, lang)}; ${c.legalBasis})`]);
  }
  if (unit.predecessors.length > 0) {
    const first = unit.predecessors[0]!;
    const froms = unit.predecessors.flatMap((c, i) => (c.from ? [...(i > 0 ? [", "] : []), link(lang, c.from.code, `${typeWord(c.from.type)} ${c.from.name}`, pageOf)] : []));
    items.push([`${t(lang, "formedFrom")} ${formatDate(first.effectiveDate, lang)}: `, ...froms, ` (${first.legalBasis})`]);
  }
  for (const p of unit.parentHistory.filter((h) => h.validTo)) {
    items.push([`${t(lang, "belongedTo")} `, link(lang, p.parentCode, p.parentName ?? p.parentCode, pageOf), ` ${formatDate(p.validFrom, lang)} – ${formatDate(p.validTo, lang)}`]);
  }
  if (unit.validTo && unit.successors.length === 0) items.push([`${t(lang, "existed")} ${formatDate(unit.validTo, lang)}`]);
  return items.length ? items : [[`${t(lang, "none")}.`]];
}

/** The fill of one unit in one language. */
export function profileFill(unit: UnitData, lang: Lang, release: string, pageOf: PageOf): ProfileFill {
  const title = `${typeLabel(unit.type, lang)} ${unit.name}`;
  const crumbs: Inline[] = [...unit.ancestors].reverse().map((a) => link(lang, a.code, `${typeLabel(a.type, lang)} ${a.name}`, pageOf));
  crumbs.push(unit.name);
  const blocks: Block[] = [
    { p: [`${levelWords(unit.level, lang)} · ${t(lang, "code")} ${unit.gsoCode ?? unit.code}`], muted: true },
    { h2: t(lang, "noDataYet"), id: "no-data-h" },
    { p: [t(lang, "noDataYetNote", { id: release })] },
    { h2: t(lang, "history"), id: "history-h" },
    { ul: historyItems(unit, lang, pageOf) },
  ];
  if (unit.children.length > 0) {
    blocks.push({ h2: t(lang, "children"), id: "children-h" },
      { ul: unit.children.map((c) => [link(lang, c.code, `${typeLabel(c.type, lang)} ${c.name}`, pageOf)]) });
  }
  blocks.push({ h2: t(lang, "downloads"), id: "dl-h" }, { ul: [[{ href: unitDataUrl(unit.code, "json"), text: "JSON" }]] });
  return { title, crumbs, blocks };
}
