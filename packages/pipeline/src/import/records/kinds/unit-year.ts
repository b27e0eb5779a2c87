/** Replacement by unit-year, shared by credit, jobs and plans: a file replaces every row of each unit-year it contains. */
import type { PrivateDb } from "@minhbach/db/private";

export interface UnitYear {
  unitCode: string;
  year: number;
}

export function coveredUnitYears(rows: readonly UnitYear[]): UnitYear[] {
  const seen = new Map<string, UnitYear>();
  for (const r of rows) seen.set(`${r.unitCode}|${r.year}`, { unitCode: r.unitCode, year: r.year });
  return [...seen.values()];
}

type UnitYearTable = "creditRecord" | "jobsRecord" | "plan";

/** Deletes the covered unit-years from `table`, inserts `rows`, and returns summary counts. */
export async function replaceUnitYears<T extends UnitYear>(tx: PrivateDb, table: UnitYearTable, rows: readonly T[]): Promise<Record<string, number>> {
  // The three delegates share deleteMany/createMany shapes; Prisma's union of them is not callable, hence the cast.
  const delegate = tx[table] as unknown as {
    deleteMany(a: { where: UnitYear }): Promise<{ count: number }>;
    createMany(a: { data: T[] }): Promise<{ count: number }>;
  };
  const covered = coveredUnitYears(rows);
  let replaced = 0;
  for (const uy of covered) replaced += (await delegate.deleteMany({ where: uy })).count;
  await delegate.createMany({ data: [...rows] });
  return { unitYears: covered.length, inserted: rows.length, replaced };
}
