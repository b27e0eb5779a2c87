/**
 * Administrative levels. Why two lists: household figures aggregate village → province only (`UNIT_LEVELS`, ordered
 * bottom-up by the aggregation), while the country and its socio-economic regions are units too, so that officially
 * reported national and regional figures can attach to them, but nothing is ever computed for them.
 */
export const UNIT_LEVELS = ["PROVINCE", "DISTRICT", "COMMUNE", "VILLAGE"] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** Every level a unit may have, top to bottom: the country, its regions (outside the hierarchy), then `UNIT_LEVELS`. */
export const ALL_UNIT_LEVELS = ["COUNTRY", "REGION", ...UNIT_LEVELS] as const;
export type AnyUnitLevel = (typeof ALL_UNIT_LEVELS)[number];

/** The code of the COUNTRY unit (the whole country), which the import of national figures and the portal look up. */
export const COUNTRY_CODE = "VN";

/** Whether `value` is an aggregation level (province … village). */
export function isUnitLevel(value: string): value is UnitLevel {
  return (UNIT_LEVELS as readonly string[]).includes(value);
}

/** Whether `value` is any unit level, including COUNTRY and REGION. */
export function isAnyUnitLevel(value: string): value is AnyUnitLevel {
  return (ALL_UNIT_LEVELS as readonly string[]).includes(value);
}
