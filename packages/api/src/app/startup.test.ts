/**
 * The server refuses to start on a missing, corrupt or empty public store (with a message that says what to do), and
 * only ever serves complete releases: a release row written without its `complete` flag is ignored. Broken files are
 * SQLite's own failure modes and are tested on SQLite in both suite runs; the rest runs on the suite's provider.
 */
import fs from "node:fs";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPublicStore } from "@minhbach/db/public.ts";
import { freshPostgresDatabase, POSTGRES_ADMIN_URL, postgresAvailable } from "@minhbach/db/test-postgres.ts";
import { freshStores } from "@minhbach/db/test-stores.ts";
import { tempDir } from "@minhbach/db/test-temp-dir.ts";
import { fixtureRelease, writeFixtureStore } from "../test/fixture-release.js";
import { startTestApp, type TestApp } from "../test/test-app.js";
import { createApp } from "./create-app.js";

const silent = pino({ level: "silent" });
const start = (publicUrl: string, releasePin?: string) => createApp({ publicUrl, logger: silent, releasePin });
/** A fresh folder for a broken store, removed when the calling test finishes (call it inside a test). */
const tmp = () => tempDir("minhbach-api-bad-");

/** Inserts a release row as a crashed publish would leave it: present, with units, but not complete. */
async function writeIncompleteRelease(publicUrl: string, id: string, seq: number): Promise<void> {
  const db = openPublicStore(publicUrl);
  try {
    const content = fixtureRelease(id);
    await db.release.create({ data: { ...content.release, title: "half written", seq, checksum: "x".repeat(64), complete: false } });
    await db.pubUnit.create({ data: { ...content.units[0]!, code: "99", name: "Half", nameAscii: "half", releaseId: id } });
  } finally {
    await db.$disconnect();
  }
}

describe("refuses to start on a broken SQLite file (SQLite only)", () => {
  it("when the store file does not exist (and does not create it)", async () => {
    const file = path.join(tmp(), "public.db");
    await expect(start(`file:${file}`)).rejects.toThrow(/Public store not found at .*public\.db.*pnpm minhbach publish/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("when the file is not a SQLite database (truncated, overwritten, empty)", async () => {
    for (const bytes of [Buffer.from("this is not a database at all, just text"), Buffer.alloc(0), Buffer.from("SQLite format")]) {
      const file = path.join(tmp(), "public.db");
      fs.writeFileSync(file, bytes);
      await expect(start(`file:${file}`)).rejects.toThrow(/not a SQLite database/);
    }
  });

  it("when a SQLite file is damaged past its header, or was never migrated", async () => {
    const { publicUrl } = await writeFixtureStore("sqlite");
    const file = publicUrl.slice("file:".length);
    const damaged = path.join(tmp(), "public.db");
    const bytes = fs.readFileSync(file);
    bytes.fill(0xa5, 100, bytes.length); // keep the 100-byte header, wreck every page
    fs.writeFileSync(damaged, bytes);
    await expect(start(`file:${damaged}`)).rejects.toThrow(/cannot be read|not usable/);
    const blank = path.join(tmp(), "public.db");
    fs.writeFileSync(blank, Buffer.concat([Buffer.from("SQLite format 3\0"), Buffer.alloc(4096 - 16)]));
    await expect(start(`file:${blank}`)).rejects.toThrow(/cannot be read|not a SQLite/);
  });
});

const pgAvailable = await postgresAvailable();

describe.skipIf(!pgAvailable)("refuses to start on a broken PostgreSQL database (PostgreSQL only)", () => {
  it("when the database does not exist, or was never migrated", async () => {
    const missing = new URL(POSTGRES_ADMIN_URL);
    missing.pathname = "/minhbach_never_created";
    await expect(start(missing.toString())).rejects.toThrow(/cannot be read/);
    const bare = await freshPostgresDatabase("minhbach_api_bare");
    try {
      await expect(start(bare.url)).rejects.toThrow(/cannot be read.*not migrated/);
    } finally {
      await bare.drop();
    }
  });
});

describe("refuses to start", () => {
  it("when the store holds no complete release, even if a half-written one is there", async () => {
    const { publicUrl } = await freshStores("minhbach-api-empty-");
    await expect(start(publicUrl)).rejects.toThrow(/No complete release in the public store.*Incomplete releases are never served/);
    await writeIncompleteRelease(publicUrl, "2026.9", 1);
    await expect(start(publicUrl)).rejects.toThrow(/No complete release/);
  });

  it("when RELEASE_PIN names a release that is not there", async () => {
    const { publicUrl } = await writeFixtureStore();
    await expect(start(publicUrl, "1999.1")).rejects.toThrow(/Pinned release 1999\.1 \(RELEASE_PIN\)/);
  });
});

describe("serving only complete releases", () => {
  let app: TestApp;
  let publicUrl: string;
  beforeAll(async () => {
    publicUrl = (await writeFixtureStore()).publicUrl;
    app = await startTestApp({ publicUrl, releaseRefreshMs: 50 });
  });
  afterAll(async () => { await app.close(); });

  it("ignores a release row written directly without the complete flag, even once the list is refreshed", async () => {
    await writeIncompleteRelease(publicUrl, "2026.3", 3);
    await new Promise((r) => setTimeout(r, 200));
    await fetch(`${app.url}/readyz`); // forces a refresh too
    const { body } = await app.gql(`{ release { id } releases { id } units(level: PROVINCE) { nodes { code } } half: release(id: "2026.3") { id } }`);
    expect(body.data).toEqual({ release: { id: "2026.2" }, releases: [{ id: "2026.2" }, { id: "2026.1" }], units: { nodes: [{ code: "06" }, { code: "19" }] }, half: null });
    expect((await app.gql(`{ units(level: PROVINCE, release: "2026.3") { totalCount } }`)).body.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect(await (await fetch(`${app.url}/readyz`)).json()).toEqual({ status: "ready", release: "2026.2" });
  });

  it("RELEASE_PIN serves the pinned release as the latest and hides newer ones (a rollback)", async () => {
    const pinned = await startTestApp({ publicUrl, releasePin: "2026.1" });
    try {
      const { body } = await pinned.gql(`{ release { id } releases { id } }`);
      expect(body.data).toEqual({ release: { id: "2026.1" }, releases: [{ id: "2026.1" }] });
      expect((await pinned.gql(`{ release(id: "2026.2") { id } }`)).body.data).toEqual({ release: null });
      expect((await pinned.gql(`{ unit(code: "01990", release: "2026.2") { name } }`)).body.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    } finally {
      await pinned.close();
    }
  });
});
