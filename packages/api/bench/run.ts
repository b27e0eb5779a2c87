/**
 * `pnpm bench:api`: autocannon on loopback against the API and a bare node:http server returning the same bytes, in
 * the same run; writes the ratios the issue asks for into docs/benchmarks.md (section "GraphQL API").
 * Uses the demo release when the public store has one, else the test fixture release (said in the results).
 * BENCH_DURATION (seconds per run, default 10) and BENCH_CONNECTIONS (default 32) override.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import autocannon from "autocannon";
import { loadConfig, publicStoreUrl } from "@minhbach/core/config/config.ts";
import { openPublicStore } from "@minhbach/db/public.ts";
import { isSqliteUrl, sqlitePathFromUrl } from "@minhbach/db/sqlite-url.ts";
import { writeFixtureStore } from "../src/test/fixture-release.js";
import { PROFILE_PATH } from "./api-query.js";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
process.chdir(process.env.INIT_CWD ?? repoRoot);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);

/** The demo store when it holds a complete release with Lục Bình, else a fresh fixture store. */
async function pickStore(): Promise<{ publicUrl: string; source: string }> {
  const url = publicStoreUrl(loadConfig());
  if (isSqliteUrl(url) && fs.existsSync(sqlitePathFromUrl(url))) {
    const db = openPublicStore(url);
    try {
      const latest = await db.release.findFirst({ where: { complete: true }, orderBy: { seq: "desc" } });
      const commune = latest && (await db.pubUnit.findFirst({ where: { releaseId: latest.id, code: "01990" } }));
      if (latest && commune) return { publicUrl: url, source: `demo release ${latest.id}` };
    } catch {
      // not migrated yet
    } finally {
      await db.$disconnect();
    }
  }
  const { publicUrl } = await writeFixtureStore();
  return { publicUrl, source: "test fixture release 2026.2 (packages/api/src/test/fixture-release.ts; no demo release yet)" };
}

const PATH = PROFILE_PATH;

async function load(url: string, seconds: number) {
  const result = await autocannon({ url: url + PATH, connections, duration: seconds, pipelining: 1, headers: { accept: "application/graphql-response+json" } });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total };
}

const store = await pickStore();
const loadBefore = os.loadavg()[0]!;
const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "servers.ts")], {
  cwd: path.resolve(import.meta.dirname, ".."),
  env: { ...process.env, NODE_ENV: "production", BENCH_PUBLIC_URL: store.publicUrl, BENCH_PATH: PATH, DATABASE_URL: "" },
  stdio: ["ignore", "pipe", "inherit"],
});
const urls = await new Promise<{ cached: string; uncached: string; bare: string; bytes: number }>((resolve, reject) => {
  readline.createInterface({ input: child.stdout! }).once("line", (line) => resolve(JSON.parse(line)));
  child.once("exit", (code) => reject(new Error(`benchmark servers exited (${code})`)));
});

