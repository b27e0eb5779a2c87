/**
 * `pnpm bench:load [--duration 20] [--connections 64] [--warmup 10] [--redis] [--record] [--store sqlite|postgresql]`:
 * autocannon on loopback against the real server (main.ts in a child process, NODE_ENV=production) over the demo
 * release (`--store postgresql`: a copy of it in a fresh PostgreSQL database, see load-store.ts), with the mixed
 * journalist workload of load-workload.ts. Fails on any error or non-2xx answer. Reports throughput, p50/p99 and the
 * server's RSS growth after warm-up (sampled from /proc every second); `--record` writes docs/benchmarks.md "Load".
 * Rate limiting stays on with a limit no single client reaches, so its cost is measured (`--redis`: buckets in Redis).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { loadStore } from "./load-store.js";
import { buildWorkload } from "./load-workload.js";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
process.chdir(process.env.INIT_CWD ?? repoRoot);
const { values: args } = parseArgs({ options: {
  duration: { type: "string", default: "20" }, connections: { type: "string", default: "64" }, warmup: { type: "string", default: "10" },
  redis: { type: "boolean", default: false }, record: { type: "boolean", default: false }, store: { type: "string" },
} });
const duration = Number(args.duration);
const connections = Number(args.connections);
const warmup = Number(args.warmup);
const store = await loadStore(args.store);
const publicUrl = store.url;
if (store.note) process.stdout.write(`load: ${store.label} store: ${store.note}\n`);

const freePort = () => new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, "127.0.0.1", () => { const { port } = s.address() as net.AddressInfo; s.close(() => resolve(port)); });
});
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const { requests, release } = await buildWorkload(publicUrl);
const port = await freePort();
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", PORT: String(port), PUBLIC_DATABASE_URL: publicUrl,
  RATE_LIMIT_PER_SECOND: "1000000", RATE_LIMIT_BURST: "1000000", MINHBACH_STATIC_DIR: "", INIT_CWD: process.cwd() };
delete env.DATABASE_URL;
if (args.redis) env.REDIS_URL ??= "redis://127.0.0.1:6379";
else delete env.REDIS_URL;
const server = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "../src/main.ts")], { cwd: path.resolve(import.meta.dirname, ".."), env, stdio: ["ignore", "inherit", "inherit"] });
const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  if (server.exitCode !== null) throw new Error("the API server exited during start-up");
  if ((await fetch(`${base}/readyz`).then((r) => r.status).catch(() => 0)) === 200) break;
  if (i > 600) throw new Error("the API server did not become ready in 60 s");
  await new Promise((r) => setTimeout(r, 100));
}

const run = (seconds: number) => autocannon({ url: base, connections, duration: seconds, pipelining: 1, timeout: 10, requests: requests.map(({ kind: _k, ...r }) => r) });
let result: autocannon.Result;
const samples: { t: number; rss: number }[] = [];
try {
  process.stdout.write(`load: ${requests.length} distinct-order requests over release ${release}; warm-up ${warmup} s, then ${duration} s at ${connections} connections\n`);
  const warm = await run(warmup);
  if (warm.errors || warm.non2xx || warm.timeouts) throw new Error(`warm-up: ${warm.errors} errors, ${warm.non2xx} non-2xx, ${warm.timeouts} timeouts`);
  const started = Date.now();
  const sampler = setInterval(() => samples.push({ t: (Date.now() - started) / 1000, rss: rssMb(server.pid!) }), 1000);
  samples.push({ t: 0, rss: rssMb(server.pid!) });
  result = await run(duration);
  clearInterval(sampler);
  samples.push({ t: (Date.now() - started) / 1000, rss: rssMb(server.pid!) });
  const check = await fetch(`${base}/graphql?query=${encodeURIComponent("{ release { id } }")}`).then((r) => r.json() as Promise<{ data?: { release?: { id: string } } }>);
  if (check.data?.release?.id !== release) throw new Error("the server no longer answers correctly after the run");
} finally {
  server.kill("SIGTERM");
}
const exitCode = await exited;
await store.drop();

const tenth = Math.max(1, Math.floor(samples.length / 10));
const early = median(samples.slice(0, tenth).map((s) => s.rss));
const late = median(samples.slice(-tenth).map((s) => s.rss));
const peak = Math.max(...samples.map((s) => s.rss));
const growth = ((late - early) / early) * 100;
const ok = result.errors === 0 && result.non2xx === 0 && result.timeouts === 0;
const cpu = os.cpus();
const summary = {
  when: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
  machine: `${cpu[0]?.model ?? "unknown CPU"} (${cpu.length} cores), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`,
  loadAverage: os.loadavg()[0]!.toFixed(1), release, store: store.label, redis: args.redis,
  duration, warmup, connections, requests: result.requests.total, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99,
  errors: result.errors, non2xx: result.non2xx, timeouts: result.timeouts, rssEarly: early, rssLate: late, rssPeak: peak, growth, exitCode,
};
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);

if (args.record) {
  const f = (n: number, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
  const row = `| ${summary.when} | ${summary.store}${args.redis ? " + Redis buckets" : ""} | ${duration} s (+${warmup} s warm-up) | ${connections} | ${f(summary.requests)} | ${f(summary.rps)} | ${summary.p50} | ${summary.p99} | ${summary.errors + summary.non2xx + summary.timeouts} | ${f(early)} → ${f(late)} (peak ${f(peak)}) | ${growth >= 0 ? "+" : ""}${f(growth, 1)} % |`;
  const doc = path.join(repoRoot, "docs/benchmarks.md");
  const text = fs.readFileSync(doc, "utf8");
  const marker = "<!-- bench:load:rows -->";
  if (!text.includes(marker)) throw new Error(`docs/benchmarks.md has no ${marker} line in its "Load" section`);
  fs.writeFileSync(doc, text.replace(marker, `${row}\n${marker}`));
  process.stdout.write(`recorded in docs/benchmarks.md: ${row}\n`);
}
if (!ok || exitCode !== 0) {
  process.stderr.write(`FAILED: ${summary.errors} errors, ${summary.non2xx} non-2xx, ${summary.timeouts} timeouts; server exit code ${exitCode}\n`);
  process.exit(1);
}
