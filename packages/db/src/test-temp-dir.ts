/**
 * A fresh temp folder for the calling test, removed when that test finishes, even if it fails. Why a helper of its own:
 * tests that made folders and forgot them left ~550 under /tmp per full run. Call it inside a test, not at collection
 * time (it registers vitest's onTestFinished; kept apart from test-stores.ts, which benchmarks import outside vitest).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { onTestFinished } from "vitest";

export function tempDir(prefix = "minhbach-test-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
