/**
 * The real entry point (main.ts) in a child process: SIGTERM lets a request already in flight finish, refuses new
 * connections, then exits 0; a missing store stops it at once with exit code 1 and a clear message.
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { POSTGRES_ADMIN_URL, postgresAvailable } from "@minhbach/db/test-postgres.ts";
import { writeFixtureStore } from "../test/fixture-release.js";

const apiDir = path.resolve(import.meta.dirname, "../..");
const repoRoot = path.resolve(apiDir, "../..");
let child: ChildProcess | undefined;
afterEach(() => { if (child && child.exitCode === null) child.kill("SIGKILL"); });

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function startMain(env: Record<string, string>): { proc: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.REDIS_URL;
  const proc = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: apiDir, env: { ...base, NODE_ENV: "production", LOG_LEVEL: "info", INIT_CWD: repoRoot, MINHBACH_STATIC_DIR: "", ...env }, stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout!.on("data", (c: Buffer) => { out += c.toString(); });
  proc.stderr!.on("data", (c: Buffer) => { out += c.toString(); });
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  child = proc;
  return { proc, output: () => out, exited };
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const refused = (port: number) => new Promise<boolean>((resolve) => {
  const s = net.connect(port, "127.0.0.1");
  s.once("connect", () => { s.destroy(); resolve(false); });
  s.once("error", () => resolve(true));
});

describe("SIGTERM", () => {
  it("finishes the request in flight, refuses new connections, then exits 0", async () => {
    const { publicUrl } = await writeFixtureStore();
    const port = await freePort();
    const main = startMain({ PUBLIC_DATABASE_URL: publicUrl, PORT: String(port), SHUTDOWN_TIMEOUT_MS: "10000" });
    await until(() => main.output().includes("Minh Bạch API listening"), 30_000);

    // A slow client: headers and half the body now, the rest after SIGTERM.
    const body = JSON.stringify({ query: `{ unit(code: "01990") { name poverty(year: 2023) { poorRate { value } } } }` });
    const half = Math.floor(body.length / 2);
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path: "/graphql", method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
        let text = "";
        res.on("data", (c: Buffer) => { text += c.toString(); });
        res.on("end", () => resolve({ status: res.statusCode!, text }));
      });
      req.on("error", reject);
      req.write(body.slice(0, half));
      setTimeout(() => {
        main.proc.kill("SIGTERM");
        setTimeout(async () => {
          try {
            expect(main.proc.exitCode).toBeNull(); // still draining
            expect(await refused(port)).toBe(true); // no longer accepting
            req.end(body.slice(half));
          } catch (err) {
            reject(err);
          }
        }, 500);
      }, 200);
    });
    const { status, text } = await response;
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ data: { unit: { name: "Lục Bình", poverty: [{ poorRate: { value: 8.9 } }] } } });
    expect(await main.exited).toBe(0);
    expect(main.output()).toMatch(/all requests finished/);
  });
});

const pgAvailable = await postgresAvailable();

describe("refusing to start", () => {
  it("exits 1 with a clear message when the public store file is missing (SQLite)", async () => {
    const port = await freePort();
    const main = startMain({ PUBLIC_DATABASE_URL: "file:/nonexistent-minhbach/public.db", PORT: String(port) });
    expect(await main.exited).toBe(1);
    expect(main.output()).toMatch(/Minh Bạch API not started: Public store not found at \/nonexistent-minhbach\/public\.db/);
  });

  it.skipIf(!pgAvailable)("exits 1 with a clear message when the PostgreSQL database is missing (PostgreSQL)", async () => {
    const port = await freePort();
    const missing = new URL(POSTGRES_ADMIN_URL);
    missing.pathname = "/minhbach_never_created";
    const main = startMain({ PUBLIC_DATABASE_URL: missing.toString(), PORT: String(port) });
    expect(await main.exited).toBe(1);
    expect(main.output()).toMatch(/Minh Bạch API not started: Public store at postgresql:\/\/.*\/minhbach_never_created cannot be read/);
  });
});