try {
  // Two rounds, interleaved, best of two per server: a 2-core machine is noisy, and interleaving keeps drift from
  // favouring one server.
  const results: Record<string, Awaited<ReturnType<typeof load>>> = {};
  for (let round = 1; round <= 2; round++) {
    for (const name of ["bare", "cached", "uncached"] as const) {
      if (round === 1) await load(urls[name], 2); // warm-up: JIT, caches, keep-alive sockets
      const r = await load(urls[name], duration);
      process.stdout.write(`round ${round} ${name.padEnd(9)} ${r.rps.toFixed(0)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms\n`);
      if (!results[name] || r.rps > results[name]!.rps) results[name] = r;
    }
  }
  const bare = results.bare!;
  const ratio = (r: { rps: number }) => r.rps / bare.rps;
  const cpu = os.cpus();
  const lines = [
    "<!-- bench:api:start -->",
    "## GraphQL API (`pnpm bench:api`)",
    "",
    `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpu[0]?.model ?? "unknown CPU"} (${cpu.length} cores), ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}; ` +
      `load average ${loadBefore.toFixed(1)} before and ${os.loadavg()[0]!.toFixed(1)} after the run (other work on the machine makes the figures noisy).`,
    `Data: ${store.source}. Query: the commune profile of Lục Bình (01990) by GET, ${urls.bytes} bytes of JSON.`,
    `autocannon on loopback, ${connections} connections, ${duration} s per run after a 2 s warm-up, two interleaved rounds, best of two per server; servers in a child process (NODE_ENV=production), autocannon in the parent.`,
    "",
    "| server | req/s | ratio to bare | p50 ms | p99 ms | target |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
    `| bare \`node:http\`, same bytes | ${bare.rps.toFixed(0)} | 1.00 | ${bare.p50} | ${bare.p99} | — |`,
    `| API, cached GET (response cache) | ${results.cached!.rps.toFixed(0)} | ${ratio(results.cached!).toFixed(2)} | ${results.cached!.p50} | ${results.cached!.p99} | ≥ 0.60 ${ratio(results.cached!) >= 0.6 ? "✔" : "✘"} |`,
    `| API, uncached (every request executes) | ${results.uncached!.rps.toFixed(0)} | ${ratio(results.uncached!).toFixed(2)} | ${results.uncached!.p50} | ${results.uncached!.p99} | ≥ 0.15 ${ratio(results.uncached!) >= 0.15 ? "✔" : "✘"} |`,
    "",
    "\"Uncached\" means the response cache is off, so every request is executed: its document is looked up by query",
    "text (parsed, validated and compiled once), cost-checked, and run through the resolvers; the shared cache of",
    "immutable release rows is warm, so no SQL runs (cold, Prisma costs 1–2 ms per statement).",
    "The bare server's figure is bounded by autocannon itself on this 2-core machine. Run `pnpm bench:api` to refresh.",
    "",
    "What made the uncached path faster (issue 3; before: 0.07× bare on a quiet machine, 2,052 req/s, p99 29 ms, and",
    "0.05× at load average 1–2). A CPU profile showed the time going to Apollo's per-request pipeline, graphql-js",
    "interpreting the query, type-graphql's wrapper around every field, and services rebuilding the same objects.",
    "Now (1) a fast path (`src/http/fast-graphql.ts`) answers a request Apollo would answer with data and no errors,",
    "with the same status, headers and bytes, from a document parsed and validated once with Apollo's rules and",
    "compiled with graphql-jit from its second use (`src/schema/prepared-documents.ts`); everything else (errors,",
    "APQ, cost over the limit, odd parameters) goes to Apollo unchanged, and tests compare both paths byte for byte;",
    "(2) plain fields have no resolver and handler resolvers are called directly (`simpleResolvers`,",
    "`src/schema/direct-resolvers.ts`); (3) loads answered by the row cache skip DataLoader's batching; (4) view",
    "objects built from immutable release rows (units, poverty series with rates and notes, projects, sources, credit,",
    "jobs) are kept beside the cached rows per language and k, so they are computed once per release, not per request.",
    "Each request still resolves every field of its query; nothing is cached per whole request.",
    "",
    "<!-- bench:api:end -->",
  ];
  const doc = path.join(repoRoot, "docs/benchmarks.md");
  const current = fs.existsSync(doc) ? fs.readFileSync(doc, "utf8") : "# Benchmarks\n";
  const section = lines.join("\n");
  const next = /<!-- bench:api:start -->[\s\S]*<!-- bench:api:end -->/.test(current)
    ? current.replace(/<!-- bench:api:start -->[\s\S]*<!-- bench:api:end -->/, section)
    : current.trimEnd() + "\n\n" + section + "\n";
  fs.writeFileSync(doc, next);
  process.stdout.write(`\n${section}\n`);
} finally {
  child.kill("SIGTERM");
}
