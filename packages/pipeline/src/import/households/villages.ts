/**
 * The villages known to the private store, each with the commune it belonged to at one review year. Why resolved to the
 * year, from streamed rows: every row needs only this. On PostgreSQL all villages are read at once (tens of thousands
 * nationally, bounded by the map, not the file) and sent to the check; on SQLite the check looks each village up as
 * the rows name it (sqlite-villages.ts), as reading all of a national store's cost ~0.33 s per import.
 */

/** In a VillagesAtYear map: the village did not exist at the review. */
export const NOT_AT_REVIEW = "\u0000";

/** Village code → the code of its commune at the review year, "" if it had none, or NOT_AT_REVIEW. */
export type VillagesAtYear = Map<string, string>;

/** A row's village as the check finds it: its commune at the review, "" or NOT_AT_REVIEW; undefined when the code is
 *  not a village. A Map is one; so is a store's look-up (sqlite-villages.ts), which must be closed. */
export interface VillageLookup {
  get(code: string): string | undefined;
  close?(): void;
}

/** What the check is given to find villages with (it may run on a worker thread, so plain data): the villages resolved
 *  up front (PostgreSQL), or the path of a SQLite store to look them up in as rows name them. */
export type VillageSource = { kind: "resolved"; villages: VillagesAtYear } | { kind: "sqlite"; path: string };

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
 * The villages at `year`'s review: a village's commune is its dated parent link valid then, if any (the first one, links
 * being given in unit and validFrom order), else its current parent. `links` may hold other units' links (ignored);
 * both are read once, as they come.
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
