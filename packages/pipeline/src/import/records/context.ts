/**
 * What every record importer checks rows against: the units and sources already in the private store. Why loaded
 * once: a file of 10,000 rows must not cost 10,000 queries, and checks must see one consistent state.
 */
import type { PrivateDb } from "@minhbach/db/private";
import type { RowFields } from "./fields.js";

export interface RecordContext {
  db: PrivateDb;
  file: string;
  /** Unit code → level (PROVINCE | DISTRICT | COMMUNE | VILLAGE). */
  units: ReadonlyMap<string, string>;
  sourceIds: ReadonlySet<string>;
  /** Key for household-id hashes (project participants only). */
  secret?: string;
}

export async function loadRecordContext(db: PrivateDb, file: string, secret?: string): Promise<RecordContext> {
  const units = await db.adminUnit.findMany({ select: { code: true, level: true } });
  const sources = await db.source.findMany({ select: { id: true } });
  return {
    db,
    file,
    units: new Map(units.map((u) => [u.code, u.level])),
    sourceIds: new Set(sources.map((s) => s.id)),
    ...(secret === undefined ? {} : { secret }),
  };
}

/** What an operator can do about a code missing from the unit list. Why spelled out: there is no units import; the
 *  unit list comes with the store (`minhbach demo` loads the demo's Bắc Kạn units), so a wrong code is the usual cause. */
const UNIT_LIST_REMEDY =
  "check the code against the unit list (e.g. 01990 for a commune, 01990-03 for a village); `minhbach demo` loads " +
  "the demo's Bắc Kạn units, and there is no import of units from a file yet (docs/import-format-records.md)";

/** A unit code that must exist (any level). */
export function knownUnit(f: RowFields, ctx: RecordContext, key: string): string | undefined {
  const code = f.code(key, { required: true });
  if (code === undefined) return undefined;
  if (!ctx.units.has(code)) return f.problem(key, `unknown unit code ${code}: not in the private store's unit list; ${UNIT_LIST_REMEDY}`);
  return code;
}

/** Codes that must all be existing villages. */
export function knownVillages(f: RowFields, ctx: RecordContext, key: string, codes: readonly string[] | undefined): string[] | undefined {
  if (codes === undefined) return undefined;
  const unknown = codes.filter((c) => !ctx.units.has(c));
  const notVillage = codes.filter((c) => ctx.units.has(c) && ctx.units.get(c) !== "VILLAGE");
  if (unknown.length > 0) return f.problem(key, `unknown village code(s) ${unknown.slice(0, 5).join(", ")}: not in the private store's unit list; ${UNIT_LIST_REMEDY}`);
  if (notVillage.length > 0) return f.problem(key, `not a village: ${notVillage.slice(0, 5).join(", ")} (${ctx.units.get(notVillage[0]!)}); give the codes of its villages (e.g. 01990-03)`);
  return [...codes];
}

/** `source_ids`: each must be an imported Source; stored as a JSON array. */
export function knownSources(f: RowFields, ctx: RecordContext, key = "source_ids"): string | undefined {
  const ids = f.codes(key);
  if (ids === undefined) return undefined;
  const unknown = ids.filter((id) => !ctx.sourceIds.has(id));
  if (unknown.length > 0) return f.problem(key, `unknown source id(s) ${unknown.slice(0, 5).join(", ")}: import the sources file first (\`minhbach import sources FILE\`), or correct the id`);
  return JSON.stringify(ids);
}
