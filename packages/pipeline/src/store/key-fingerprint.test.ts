/**
 * The private store's household key fingerprint, through the real CLI on the suite's provider: the first import
 * records the key, an import under another key is refused before anything is read, the demo's generated key is kept
 * in the data folder so that an import right after needs no set-up.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { householdKeyFile, loadConfig } from "@minhbach/core/config/config.ts";
import { openPrivateStore } from "@minhbach/db/private";
import { tempDir, writeCsv } from "../import/shared/test-files.js";
import { HEADER, SECRET, dropHouseholdStores, household, seededStores } from "../import/households/test-fixtures.js";
import { demoHouseholdKey, keyFingerprint, recordHouseholdKey, storedFingerprint } from "./key-fingerprint.js";

afterEach(dropHouseholdStores);

const MAIN = path.resolve(import.meta.dirname, "../main.ts");
const OTHER = "another-secret-9876543210";

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--import", "tsx", MAIN, ...args], { encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the household key fingerprint", () => {
  it("is an HMAC of a fixed label: stable per key, different between keys, never the key", () => {
    expect(keyFingerprint(SECRET)).toBe(keyFingerprint(SECRET));
    expect(keyFingerprint(SECRET)).not.toBe(keyFingerprint(OTHER));
    expect(keyFingerprint(SECRET)).toMatch(/^[0-9a-f]{64}$/);
    expect(keyFingerprint(SECRET)).not.toContain(Buffer.from(SECRET).toString("hex"));
  });

  it("is recorded by the first import, which later imports under another key cannot change", async () => {
    const { privateUrl, dir } = await seededStores();
    const env = { DATABASE_URL: privateUrl, HOUSEHOLD_KEY_SECRET: SECRET, MINHBACH_DATA_DIR: dir };
    const file = writeCsv(tempDir(), "ho.csv", [HEADER, household("H1"), household("H2")]);
    expect(cli(["import", "households", file, "--year", "2023", "--dry-run"], env).code).toBe(0);
    expect(await storedFingerprint(privateUrl)).toBeUndefined(); // a dry run stores nothing, not even the key
    const first = cli(["import", "households", file, "--year", "2023"], env);
    expect(first.stderr).toBe("");
    expect(await storedFingerprint(privateUrl)).toBe(keyFingerprint(SECRET));

    const other = cli(["import", "households", file, "--year", "2024"], { ...env, HOUSEHOLD_KEY_SECRET: OTHER });
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/HOUSEHOLD_KEY_SECRET is not the key this private store's households were imported with/);
    expect(other.stderr).toMatch(/no longer link to the earlier years'/);
    expect(other.stderr).toMatch(/Set HOUSEHOLD_KEY_SECRET \(in the environment or in \.env\) to the key used before/);
    const participants = cli(["import", "project-participants", path.join(dir, "not-read.csv")], { ...env, HOUSEHOLD_KEY_SECRET: OTHER });
    expect(participants.code).toBe(1);
    expect(participants.stderr).toMatch(/not the key this private store's households were imported with/);
    expect(await storedFingerprint(privateUrl)).toBe(keyFingerprint(SECRET));
    expect(await countRecords(privateUrl, 2024)).toBe(0);
    expect(cli(["import", "households", file, "--year", "2024"], env).code).toBe(0);
  }, 120_000);

  it("is replaced by a demo that reset the store, and kept otherwise", async () => {
    const { privateUrl } = await seededStores();
    await recordHouseholdKey(privateUrl, SECRET);
    await recordHouseholdKey(privateUrl, OTHER);
    expect(await storedFingerprint(privateUrl)).toBe(keyFingerprint(SECRET));
    await recordHouseholdKey(privateUrl, OTHER, true);
    expect(await storedFingerprint(privateUrl)).toBe(keyFingerprint(OTHER));
  });
});

describe("the demo's household key", () => {
  it("is generated once into the data folder, owner-only, and read back by the configuration", () => {
    const dataDir = tempDir();
    const env = { MINHBACH_DATA_DIR: dataDir };
    const made = demoHouseholdKey(loadConfig(env));
    expect(made.generated).toBe(householdKeyFile(dataDir));
    expect(fs.statSync(made.generated!).mode & 0o777).toBe(0o600);
    const again = loadConfig(env);
    expect(again).toMatchObject({ HOUSEHOLD_KEY_SECRET: made.secret, householdKeySource: "key file" });
    expect(demoHouseholdKey(again)).toEqual({ secret: made.secret });
    // a key set in the environment wins over the file
    expect(loadConfig({ ...env, HOUSEHOLD_KEY_SECRET: OTHER })).toMatchObject({ HOUSEHOLD_KEY_SECRET: OTHER, householdKeySource: "environment" });
  });
});

async function countRecords(privateUrl: string, year: number): Promise<number> {
  const db = openPrivateStore(privateUrl);
  try {
    return await db.householdRecord.count({ where: { year } });
  } finally {
    await db.$disconnect();
  }
}
