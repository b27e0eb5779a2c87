/**
 * Both stores on PostgreSQL: the committed migrations apply (once), the model matches the SQLite one, and a release
 * written there reads back with the same checksum as on SQLite.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresSchemaPath, postgresSchemaText } from "../../../scripts/postgres-schema.ts";
import { listMigrations, migrateStore } from "./migrate.js";
import { openPublicStore } from "./public.js";
import { openPrivateStore } from "./private.js";
import { emptyReleaseContent } from "./release-fixtures.js";
import { releaseChecksum, writeRelease } from "./release-writer.js";
import { freshPostgresDatabase, postgresAvailable } from "./test-postgres.js";

const available = await postgresAvailable();
let database: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined;

beforeAll(async () => {
  if (available) database = await freshPostgresDatabase();
});
afterAll(async () => database?.drop());

describe("the PostgreSQL schema is derived from the SQLite one", () => {
  it.each(["private", "public"] as const)("has an up-to-date committed %s schema", (store) => {
    expect(fs.readFileSync(postgresSchemaPath(store), "utf8")).toBe(postgresSchemaText(store));
  });
});

describe.skipIf(!available)("both stores on PostgreSQL", () => {
  it("applies the committed migrations once", async () => {
    const names = (store: "private" | "public") => listMigrations(store, "postgresql").map((m) => m.name);
    expect(names("public")[0]).toBe("0001_init");
    expect(await migrateStore("private", database!.url)).toEqual(names("private"));
    expect(await migrateStore("public", database!.url)).toEqual(names("public"));
    expect(await migrateStore("private", database!.url)).toEqual([]);
    expect(await migrateStore("public", database!.url)).toEqual([]);
  });

  it("writes a release and reads it back with the same checksum as on SQLite, VND amounts beyond 32 bits intact", async () => {
    const db = openPublicStore(database!.url);
    const content = emptyReleaseContent("pg.1");
    content.cells.push({ unitCode: "01990", year: 2023, measure: "poor", value: 91, status: "PUBLISHED" });
    content.credit.push({
      unitCode: "01990", year: 2023, programme: "Hộ nghèo", loanTurnsValue: 330, loanTurnsStatus: "PUBLISHED",
      outstandingVnd: 19_600_000_000n, synthetic: false, sourceIds: "[]",
    });
    const written = await writeRelease(db, content);
    expect(written.checksum).toBe(releaseChecksum(content));
    const credit = await db.pubCredit.findFirstOrThrow({ where: { releaseId: "pg.1" } });
    expect(credit.outstandingVnd).toBe(19_600_000_000n);
    expect((await db.release.findUniqueOrThrow({ where: { id: "pg.1" } })).complete).toBe(true);
    await expect(writeRelease(db, content)).rejects.toThrow(/immutable/);
    await db.$disconnect();
  });

  it("stores units in the private store", async () => {
    const db = openPrivateStore(database!.url);
    await db.adminUnit.create({ data: { code: "01990", level: "COMMUNE", name: "Lục Bình", nameAscii: "luc binh", type: "xã" } });
    expect((await db.adminUnit.findUniqueOrThrow({ where: { code: "01990" } })).name).toBe("Lục Bình");
    await db.$disconnect();
  });
});
