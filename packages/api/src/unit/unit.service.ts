/** Reads units: by code, pages of units, children (current and former), ancestors, reform history and search. */
import { GraphQLError } from "graphql";
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import { ALL_UNIT_LEVELS } from "@minhbach/core/units/levels.ts";
import type { PublicModels } from "@minhbach/db/public.ts";
import { lazy, slicePage, type Page } from "../common/connection.js";
import { ErrorCode } from "../common/errors.js";
import type { Lang } from "../common/lang.js";
import { checkDeadline, type ApiContext } from "../context.js";
import { loaderKey } from "../store/loaders.js";
import { derivedView } from "../store/row-cache.js";
import { Unit, UnitChange, UnitParentPeriod, type UnitLevel } from "./unit.type.js";

type UnitRow = PublicModels.PubUnit;
const lang = (ctx: ApiContext) => ctx.lang as Lang;

export async function unitByCode(ctx: ApiContext, releaseId: string, code: string): Promise<Unit | null> {
  checkDeadline(ctx);
  const row = await ctx.loaders.unit.load(loaderKey(releaseId, code));
  return row ? unitView(row, lang(ctx)) : null;
}

/** One Unit per cached row and language (see derivedView). */
const unitView = (row: UnitRow, l: Lang): Unit => derivedView(row, l, () => Unit.from(row, l));

/** Units of a level, ordered by code; `parentCode` lists current and former children alike. */
export async function listUnits(
  ctx: ApiContext, releaseId: string, opts: { level?: UnitLevel | null; parentCode?: string | null; first: number; after?: string },
): Promise<Page<Unit>> {
  checkDeadline(ctx);
  if (opts.parentCode) {
    const children = (await childRows(ctx, releaseId, opts.parentCode)).filter((u) => !opts.level || u.level === opts.level);
    const page = slicePage(children, (u) => u.code, opts.first, opts.after);
    return { ...page, items: page.items.map((r) => Unit.from(r, lang(ctx))) };
  }
  const where = { releaseId, ...(opts.level ? { level: opts.level } : {}) };
  const rows = await ctx.store.db.pubUnit.findMany({
    where: { ...where, ...(opts.after !== undefined ? { code: { gt: opts.after } } : {}) },
    orderBy: { code: "asc" },
    take: opts.first + 1,
  });
  return {
    items: rows.slice(0, opts.first).map((r) => Unit.from(r, lang(ctx))),
    hasNextPage: rows.length > opts.first,
    hasPreviousPage: opts.after !== undefined,
    totalCount: lazy(() => ctx.store.db.pubUnit.count({ where })),
  };
}

/** Children: units whose current parent is `code`, plus units that belonged to it before a reform (parent history). */
export async function childRows(ctx: ApiContext, releaseId: string, code: string): Promise<UnitRow[]> {
  checkDeadline(ctx);
  const key = loaderKey(releaseId, code);
  const [current, links] = await Promise.all([ctx.loaders.childUnits.load(key), ctx.loaders.childLinks.load(key)]);
  const known = new Set(current.map((u) => u.code));
  const former = links.map((l) => l.unitCode).filter((c) => !known.has(c));
  const formerRows = await ctx.loaders.unit.loadMany([...new Set(former)].map((c) => loaderKey(releaseId, c)));
  const all = [...current, ...formerRows.filter((r): r is UnitRow => !!r && !(r instanceof Error))];
  return all.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Parent first, root last. */
export async function ancestorsOf(ctx: ApiContext, unit: Unit): Promise<Unit[]> {
  const out: Unit[] = [];
  let parentCode = unit.parentCode;
  const seen = new Set([unit.code]);
  while (parentCode && !seen.has(parentCode)) {
    seen.add(parentCode);
    const parent = await unitByCode(ctx, unit.releaseId, parentCode);
    if (!parent) break;
    out.push(parent);
    parentCode = parent.parentCode;
  }
  return out;
}

export async function changesOf(ctx: ApiContext, unit: Unit, direction: "from" | "to"): Promise<UnitChange[]> {
  checkDeadline(ctx);
  const loader = direction === "from" ? ctx.loaders.changesFrom : ctx.loaders.changesTo;
  const rows = await loader.load(loaderKey(unit.releaseId, unit.code));
  const l = lang(ctx);
  return derivedView(rows, `changes\u0000${l}`, () =>
    [...rows].sort((a, b) => a.effectiveDate.getTime() - b.effectiveDate.getTime() || a.id - b.id).map((r) => UnitChange.from(r, l)));
}

export async function parentHistoryOf(ctx: ApiContext, unit: Unit): Promise<UnitParentPeriod[]> {
  checkDeadline(ctx);
  const rows = await ctx.loaders.parentLinks.load(loaderKey(unit.releaseId, unit.code));
  return rows.map((r) => Object.assign(new UnitParentPeriod(), { parentCode: r.parentCode, validFrom: r.validFrom, validTo: r.validTo, releaseId: r.releaseId }));
}

const TYPE_WORDS = /^(tinh|thanh pho|huyen|quan|thi xa|thi tran|xa|phuong|thon|ban|to dan pho)\s+/;

export const MAX_SEARCH_TEXT = 200;

/** Diacritic- and case-insensitive: "luc binh", "Lục Bình", "xa luc binh" and "01990" all find Lục Bình. */
export async function searchUnits(ctx: ApiContext, releaseId: string, text: string, first: number): Promise<Unit[]> {
  checkDeadline(ctx);
  // No unit name is anywhere near this long; a 90 kB search text would only make every LIKE scan slower.
  if (text.length > MAX_SEARCH_TEXT) {
    throw new GraphQLError(`Search text is ${text.length} characters; the limit is ${MAX_SEARCH_TEXT}`, { extensions: { code: ErrorCode.BAD_USER_INPUT } });
  }
  const folded = foldVietnamese(text);
  if (folded.length === 0) throw new GraphQLError("Search text is empty", { extensions: { code: ErrorCode.BAD_USER_INPUT } });
  const bare = folded.replace(TYPE_WORDS, "");
  const rows = await ctx.store.db.pubUnit.findMany({
    where: { releaseId, OR: [{ nameAscii: { contains: bare } }, { code: { startsWith: text.trim() } }] },
    take: 500,
  });
  const score = (u: UnitRow) => {
    const name = foldVietnamese(u.nameAscii);
    return (name === bare ? 0 : name.startsWith(bare) ? 1 : 2) * 10 + ALL_UNIT_LEVELS.indexOf(u.level as UnitLevel);
  };
  return rows
    .sort((a, b) => score(a) - score(b) || (a.validTo ? 1 : 0) - (b.validTo ? 1 : 0) || a.code.localeCompare(b.code))
    .slice(0, first)
    .map((r) => Unit.from(r, lang(ctx)));
}
