/**
 * Builds the portal from the API's fixture release (Bắc Kạn → Bạch Thông → Lục Bình, the 2025 merger, two releases)
 * into a temporary folder, once per test process. Why shared: browser tests and build tests read the same output.
 * The fixture store is on the suite's provider (MINHBACH_TEST_STORE), so with PostgreSQL the portal is built from,
 * and the browser tests' API serves, a PostgreSQL public store.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeFixtureStore } from "@minhbach/api/test/fixture-release.ts";
import { buildPortal, type BuildReport } from "../build/pipeline.js";

export interface FixtureSite { publicUrl: string; outDir: string; report: BuildReport; /** drops the store, removes the build */ drop: () => Promise<void> }

let built: Promise<FixtureSite> | undefined;

export function buildFixtureSite(origin = "http://127.0.0.1:4000"): Promise<FixtureSite> {
  built ??= (async () => {
    const { publicUrl, drop: dropStore } = await writeFixtureStore();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-portal-"));
    // The build is shared for the whole process, so no test can own it: remove it when the process exits, even if the
    // build fails or the caller never calls drop() (only SIGKILL escapes this).
    const removeWork = () => fs.rmSync(work, { recursive: true, force: true });
    process.once("exit", removeWork);
    const outDir = path.join(work, "dist");
    const report = await buildPortal({ publicUrl, outDir, snapshotDir: path.join(work, "snapshot"), origin, quiet: true });
    const drop = async () => {
      await dropStore();
      removeWork();
    };
    return { publicUrl, outDir, report, drop };
  })();
  return built;
}
