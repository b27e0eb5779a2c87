/**
 * The SQLite fast writer stores exactly what the Prisma writer stores: every table of a full fixture release
 * (units with dates, projects with BigInt money, booleans, nulls) is compared row by row, and Prisma reads it back.
 */
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureCorrection, fixtureRelease } from "../../api/src/test/fixture-release.ts";
import { openPublicStore } from "./public.js";
import { writeRelease } from "./release-writer.js";
import { writeReleaseSqlite } from "./release-writer-sqlite.js";
import { sqlitePathFromUrl } from "./sqlite-url.js";
import { freshStoreUrls } from "./test-stores.js";
import fs from "node:fs";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function dump(url: string): Record<string, unknown[]> {
  const db = new Database(sqlitePathFromUrl(url), { readonly: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%' ORDER BY name`).pluck().all() as string[];
    return Object.fromEntries(
      tables.map((t) => {
        const n = (db.prepare(`SELECT COUNT(*) FROM pragma_table_info(?)`).pluck().get(t) as number);
        const order = Array.from({ length: n }, (_, i) => i + 1).join(", ");
        return [t, db.prepare(`SELECT * FROM "${t}" ORDER BY ${order}`).all()];
      }),
    );
  } finally {
    db.close();
  }
}

describe("SQLite release writer", () => {
  it("stores every table exactly as the Prisma writer does", async () => {
    const viaPrisma = freshStoreUrls("minhbach-writer-prisma-");
    const viaSqlite = freshStoreUrls("minhbach-writer-sqlite-");
    dirs.push(viaPrisma.dir, viaSqlite.dir);
    const db = openPublicStore(viaPrisma.publicUrl);
    const a = await writeRelease(db, fixtureRelease());
    const b = await writeRelease(db, fixtureCorrection());
    await db.$disconnect();
    expect(writeReleaseSqlite(viaSqlite.publicUrl, fixtureRelease())).toEqual(a);
    expect(writeReleaseSqlite(viaSqlite.publicUrl, fixtureCorrection())).toEqual(b);
    const expected = dump(viaPrisma.publicUrl);
    expect(Object.values(expected).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(100);
    expect(dump(viaSqlite.publicUrl)).toEqual(expected);
  });

  it("is read back by Prisma with the same dates, money and flags", async () => {
    const { dir, publicUrl } = freshStoreUrls("minhbach-writer-read-");
    dirs.push(dir);
    const content = fixtureRelease();
    writeReleaseSqlite(publicUrl, content);
    const db = openPublicStore(publicUrl);
    const release = await db.release.findUniqueOrThrow({ where: { id: content.release.id } });
    expect(release.createdAt).toEqual(content.release.createdAt);
    expect(release.complete).toBe(true);
    const project = content.projects.find((p) => p.budgetVnd !== null)!;
    const stored = await db.pubProject.findFirstOrThrow({ where: { releaseId: content.release.id, code: project.code } });
    expect(stored.budgetVnd).toBe(project.budgetVnd);
    expect(await db.pubCell.count()).toBe(content.cells.length);
    await db.$disconnect();
  });

  it("refuses to overwrite a release and leaves the store unchanged", () => {
    const { dir, publicUrl } = freshStoreUrls("minhbach-writer-twice-");
    dirs.push(dir);
    writeReleaseSqlite(publicUrl, fixtureRelease());
    const before = dump(publicUrl);
    expect(() => writeReleaseSqlite(publicUrl, fixtureRelease())).toThrow(/immutable/);
    expect(dump(publicUrl)).toEqual(before);
  });
});
