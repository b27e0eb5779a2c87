/**
 * The villages known to the private store, with the commune each belongs to in a review year. Why load them all:
 * villages number in the tens of thousands nationally (bounded by the map, not the file), and every row needs a lookup.
 */
export interface VillageInfo {
  code: string;
  name: string;
  validFrom: number | null;
  validTo: number | null;
  parentCode: string | null;
  parents: { parentCode: string; validFrom: number; validTo: number | null }[];
}

/** Review year Y is carried out at the end of year Y (docs/contracts.md): units are taken as they stood on 31 December. */
export function reviewReferenceTime(year: number): number {
  // memoised: every imported row asks twice (villageValidIn, communeIn), and Date.UTC was measurable there
  if (year !== lastYear) {
    lastYear = year;
    lastTime = Date.UTC(year, 11, 31);
  }
  return lastTime;
}
let lastYear = NaN;
let lastTime = NaN;

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
export interface VillageUnitRow { code: string; name: string; parentCode: string | null; validFrom: unknown; validTo: unknown }
export interface ParentLinkRow { unitCode: string; parentCode: string; validFrom: unknown; validTo: unknown }

export function buildVillages(units: Iterable<VillageUnitRow>, links: Iterable<ParentLinkRow>): Map<string, VillageInfo> {
  const villages = new Map<string, VillageInfo>();
  for (const u of units) {
    villages.set(u.code, { code: u.code, name: u.name, parentCode: u.parentCode, validFrom: time(u.validFrom), validTo: time(u.validTo), parents: [] });
  }
  for (const l of links) {
    villages.get(l.unitCode)?.parents.push({ parentCode: l.parentCode, validFrom: time(l.validFrom)!, validTo: time(l.validTo) });
  }
  return villages;
}

export function villageValidIn(v: VillageInfo, year: number): boolean {
  const t = reviewReferenceTime(year);
  return (v.validFrom === null || v.validFrom <= t) && (v.validTo === null || t < v.validTo);
}

/** The commune a village belonged to in a review year: the dated parent link if any, else its current parent. */
export function communeIn(v: VillageInfo, year: number): string | null {
  const t = reviewReferenceTime(year);
  const link = v.parents.find((p) => p.validFrom <= t && (p.validTo === null || t < p.validTo));
  return link ? link.parentCode : v.parentCode;
}
