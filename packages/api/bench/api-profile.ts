/**
 * `pnpm --filter @minhbach/api bench:profile`: where the uncached commune profile spends its CPU. Runs the benchmark
 * servers (bench/servers.ts) under `node --cpu-prof`, loads the uncached API with autocannon for BENCH_DURATION
 * seconds (default 8), and prints self time by package and by function. Why: throughput on a
 * shared 2-core machine is noisy, the split of a profile much less so.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import autocannon from "autocannon";
import { writeFixtureStore } from "../src/test/fixture-release.js";
import { PROFILE_PATH } from "./api-query.js";

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[] }

const seconds = Number(process.env.BENCH_DURATION ?? 8);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-api-profile-"));
const { publicUrl } = await writeFixtureStore();
const child = spawn(process.execPath, ["--cpu-prof", "--cpu-prof-dir", dir, "--import", "tsx", path.join(import.meta.dirname, "servers.ts")], {
  cwd: path.resolve(import.meta.dirname, ".."),
  env: { ...process.env, NODE_ENV: "production", BENCH_PUBLIC_URL: publicUrl, BENCH_PATH: PROFILE_PATH, DATABASE_URL: "" },
  stdio: ["ignore", "pipe", "inherit"],
});
const urls = await new Promise<{ uncached: string }>((resolve) => readline.createInterface({ input: child.stdout! }).once("line", (l) => resolve(JSON.parse(l))));
const run = (s: number) => autocannon({ url: urls.uncached + PROFILE_PATH, connections: 16, duration: s, headers: { accept: "application/graphql-response+json" } });
await run(2); // warm-up: JIT, row cache, compiled document
const result = await run(seconds);
child.kill("SIGTERM");
await new Promise((resolve) => child.once("exit", resolve));

const file = fs.readdirSync(dir).map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
const counts = new Map<number, number>();
for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
for (const node of profile.nodes) {
  const n = counts.get(node.id);
  if (!n) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/.*node_modules\/\.pnpm\//, "").replace(/.*\/packages\//, "packages/");
  byFunction.set(`${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`, (byFunction.get(`${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`) ?? 0) + n);
  const pkg = url.match(/node_modules\/\.pnpm\/((?:@[^+]+\+)?[^@/]+)/)?.[1]?.replace("+", "/") ?? (url.includes("/packages/") ? where.split("/").slice(0, 4).join("/") : url || functionName);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + n);
}
const top = (m: Map<string, number>, k: number) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, n]) => `${((100 * n) / profile.samples.length).toFixed(1).padStart(5)} %  ${name}`).join("\n");
process.stdout.write(`uncached: ${result.requests.average} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (load average ${os.loadavg()[0]!.toFixed(1)})\n`);
process.stdout.write(`profile: ${file} (the whole process, start-up and the other benchmark servers included)\n\n`);
process.stdout.write(`self time by package\n${top(byPackage, 25)}\n\nself time by function\n${top(byFunction, 40)}\n`);
