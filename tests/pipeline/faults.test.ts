/**
 * Faults: a SIGKILL in the middle of a publish or an import leaves both stores exactly as before (no partial release
 * visible, no partial import; at most a private publish report that describes no release, replaced by the next
 * publish), and the next run succeeds.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryStore } from "../../packages/db/src/test-query.ts";
import { buildDemoRelease, type DemoRelease } from "./demo-release.js";

const root = path.resolve(import.meta.dirname, "../..");
let demo: DemoRelease;

beforeAll(async () => {
  demo = await buildDemoRelease("minhbach-faults-");
}, 600_000);
afterAll(async () => demo?.drop());

/** Runs the CLI and SIGKILLs it `delayMs` after `trigger` appears on stderr (or after start when no trigger). */
function killDuring(args: string[], trigger: RegExp | null, delayMs: number): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "packages/pipeline/src/main.ts"), ...args], {
      // No HOUSEHOLD_KEY_SECRET: the CLI takes the key `demo` generated into the data folder (copied with it).
      cwd: root, env: demo.env, stdio: ["ignore", "ignore", "pipe"],
    });
    let armed = false;
    const arm = () => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill("SIGKILL"), delayMs);
    };
    if (!trigger) arm();
    child.stderr.on("data", (chunk: Buffer) => trigger && trigger.test(chunk.toString()) && arm());
    child.on("exit", (code, signal) => resolve({ killed: signal === "SIGKILL", code }));
  });
}

/** What a store holds, read on either provider (SQL with quoted identifiers, see test-query.ts). */
function snapshot(url: string, sql: string): Promise<unknown[]> {
  return queryStore(url, sql);
}

describe("SIGKILL during a publish", () => {
  it("leaves no partial release, and the next publish succeeds", async () => {
    const releases = `SELECT "id", "checksum", "complete" FROM "Release" ORDER BY "seq"`;
    const cellsPerRelease = `SELECT "releaseId", COUNT(*) AS n FROM "PubCell" GROUP BY "releaseId" ORDER BY "releaseId"`;
    type ReleaseRow = { id: string; checksum: string; complete: number };
    let known = (await snapshot(demo.publicUrl, releases)) as ReleaseRow[];
    let knownCells = (await snapshot(demo.publicUrl, cellsPerRelease)) as { releaseId: string; n: number }[];
    let killedMidWrite = 0;
    for (const delay of [0, 300]) {
      const run = await killDuring(["publish"], /writing release/, delay);
      const now = (await snapshot(demo.publicUrl, releases)) as ReleaseRow[];
      const cells = (await snapshot(demo.publicUrl, cellsPerRelease)) as { releaseId: string; n: number }[];
      if (!run.killed) {
        // finished before the kill (a fast machine): an ordinary publish, one more complete release
        expect(now.length).toBe(known.length + 1);
        expect(now.every((r) => r.complete === 1)).toBe(true);
        [known, knownCells] = [now, cells];
        continue;
      }
      // Either the kill came before the commit (nothing changed), or after it and before the process exited: then
      // exactly one more release, complete, with as many cells as the last one (same store, same content).
      expect(now.slice(0, known.length)).toEqual(known);
      expect(cells.filter((c) => known.some((r) => r.id === c.releaseId))).toEqual(knownCells);
      if (now.length === known.length) {
        expect(cells).toEqual(knownCells);
        killedMidWrite++;
      } else {
        expect(now.length).toBe(known.length + 1);
        expect(now.at(-1)!.complete).toBe(1);
        const last = knownCells.find((c) => c.releaseId === known.at(-1)!.id)!.n;
        expect(cells.find((c) => c.releaseId === now.at(-1)!.id)?.n).toBe(last);
        [known, knownCells] = [now, cells];
      }
    }
    expect(killedMidWrite).toBeGreaterThan(0); // the kill right after "writing release" lands inside the write
    demo.cli("publish", "--note", "after the crash");
    const after = (await snapshot(demo.publicUrl, `SELECT "complete" FROM "Release"`)) as { complete: number }[];
    expect(after.length).toBe(known.length + 1);
    expect(after.every((r) => r.complete === 1)).toBe(true);
    // The private publish report is written before the release: a kill may leave a report without its release (never
    // the reverse), and the next publish, which gets the same release id, replaces it. So now: one report per release.
    const ids = (await snapshot(demo.publicUrl, `SELECT "id" FROM "Release" ORDER BY "id"`)) as { id: string }[];
    const reports = (await snapshot(demo.privateUrl, `SELECT "releaseId" AS id FROM "PublishReport" ORDER BY "releaseId"`)) as { id: string }[];
    expect(reports).toEqual(ids);
  }, 300_000);
});

describe("SIGKILL during a household import", () => {
  it("leaves the private store unchanged, and the next import succeeds", async () => {
    const file = path.join(demo.dir, "demo", "households-2023.csv");
    const count = `SELECT "year", COUNT(*) AS n, SUM("incomePerMonth") AS income FROM "HouseholdRecord" GROUP BY "year" ORDER BY "year"`;
    const before = await snapshot(demo.privateUrl, count);
    const args = ["import", "households", file, "--year", "2023"];
    // How long a whole import takes on this machine (the same file with the same key: the records stay the same), so
    // that the kills land at the same points of it on a fast machine as on a slow one.
    const started = performance.now();
    expect((await killDuring(args, null, 600_000)).code).toBe(0);
    const took = performance.now() - started;
    expect(await snapshot(demo.privateUrl, count)).toEqual(before);
    let killedRuns = 0;
    for (const share of [0.5, 0.7, 0.85, 0.95]) {
      const run = await killDuring(args, null, took * share);
      if (run.killed) killedRuns++;
      expect(await snapshot(demo.privateUrl, count)).toEqual(before);
    }
    expect(killedRuns).toBeGreaterThan(0);
    const out = demo.cli("import", "households", file, "--year", "2023");
    expect(out).toMatch(/2023/);
    expect(await snapshot(demo.privateUrl, count)).toEqual(before); // same file: same content
  }, 300_000);
});
