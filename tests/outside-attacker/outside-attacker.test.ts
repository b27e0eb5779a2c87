/**
 * An outside attacker against the demo release as the API serves it (issue #16). It knows only what anyone can
 * download — GraphQL and the CSV exports, over HTTP — and shares no code with the release gate: its own model
 * (model.ts: relations verified on the release's published cells), its own HiGHS calls (solve.ts). Scenarios:
 * (a) on the release as served, no hidden figure is pinned inside [1, k−1] or narrower than min(k, n);
 * (b) on a fixture that gives every hidden figure its reason again (a proxy in front of the same API), the attacker
 *     must find pinned figures, as the outside audit did — else it would be proving nothing in (a).
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type AppOptions } from "../../packages/api/src/app/create-app.js";
import { buildDemoReleaseAnywhere, type DemoRelease } from "../pipeline/demo-release.js";
import { harvest, type Harvest } from "./harvest.js";
import { buildModel, type AttackModel } from "./model.js";
import { loadReasons, startReasonProxy, type ReasonProxy } from "./reason-proxy.js";
import { attack, type AttackResult } from "./solve.js";

// pino is the API package's dependency, not the root's.
const pino = createRequire(path.resolve(import.meta.dirname, "../../packages/api/package.json"))("pino") as (options: { level: string }) => NonNullable<AppOptions["logger"]>;

const log = (line: string) => process.stdout.write(`[outside-attacker] ${line}\n`);

let demo: DemoRelease & { ownTemplate: boolean };
let app: Awaited<ReturnType<typeof startServer>>;
let proxy: ReasonProxy | undefined;

beforeAll(async () => {
  demo = await buildDemoReleaseAnywhere("minhbach-outside-attacker-");
  log(demo.ownTemplate ? "no demo template in this run: built one" : "copies the run's demo template");
  // No rate limit: startServer turns it on only when asked (main.ts does, from the configuration).
  app = await startServer({ port: 0, host: "127.0.0.1", logger: pino({ level: "silent" }), publicUrl: demo.publicUrl });
}, 600_000);

afterAll(async () => {
  await proxy?.close();
  await app?.close();
  await demo?.drop();
});

/** Harvest, model, attack; logs what it found and how long each step took. */
async function run(label: string, base: string): Promise<{ h: Harvest; model: AttackModel; result: AttackResult }> {
  const h = await harvest(base);
  const hidden = [...h.cells.values()].filter((c) => c.status === "SUPPRESSED" && !c.measure.startsWith("rate:"));
  log(`${label}: harvested ${h.cells.size} figures (counts and rates) of ${h.units.size} units (${hidden.length} hidden, ${hidden.filter((c) => c.reason || /fewer than/i.test(c.note ?? "")).length} with a reason) ` +
    `in ${h.stats.requests} requests, ${(h.stats.ms / 1000).toFixed(1)} s; release ${h.releaseId}, k = ${h.k}; CSV rows ${h.stats.csvRows}, added ${h.stats.csvAdded}, conflicts ${h.stats.csvConflicts.length}; ` +
    `earlier releases ${h.stats.earlierReleases.length} (figures they reveal: ${h.stats.revealedByEarlier}, changed: ${h.stats.changedAcrossReleases})`);
  const model = buildModel(h);
  const inapplicable = model.families.filter((f) => f.instances === 0);
  for (const f of model.families.filter((f) => !f.used && f.instances > 0)) log(`${label}: relation ${f.family} ${f.why}`);
  log(`${label}: ${model.families.filter((f) => f.used).length} relation families verified and used, ${model.families.filter((f) => !f.used && f.instances > 0).length} dropped, ` +
    `${inapplicable.length} without any instance (${inapplicable.map((f) => f.family.replace(/ = Σ children$/, "")).join(", ")}); ` +
    `${model.variables.length} variables, ${model.constraints.length} constraints, ${model.reasonsUsed} reasons used, ${model.brokenPartitions.length} broken partitions`);
  const result = await attack(model);
  const s = result.stats;
  log(`${label}: attacked ${result.ranges.length} hidden figures in ${s.components} components (largest ${s.largestComponent}): ${s.lpSolves} LP + ${s.mipSolves} MILP solves, ` +
    `${s.skippedByPool} shown wide by the pool, ${s.cachedComponents} cached, ${(s.ms / 1000).toFixed(1)} s → ${result.failing.length} fail (${result.pinned.length} pinned exactly, ` +
    `${result.failing.filter((f) => f.min >= 1 && f.max <= h.k - 1).length} inside [1, ${h.k - 1}], ${result.failing.filter((f) => f.min === 0 || f.max >= h.k).length} narrow but not inside)`);
  for (const f of result.failing.slice(0, 10)) log(`${label}:   ${f.key} (n = ${f.n}): ${f.why}`);
  return { h, model, result };
}

