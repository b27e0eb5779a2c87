/**
 * Scenarios for the confirmation of a re-import (issue #16): the change per village is shown before anything is stored,
 * a removal needs a "y" on a terminal or --yes, a dry run and a "no" leave the store exactly as it was. Through
 * importHouseholds with the CLI's policy (confirm.ts), and through the CLI itself, whose stdin is not a terminal here.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { queryValue } from "@minhbach/db/test-query.ts";
import { tempDir, writeCsv } from "../shared/test-files.js";
import { confirmWith, type ConfirmPolicy } from "./confirm.js";
import { ImportDeclined, importHouseholds } from "./import-households.js";
import type { ImportChange } from "./summary.js";
import { HEADER, SECRET, dropHouseholdStores, household, seededStores, storedBytes } from "./test-fixtures.js";

afterEach(dropHouseholdStores);

/** A store holding A1, A2 (village 01990-01) and B1 (01993-01) for 2024, and a file that keeps A1 only: A2 removed. */
async function storeAndCorrection(): Promise<{ privateUrl: string; dir: string; correction: string }> {
  const { privateUrl, dir } = await seededStores();
  const files = tempDir();
  await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(files, "a.csv", [
    HEADER, household("A1"), household("A2"), household("B1", { village_code: "01993-01" }),
  ]) });
  return { privateUrl, dir, correction: writeCsv(files, "b.csv", [HEADER, household("A1", { size: 5 })]) };
}

const REMOVAL_LINE = "village 01990-01 (commune 01990): 2 → 1 households; +0 added, -1 removed, 1 changed";

function policy(p: Partial<ConfirmPolicy>): { policy: ConfirmPolicy; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, policy: { yes: false, dryRun: false, ask: undefined, show: (t) => out.push(t), warn: (t) => err.push(t), ...p } };
}

describe("confirm: the import shows its change and may be declined", () => {
  it("a confirm callback answering no leaves the store unchanged; answering yes stores the file", async () => {
    const { privateUrl, correction } = await storeAndCorrection();
    const before = await storedBytes(privateUrl);
    const seen: ImportChange[] = [];
    const no = async (c: ImportChange) => (seen.push(c), await new Promise((r) => setTimeout(r, 20)), false); // waits, as a question does
    const err = await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: correction, confirm: no }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportDeclined);
    expect(seen).toEqual([expect.objectContaining({ file: "b.csv", year: 2024, rows: 1 })]);
    expect(seen[0]!.villages).toEqual([expect.objectContaining({ village: "01990-01", commune: "01990", added: 0, removed: 1, changed: 1 })]);
    expect(await storedBytes(privateUrl)).toEqual(before);
    const s = await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: correction, confirm: () => true });
    expect(s.totals).toMatchObject({ removed: 1, changed: 1 });
    expect(await queryValue(privateUrl, `SELECT COUNT(*) FROM "HouseholdRecord"`)).toBe(2); // A1 and B1
  });

  it("--dry-run stores nothing and prints the change per village", async () => {
    const { privateUrl, correction } = await storeAndCorrection();
    const before = await storedBytes(privateUrl);
    const { policy: p, out } = policy({ dryRun: true, yes: true });
    await expect(importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: correction, confirm: confirmWith(p) })).rejects.toBeInstanceOf(ImportDeclined);
    expect(out.join("\n")).toContain(REMOVAL_LINE);
    expect(out.at(-1)).toBe("--dry-run: nothing was stored.");
    expect(await storedBytes(privateUrl)).toEqual(before);
  });

  it("a removal without --yes and without a terminal is refused and stores nothing; a 'y' or --yes goes ahead", async () => {
    const { privateUrl, correction } = await storeAndCorrection();
    const before = await storedBytes(privateUrl);
    const run = (p: Partial<ConfirmPolicy>) => importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: correction, confirm: confirmWith(policy(p).policy) });
    const refused = policy({});
    await expect(importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: correction, confirm: confirmWith(refused.policy) })).rejects.toBeInstanceOf(ImportDeclined);
    expect(refused.err).toEqual([expect.stringMatching(/would remove 1 household\(s\) from 1 village\(s\) \(01990-01\).*--yes.*Nothing was stored/)]);
    const questions: string[] = [];
    await expect(run({ ask: async (q) => (questions.push(q), "n") })).rejects.toBeInstanceOf(ImportDeclined);
    await expect(run({ ask: async () => "" })).rejects.toBeInstanceOf(ImportDeclined); // Enter: the default is no
    expect(questions).toEqual([expect.stringMatching(/remove 1 household\(s\).*\[y\/N\] $/)]);
    expect(await storedBytes(privateUrl)).toEqual(before);
    expect((await run({ ask: async () => "y" })).totals.removed).toBe(1);
  });

  it("an import removing nothing needs no confirmation", async () => {
    const { privateUrl } = await seededStores();
    const { policy: p, out } = policy({});
    const s = await importHouseholds({ privateUrl, year: 2024, secret: SECRET, file: writeCsv(tempDir(), "a.csv", [HEADER, household("A1")]), confirm: confirmWith(p) });
    expect(s.totals.added).toBe(1);
    expect(out.join("\n")).toContain("village 01990-01 (commune 01990): 0 → 1 households; +1 added, -0 removed, 0 changed");
  });
});

const MAIN = path.resolve(import.meta.dirname, "../../main.ts");

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--import", "tsx", MAIN, ...args], { encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("CLI: import households --yes / --dry-run", () => {
  it("prints the change per village; without a terminal a removal needs --yes; --dry-run stores nothing", async () => {
    const { privateUrl, dir, correction } = await storeAndCorrection();
    const env = { DATABASE_URL: privateUrl, HOUSEHOLD_KEY_SECRET: SECRET, MINHBACH_DATA_DIR: dir };
    const before = await storedBytes(privateUrl);
    const refused = cli(["import", "households", correction, "--year", "2024"], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(REMOVAL_LINE);
    expect(refused.stderr).toMatch(/without a terminal to confirm it on, run it again with --yes/);
    const dry = cli(["import", "households", correction, "--year", "2024", "--dry-run"], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(REMOVAL_LINE);
    expect(dry.stdout).toContain("--dry-run: nothing was stored.");
    expect(await storedBytes(privateUrl)).toEqual(before);
    const yes = cli(["import", "households", correction, "--year", "2024", "--yes"], env);
    expect(yes.code).toBe(0);
    expect(yes.stdout).toMatch(/Imported 1 households from b\.csv .*\n[^]*1 village\(s\) in 1 commune\(s\) replaced: \+0 added, -1 removed, 1 changed/);
    expect(await queryValue(privateUrl, `SELECT COUNT(*) FROM "HouseholdRecord"`)).toBe(2);
  }, 120_000);
});
