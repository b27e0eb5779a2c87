/** Builds the demo release once per test file through the real CLI, in a temp data folder. Why the CLI: it is what
 *  statistics staff run, so the end-to-end tests exercise exactly that path. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface DemoRelease {
  dir: string;
  privateUrl: string;
  publicUrl: string;
  env: NodeJS.ProcessEnv;
  cli: (...args: string[]) => string;
}

export function demoEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, MINHBACH_DATA_DIR: dir };
  delete env.DATABASE_URL;
  delete env.PUBLIC_DATABASE_URL;
  delete env.HOUSEHOLD_KEY_SECRET;
  return env;
}

function cliIn(env: NodeJS.ProcessEnv) {
  return (...args: string[]) =>
    execFileSync(process.execPath, ["--import", "tsx", path.join(root, "packages/pipeline/src/main.ts"), ...args], {
      cwd: root, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024,
    });
}

/** Runs `demo` and `publish` into a new folder (the vitest global set-up does this once per run). */
export function buildDemoTemplate(prefix = "minhbach-e2e-template-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const cli = cliIn(demoEnv(dir));
  cli("demo");
  cli("publish");
  return dir;
}

/** A private copy of the demo release for one test file (tests change their stores). */
export function buildDemoRelease(prefix = "minhbach-e2e-"): DemoRelease {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const template = process.env.MINHBACH_DEMO_TEMPLATE ?? buildDemoTemplate();
  fs.cpSync(template, dir, { recursive: true });
  const env = demoEnv(dir);
  return { dir, privateUrl: "file:" + path.join(dir, "private.db"), publicUrl: "file:" + path.join(dir, "public.db"), env, cli: cliIn(env) };
}