describe("an outside attacker with only the API and the downloads", () => {
  it("(a) finds no hidden figure pinned inside [1, k−1] or narrower than min(k, n) on the demo release as served", async () => {
    const { h, model, result } = await run("served", app.url);
    // The harvest and the model are not vacuous: the whole release, and the hierarchy of the poverty counts, are there.
    expect(h.cells.size).toBeGreaterThan(50_000);
    expect(h.stats.csvConflicts).toEqual([]);
    // A figure hidden now but published by an earlier release is known exactly.
    expect(h.stats.revealedByEarlier).toBe(0);
    expect(result.ranges.length).toBeGreaterThan(1000);
    expect(model.families.filter((f) => f.used && /^\(a\) (commune|district|province) (poor|nearPoor) /.test(f.family)).length).toBe(6);
    expect(result.failing.map((f) => `${f.key} (n = ${f.n}): ${f.why}`)).toEqual([]);
  }, 300_000);

  it("(b) finds pinned figures on a fixture release that says why each figure is hidden (the attacker must fail it)", async () => {
    const release = (await harvestReleaseId(app.url));
    const { source, reasons } = await loadReasons(demo.privateUrl, demo.publicUrl, release.id);
    log(`reasons: ${reasons.size} from the ${source}`);
    proxy = await startReasonProxy(app.url, reasons, release.k);
    const { model, result } = await run("with reasons", proxy.url);
    expect(proxy.filled).toBeGreaterThan(1000);
    expect(model.reasonsUsed).toBeGreaterThan(500);
    // The audit pinned 89 counts exactly and 1,987 more to [1, 4]: "dozens" of exact values at least.
    expect(result.pinned.length).toBeGreaterThanOrEqual(24);
    expect(result.failing.length).toBeGreaterThan(500);
  }, 300_000);

  it("shares no code with the release gate or the publish step", () => {
    const dir = import.meta.dirname;
    const forbidden = /packages\/core\/src\/disclosure|@minhbach\/core\/disclosure|packages\/pipeline\/src\/publish|@minhbach\/pipeline\/publish|\/disclosure\/|\/publish\//;
    const attacker = ["harvest.ts", "model.ts", "solve.ts"];
    const seen: string[] = [];
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g)]
        .map((m) => m[1] ?? m[2] ?? m[3]!);
      seen.push(...specifiers);
      expect(specifiers.filter((s) => forbidden.test(s)), file).toEqual([]);
      // The attacker proper knows the API only over HTTP: node built-ins, highs, and its own files.
      if (attacker.includes(file)) expect(specifiers.filter((s) => !/^node:|^highs$|^\.\/(harvest|model|solve)\.js$/.test(s)), file).toEqual([]);
    }
    // The scan sees the imports it must see (it is not vacuous).
    expect(seen).toEqual(expect.arrayContaining(["highs", "./solve.js", "../../packages/api/src/app/create-app.js", "../pipeline/demo-release.js"]));
  });
});

async function harvestReleaseId(base: string): Promise<{ id: string; k: number }> {
  const res = await fetch(`${base}/graphql`, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ release { id disclosureK } }" }),
  });
  const body = (await res.json()) as { data: { release: { id: string; disclosureK: number } } };
  return { id: body.data.release.id, k: body.data.release.disclosureK };
}
