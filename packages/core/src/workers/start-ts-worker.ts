/**
 * Starts a worker thread on a TypeScript module. Why not `new Worker(file.ts)`: the project runs from source through
 * tsx, and a worker does not inherit its parent's loader hooks. The worker runs the module's bundle (worker-bundle.ts:
 * ~60 ms to its first line instead of ~170 ms); where no bundle can be written, the worker first registers tsx's ESM
 * loader, then imports the entry. Shared by the protect pool, the publish scan and the household import.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { workerBundle } from "./worker-bundle.ts";

export function startTsWorker(entry: URL, workerData?: unknown, resourceLimits?: ResourceLimits): Worker {
  const bundle = workerBundle(entry);
  if (bundle) return new Worker(bundle, { execArgv: [], workerData, resourceLimits });
  return startThroughTsx(entry, workerData, resourceLimits);
}

/** The same worker without a bundle: tsx compiles each module as the worker imports it. */
export function startThroughTsx(entry: URL, workerData?: unknown, resourceLimits?: ResourceLimits): Worker {
  // require.resolve picks the CommonJS entry; the loader API must be loaded as ES module in the worker.
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, execArgv: [], workerData, resourceLimits });
}
