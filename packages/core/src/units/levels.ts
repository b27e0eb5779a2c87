/** Administrative levels, top to bottom. Why an ordered list: aggregation walks it village → province. */
export const UNIT_LEVELS = ["PROVINCE", "DISTRICT", "COMMUNE", "VILLAGE"] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export function isUnitLevel(value: string): value is UnitLevel {
  return (UNIT_LEVELS as readonly string[]).includes(value);
}
