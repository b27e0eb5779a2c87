/**
 * Workers run from a bundle of their TypeScript sources (worker-bundle.ts), with workspace modules inside it and npm
 * packages resolved as from the sources; without a writable cache they still start, through tsx.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { startThroughTsx, startTsWorker } from "./start-ts-worker.ts";
import { workerBundle } from "./worker-bundle.ts";

const ECHO = new URL("./echo-worker.fixture.ts", import.meta.url);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-bundle-"));
  dirs.push(d);
  return d;
};

function answer(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  }).finally(() => worker.terminate());
}

describe("worker bundles", () => {
  it("run the entry with its workspace and npm imports, from one file per entry and source", async () => {
    const bundle = workerBundle(ECHO)!;
    expect(bundle.href).toMatch(/\/packages\/core\/node_modules\/\.cache\/minhbach-workers\/echo-worker\.fixture-[0-9a-f]{16}\.mjs$/);
    const code = fs.readFileSync(bundle, "utf8");
    expect(code).toContain("function foldVietnamese"); // the workspace module is inside
    expect(code).toMatch(/from "zod"/); // the npm package is not
    expect(workerBundle(ECHO)).toBe(bundle); // built once per process
    expect(await answer(startTsWorker(ECHO, { text: "Xã Tân Hòa" }))).toBe("xa tan hoa");
  });

  it("is not written where it cannot be, and the worker then starts through tsx", async () => {
    const file = path.join(tempDir(), "not-a-dir");
    fs.writeFileSync(file, "");
    expect(workerBundle(ECHO, path.join(file, "cache"))).toBeUndefined();
    expect(await answer(startThroughTsx(ECHO, { text: "Đồng Văn" }))).toBe("dong van");
  });

  it("refuses a source that does not compile, naming it", () => {
    const dir = tempDir();
    const broken = path.join(dir, "broken-worker.ts");
    fs.writeFileSync(broken, "export const = ;\n");
    expect(() => workerBundle(pathToFileURL(broken), path.join(dir, "cache"))).toThrow(/broken-worker\.ts/);
  });
});
