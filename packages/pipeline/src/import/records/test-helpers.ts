/** Test fixtures for the record importers: a fresh private store with a few real Bắc Kạn units, and CSV files. */
import fs from "node:fs";
import path from "node:path";
import { freshStores } from "@minhbach/db/test-stores.ts";
import { openPrivateStore, type PrivateDb } from "@minhbach/db/private";
import { foldVietnamese } from "@minhbach/core/units/fold.ts";

export const SECRET = "test-household-key-secret";

/** Bắc Kạn → Bạch Thông → Lục Bình and three of its villages (village codes are synthetic). */
const UNITS = [
  { code: "06", level: "PROVINCE", name: "Bắc Kạn", type: "tỉnh", parentCode: null },
  { code: "063", level: "DISTRICT", name: "Bạch Thông", type: "huyện", parentCode: "06" },
  { code: "01990", level: "COMMUNE", name: "Lục Bình", type: "xã", parentCode: "063" },
  { code: "01990-01", level: "VILLAGE", name: "Lủng Chang", type: "thôn", parentCode: "01990" },
  { code: "01990-02", level: "VILLAGE", name: "Nam Lanh Chang", type: "thôn", parentCode: "01990" },
  { code: "01990-03", level: "VILLAGE", name: "Pác Chang", type: "thôn", parentCode: "01990" },
];

export interface Fixture {
  dir: string;
  privateUrl: string;
  db: PrivateDb;
  /** Disconnects and drops the stores (call in afterEach). */
  drop(): Promise<void>;
  /** Write a CSV (header row + data rows) into the fixture folder and return its path. */
  csv(name: string, rows: readonly (readonly (string | number)[])[]): string;
}

export async function recordFixture(opts: { sources?: string[] } = {}): Promise<Fixture> {
  const stores = await freshStores("minhbach-records-");
  const { dir, privateUrl } = stores;
  const db = openPrivateStore(privateUrl);
  await db.adminUnit.createMany({ data: UNITS.map((u) => ({ ...u, nameAscii: foldVietnamese(u.name) })) });
  for (const id of opts.sources ?? ["src-a", "src-b"]) {
    await db.source.create({ data: { id, title: `Source ${id}`, publisher: "Test", kind: "ARTICLE" } });
  }
  const csv = (name: string, rows: readonly (readonly (string | number)[])[]): string => {
    const file = path.join(dir, name);
    const cell = (v: string | number) => (/[",\n;]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
    fs.writeFileSync(file, rows.map((r) => r.map(cell).join(",")).join("\n") + "\n");
    return file;
  };
  const drop = async () => {
    await db.$disconnect();
    await stores.drop();
  };
  return { dir, privateUrl, db, csv, drop };
}

/** Runs an import expected to fail and returns its problems as "row:column: reason" strings (file name left out). */
export async function problemsOf(run: Promise<unknown>): Promise<string[]> {
  try {
    await run;
  } catch (err) {
    const problems = (err as { problems?: { row?: number; column?: string; reason: string }[] }).problems;
    if (!problems) throw err;
    return problems.map((p) => `${p.row ?? ""}:${p.column ?? ""}: ${p.reason}`);
  }
  throw new Error("the import succeeded but was expected to fail");
}
