/**
 * The villages of a SQLite store, looked up as the rows name them, each once. Why not all up front: a national store
 * holds 90,294 villages and a province file names ~1,400 of them; reading and resolving them all took ~0.33 s per
 * import on the main thread before the check could start, and copying them to the check worker more.
 */
import Database from "better-sqlite3";
import { villagesAtYear, type ParentLinkRow, type VillageLookup, type VillageUnitRow } from "./villages.js";

/** In the cache: the code is not a village (a Map cannot tell a missing entry from an undefined one in one look-up). */
const NOT_A_VILLAGE = "\u0001";
/** Codes remembered at most: a file names a province's villages, a hostile file any number of made-up codes. */
const MAX_CACHED = 200_000;

const VILLAGE = `SELECT code, parentCode, validFrom, validTo FROM AdminUnit WHERE code = ? AND level = 'VILLAGE'`;
const LINKS = `SELECT unitCode, parentCode, validFrom, validTo FROM UnitParent WHERE unitCode = ? ORDER BY validFrom`;

export class SqliteVillageLookup implements VillageLookup {
  private readonly db: Database.Database;
  private readonly village: Database.Statement;
  private readonly links: Database.Statement;
  private readonly known = new Map<string, string>();

  /** Opens its own read-only connection: the check may run on a worker thread, and a connection is not shared. */
  constructor(
    path: string,
    private readonly year: number,
  ) {
    this.db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      this.db.pragma("busy_timeout = 10000");
      this.village = this.db.prepare(VILLAGE);
      this.links = this.db.prepare(LINKS);
    } catch (e) {
      this.db.close();
      throw e;
    }
  }

  get(code: string): string | undefined {
    let commune = this.known.get(code);
    if (commune === undefined) {
      const unit = this.village.get(code) as VillageUnitRow | undefined;
      commune = unit ? villagesAtYear([unit], this.links.iterate(code) as Iterable<ParentLinkRow>, this.year).get(code)! : NOT_A_VILLAGE;
      if (this.known.size >= MAX_CACHED) this.known.clear();
      this.known.set(code, commune);
    }
    return commune === NOT_A_VILLAGE ? undefined : commune;
  }

  close(): void {
    this.db.close();
  }
}
