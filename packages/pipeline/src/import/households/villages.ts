/**
 * The villages known to the private store, each with the commune it belonged to at one review year. Why load them all:
 * villages number in the tens of thousands nationally (bounded by the map, not the file), and every row needs a lookup.
 * Why resolved to the year at once, from streamed rows: every row needs only this, and the full unit history of the
 * country's 90,294 villages as objects, held on the main thread and copied to the check worker, cost a national import
 * ~220 MB of memory and ~10 % of its speed.
 */

/** In a VillagesAtYear map: the village did not exist at the review. */
export const NOT_AT_REVIEW = "\u0000";

/** Village code → the code of its commune at the review year, "" if it had none, or NOT_AT_REVIEW. */
export type VillagesAtYear = Map<string, string>;

/** Review year Y is carried out at the end of year Y (docs/contracts.md): units are taken as they stood on 31 December. */
function reviewReferenceTime(year: number): number {
  return Date.UTC(year, 11, 31);
}

/** Prisma writes ISO strings through the SQLite adapter; older rows may hold epoch milliseconds (as PostgreSQL rows
 *  are read, see store/pg.ts). */
function time(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "bigint") return Number(value);
  const t = Date.parse(String(value));
  if (Number.isNaN(t)) throw new Error(`Unreadable date in the unit tables: ${String(value)}`);
  return t;
}

/** An AdminUnit row of a village and a UnitParent row, as either store reads them (dates as text or epoch ms). */
export interface VillageUnitRow { code: string; parentCode: string | null; validFrom: unknown; validTo: unknown }
export interface ParentLinkRow { unitCode: string; parentCode: string; validFrom: unknown; validTo: unknown }

/** Valid at time t: from validFrom (null: always) up to, not including, validTo (null: still valid). */
function validAt(validFrom: number | null, validTo: number | null, t: number): boolean {
  return (validFrom === null || validFrom <= t) && (validTo === null || t < validTo);
}

/**
 * The villages at `year`'s review: a village's commune is its dated parent link valid then, if any (the first one), else
 * its current parent. `links` may hold other units' links (ignored); both are read once, as they come.
 */
export function villagesAtYear(units: Iterable<VillageUnitRow>, links: Iterable<ParentLinkRow>, year: number): VillagesAtYear {
  const t = reviewReferenceTime(year);
  const linked = new Map<string, string>();
  for (const l of links) {
    if (!linked.has(l.unitCode) && validAt(time(l.validFrom), time(l.validTo), t)) linked.set(l.unitCode, l.parentCode);
  }
  const out: VillagesAtYear = new Map();
  for (const u of units) {
    out.set(u.code, validAt(time(u.validFrom), time(u.validTo), t) ? (linked.get(u.code) ?? u.parentCode ?? "") : NOT_AT_REVIEW);
  }
  return out;
}
