import Database from "better-sqlite3";
import { villagesAtYear } from "./src/import/households/villages.ts";
import { checkRows } from "./src/import/households/check-rows.ts";
import { HouseholdKeyer, NormalisedIdBytes } from "./src/import/households/key-hasher.ts";
import { RowBatchWriter } from "./src/import/households/row-codec.ts";
const db = new Database("/tmp/nat-seeded.db", { readonly: true });
const units = db.prepare(`SELECT code, parentCode, validFrom, validTo FROM AdminUnit WHERE level = 'VILLAGE'`).all() as any[];
const links = db.prepare(`SELECT unitCode, parentCode, validFrom, validTo FROM UnitParent`).all() as any[];
const villages = villagesAtYear(units, links, 2025);
const file = process.argv[2]!;
for (let k = 0; k < Number(process.argv[3] ?? 1); k++) {
  const secret = "bench-secret-0123456789abcdef0123456789abcdef";
  const writer = new RowBatchWriter(8192);
  const ids = new NormalisedIdBytes(new HouseholdKeyer(secret));
  let n = 0;
  const t = performance.now();
  await checkRows({ file, year: 2025, secret, villages, dropPersonalColumns: false }, {
    header() {}, problem(p) { writer.problem(p); },
    row(rn, h, key, ko, cls, ce) { n++; writer.row(rn, h, key, ko, cls, ce, ids.keyed); if (writer.full) writer.take(); },
    chunkEnd() { return undefined; },
  }, ids);
  const s = (performance.now() - t) / 1000;
  console.log(n, "rows", s.toFixed(2), "s", Math.round(n / s), "rows/s");
}
