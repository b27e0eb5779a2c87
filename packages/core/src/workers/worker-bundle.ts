/**
 * One plain ES module per worker entry, bundled from the TypeScript sources with esbuild once per process and kept in
 * the entry package's node_modules/.cache. Why: registering tsx in each worker (its loader-hooks thread, then every
 * module transformed through it) took ~170 ms before a worker's first line ran, a tenth of a household import; the
 * bundle takes 25–60 ms to build and ~30 ms to load. Workspace modules (@minhbach/*) are bundled; npm packages stay
 * imports, resolved from the entry package's own node_modules, as they would be from its sources.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { threadId } from "node:worker_threads";

const packagesDir = path.resolve(import.meta.dirname, "../../..");
/** Bundles older than this, of the same entry, are removed when a new one is written (a process still running an
 *  older bundle has loaded it long before). */
const PRUNE_AFTER_MS = 24 * 3600 * 1000;
const built = new Map<string, URL | undefined>();

/** The entry's bundle, built and written on first use in this process; undefined if the cache cannot be written
 *  (a read-only install), so the caller can fall back to tsx. A source that does not compile throws. */
export function workerBundle(entry: URL, cacheDir = defaultCacheDir(entry)): URL | undefined {
  const id = `${entry.href}\0${cacheDir}`;
  if (!built.has(id)) built.set(id, writeBundle(entry, cacheDir));
  return built.get(id);
}

function writeBundle(entry: URL, cacheDir: string): URL | undefined {
  const entryFile = fileURLToPath(entry);
  // Required here, not imported at the top: a worker's own bundle may include this module (a worker that can start
  // workers), and esbuild, a dependency of this package only, cannot be resolved from the bundle's folder.
  const { buildSync } = createRequire(import.meta.url)("esbuild") as typeof import("esbuild");
  const code = buildSync({
    entryPoints: [entryFile],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    alias: Object.fromEntries(workspacePackages().map((name) => [`@minhbach/${name}`, path.join(packagesDir, name, "src")])),
    write: false,
    logLevel: "silent",
  }).outputFiles[0]!.text;
  const name = path.basename(entryFile).replace(/\.ts$/, "");
  const file = path.join(cacheDir, `${name}-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
  try {
    if (!fs.existsSync(file)) {
      fs.mkdirSync(cacheDir, { recursive: true });
      const temp = `${file}.${process.pid}-${threadId}.tmp`;
      fs.writeFileSync(temp, code);
      fs.renameSync(temp, file); // whole or absent, even with two processes writing it at once
      prune(cacheDir, name, file);
    }
    return pathToFileURL(file);
  } catch {
    return undefined;
  }
}

function workspacePackages(): string[] {
  return fs.readdirSync(packagesDir).filter((d) => fs.existsSync(path.join(packagesDir, d, "src")));
}

/** node_modules/.cache of the package the entry belongs to: its npm imports resolve from there as from its sources. */
function defaultCacheDir(entry: URL): string {
  let dir = path.dirname(fileURLToPath(entry));
  while (!fs.existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, "node_modules", ".cache", "minhbach-workers");
}

function prune(cacheDir: string, name: string, keep: string): void {
  for (const f of fs.readdirSync(cacheDir)) {
    const p = path.join(cacheDir, f);
    if (p === keep || !f.startsWith(`${name}-`)) continue;
    try {
      if (Date.now() - fs.statSync(p).mtimeMs > PRUNE_AFTER_MS) fs.rmSync(p);
    } catch {
      // removed by another process meanwhile
    }
  }
}
