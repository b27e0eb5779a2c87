/**
 * Browser tests' global set-up: starts packages/portal/src/test/serve-fixture.ts (build from the API's fixture release,
 * serve on 127.0.0.1, plus a second-origin "news site") and hands its URLs to the tests. Stops it afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";
import type { ProvidedContext } from "vitest";

let child: ChildProcess | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const portal = path.resolve(import.meta.dirname, "../../packages/portal");
  child = spawn(process.execPath, ["--import", "tsx", "src/test/serve-fixture.ts"], {
    cwd: portal, env: { ...process.env, TSX_TSCONFIG_PATH: path.join(portal, "tsconfig.json") }, stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = await new Promise<ProvidedContext["portal"]>((resolve, reject) => {
    let buf = "";
    child!.stdout!.on("data", (d: Buffer) => {
      buf += d.toString();
      const line = buf.split("\n").find((l) => l.startsWith("{\"base\""));
      if (line) resolve(JSON.parse(line));
    });
    child!.on("exit", (code) => reject(new Error(`serve-fixture exited with ${code}`)));
  });
  project.provide("portal", ready);
  return async () => {
    // The child drops its fixture store on SIGTERM (on PostgreSQL a database): wait for it, but not forever.
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child!.once("exit", () => resolve()));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    /** base/outDir: the API fixture's site; national/nationalOutDir: the national-shaped test release's (national-fixture.ts). */
    portal: { base: string; host: string; outDir: string; national: string; nationalOutDir: string };
  }
}
