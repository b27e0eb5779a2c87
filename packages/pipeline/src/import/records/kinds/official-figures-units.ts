/**
 * Which unit a row of an official figures file is about. A province row names its province by the GSO code it had
 * before 2025; the unit is the province with that GSO code that was valid at the end of the review year. Why never the
 * unit code alone: a code reused by a province formed on 1 July 2025 belongs to the new unit, and the old one is
 * stored as "<code>.2025". The whole country is the COUNTRY unit VN; a region is the REGION unit with that name.
 */
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import { COUNTRY_CODE } from "@minhbach/core/units/levels.ts";
import type { PrivateDb } from "@minhbach/db/private";

interface Candidate {
  code: string;
  gsoCode: string | null;
  level: string;
  name: string;
  validFrom: Date | null;
  validTo: Date | null;
}

export interface UnitTargets {
  provinces: readonly Candidate[];
  country: readonly Candidate[];
  regions: readonly Candidate[];
}

/** The units official figures can be about, loaded once per file. */
export async function loadUnitTargets(db: PrivateDb): Promise<UnitTargets> {
  const select = { code: true, gsoCode: true, level: true, name: true, validFrom: true, validTo: true } as const;
  const units = await db.adminUnit.findMany({ where: { level: { in: ["PROVINCE", "COUNTRY", "REGION"] } }, select, orderBy: { code: "asc" } });
  return {
    provinces: units.filter((u) => u.level === "PROVINCE"),
    country: units.filter((u) => u.level === "COUNTRY" || u.code === COUNTRY_CODE),
    regions: units.filter((u) => u.level === "REGION"),
  };
}

/** The last day of a review year, UTC: the review counts households at the end of the year. */
function endOfYear(year: number): Date {
  return new Date(Date.UTC(year, 11, 31));
}

/** Valid on `day` (validFrom and validTo are both inclusive, as the unit list stores them; null is open). */
function validOn(u: Candidate, day: Date): boolean {
  return (u.validFrom === null || u.validFrom <= day) && (u.validTo === null || u.validTo >= day);
}

export type Resolution = { code: string; name: string } | { unknown: string } | { ambiguous: string };

/** The province with GSO code `gso` valid at the end of `year`. */
export function resolveProvince(t: UnitTargets, gso: string, year: number): Resolution {
  const day = endOfYear(year);
  const found = t.provinces.filter((u) => u.gsoCode === gso && validOn(u, day));
  if (found.length === 1) return { code: found[0]!.code, name: found[0]!.name };
  if (found.length > 1) return { ambiguous: `several provinces with GSO code ${gso} were valid at the end of ${year}: ${found.map((u) => u.code).join(", ")}` };
  const other = t.provinces.filter((u) => u.gsoCode === gso).map((u) => u.code);
  return {
    unknown: other.length
      ? `no province with GSO code ${gso} was valid at the end of ${year} (units with that code: ${other.join(", ")})`
      : `unknown province code ${gso}: no province in the private store's unit list has that GSO code`,
  };
}

/** The whole country (national rows). */
export function resolveCountry(t: UnitTargets, year: number): Resolution {
  const found = t.country.filter((u) => validOn(u, endOfYear(year)));
  if (found.length === 1) return { code: found[0]!.code, name: found[0]!.name };
  return found.length ? { ambiguous: `several country units: ${found.map((u) => u.code).join(", ")}` } : { unknown: `no unit ${COUNTRY_CODE} (the whole country) in the private store's unit list` };
}

/** A region by name, ignoring case and diacritics ("Tây Nguyên" = "tay nguyen"). */
export function resolveRegion(t: UnitTargets, name: string, year: number): Resolution {
  const wanted = foldVietnamese(name);
  const found = t.regions.filter((u) => foldVietnamese(u.name) === wanted && validOn(u, endOfYear(year)));
  if (found.length === 1) return { code: found[0]!.code, name: found[0]!.name };
  if (found.length > 1) return { ambiguous: `several regions named ${name}: ${found.map((u) => u.code).join(", ")}` };
  const names = t.regions.map((u) => u.name).join("; ");
  return { unknown: `unknown region "${name}": ${names ? `the regions are ${names}` : "the private store's unit list has no regions"}` };
}

/** Same name, ignoring case, diacritics and the "tỉnh"/"thành phố" prefix. */
export function sameUnitName(a: string, b: string): boolean {
  const bare = (s: string) => foldVietnamese(s).replace(/^(tinh|thanh pho|tp\.?)\s+/, "").replace(/\s+/g, " ").trim();
  return bare(a) === bare(b);
}
