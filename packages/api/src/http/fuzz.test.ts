/**
 * Fuzz: a few thousand generated malformed requests (seeded, so a failure replays) against an in-process server —
 * mutated queries, random JSON shapes and bytes, odd methods, headers and URLs, and raw garbage on the socket. No
 * answer may be a 5xx, the server must still answer a normal query correctly, and its heap must not balloon.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.js";
import { EXAMPLE_QUERIES } from "./examples.js";

const SEED = 20261128;
const REQUESTS = 3_000;
const RAW = 200;

/** mulberry32: small, fast, good enough to pick mutations. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = prng(SEED);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const TOKENS = ["{", "}", "(", ")", "[", "]", "...", "@include(if: true)", "$x", ":", "\"", "\\", "#", "first: 100000", "__schema", "fragment F on Unit { ...F }", "\u0000", "é", "𝕏", "\uD800", "query", "mutation", "subscription", ",", "a".repeat(300)];
const SEEDS = [...EXAMPLE_QUERIES.map((q) => q.query), `{ release { id } }`, `{ search(text: "luc binh") { code } }`];

function mutate(q: string): string {
  let s = q;
  for (let i = 0, n = 1 + int(6); i < n; i++) {
    const at = int(s.length + 1);
    const op = int(4);
    if (op === 0) s = s.slice(0, at) + pick(TOKENS) + s.slice(at);
    else if (op === 1) s = s.slice(0, at) + s.slice(at + 1 + int(20));
    else if (op === 2) s = s.slice(0, at) + s.slice(at, at + int(40)).repeat(1 + int(30)) + s.slice(at);
    else s = s.slice(0, at) + String.fromCharCode(int(0x3000)) + s.slice(at);
  }
  return s;
}

function randomJson(depth = 0): unknown {
  switch (depth > 4 ? int(4) : int(7)) {
    case 0: return int(1e9) - 5e8;
    case 1: return pick([null, true, false, 1e308, -0, "", "x".repeat(int(2000))]);
    case 2: return mutate(pick(SEEDS));
    case 3: return pick(TOKENS);
    case 4: return Array.from({ length: int(5) }, () => randomJson(depth + 1));
    default: return Object.fromEntries(Array.from({ length: int(5) }, () => [pick(["query", "variables", "operationName", "extensions", "persistedQuery", "__proto__", "constructor", "x"]), randomJson(depth + 1)]));
  }
}

function randomBytes(n: number): Buffer {
  return Buffer.from(Array.from({ length: n }, () => int(256)));
}

type Case = { method: string; path: string; headers: Record<string, string>; body?: string | Buffer };

function generate(): Case {
  const kind = int(7);
  const headers: Record<string, string> = { "content-type": pick(["application/json", "application/json; charset=utf-8", "text/plain", "application/graphql", "multipart/form-data; boundary=x", ""]) };
  if (rand() < 0.3) headers.accept = pick(["application/graphql-response+json", "text/html", "*/*", "application/xml", "a".repeat(500)]);
  if (rand() < 0.2) headers["accept-language"] = pick(["en", "vi", "xx-YY;q=abc", "*", ",,,;;;"]);
  if (rand() < 0.1) headers["if-none-match"] = pick(["*", '"x"', "W/\"y\"", "garbage"]);
  if (rand() < 0.1) headers["accept-encoding"] = pick(["br", "gzip;q=0", "deflate, br;q=0.1", "zstd"]);
  switch (kind) {
    case 0: return { method: "POST", path: "/graphql", headers, body: JSON.stringify({ query: mutate(pick(SEEDS)), variables: rand() < 0.5 ? randomJson() : undefined }) };
    case 1: return { method: "POST", path: "/graphql", headers, body: JSON.stringify(randomJson()) };
    case 2: return { method: "POST", path: "/graphql", headers, body: randomBytes(int(3000)) };
    case 3: return { method: "POST", path: "/graphql", headers, body: mutate(JSON.stringify({ query: pick(SEEDS) })) };
    case 4: {
      const params = new URLSearchParams({ query: mutate(pick(SEEDS)) });
      if (rand() < 0.5) params.set("variables", mutate(JSON.stringify({ code: "01990", t: "x" })));
      if (rand() < 0.3) params.set("extensions", mutate(`{"persistedQuery":{"version":1,"sha256Hash":"${"ab".repeat(32)}"}}`));
      return { method: "GET", path: `/graphql?${params}`, headers };
    }
    case 5: return { method: pick(["PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "GET"]), path: pick(["/graphql", "/export/units.csv?level=" + mutate("COMMUNE"), "/export/projects.csv?unitCode=%FF%FE", "/graphql/explorer/../../etc/passwd", "/%2e%2e/%2e%2e/", "/readyz?x=" + "y".repeat(int(1000))]), headers };
    default: return { method: "GET", path: `/export/units.csv?${new URLSearchParams({ level: pick(["COMMUNE", "VILLAGE", "x"]), year: pick(["2023", "-1", "1e9", "abc", ""]), parentCode: mutate("063"), release: mutate("2026.1") })}`, headers };
  }
}

/** Sends raw bytes on a socket and returns the status line's code (or 0 when the server just closed it). */
function raw(port: number, bytes: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    let got = "";
    s.setTimeout(2_000, () => s.destroy());
    s.on("data", (c: Buffer) => { got += c.toString("latin1"); });
    s.on("close", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1] ?? 0)));
    s.on("error", () => undefined);
    s.end(bytes);
  });
}

let app: TestApp;
beforeAll(async () => { app = await startTestApp({ limits: { maxCost: 50_000 } }); });
afterAll(async () => { await app.close(); });

describe(`fuzz (seed ${SEED})`, () => {
  it(`${REQUESTS} generated requests and ${RAW} raw ones: no 5xx, still correct afterwards, heap bounded`, async () => {
    await app.gql(`{ release { id } }`); // warm-up before measuring memory
    const heapBefore = process.memoryUsage().heapUsed;
    const cases = Array.from({ length: REQUESTS }, generate);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const c = cases[next++]!;
        try {
          const res = await fetch(`${app.url}${c.path}`, { method: c.method, headers: c.headers, body: c.method === "GET" || c.method === "HEAD" || c.body === undefined ? undefined : new Uint8Array(Buffer.from(c.body)) });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500) failures.push(`${res.status} ${c.method} ${c.path.slice(0, 200)} ${String(c.body ?? "").slice(0, 200)}`);
        } catch (err) {
          failures.push(`network error ${(err as Error).message} on ${c.method} ${c.path.slice(0, 200)}`);
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: 16 }, worker));
    const rawCodes = [];
    for (let i = 0; i < RAW; i++) {
      const bytes = i % 2 ? randomBytes(1 + int(4000)) : Buffer.concat([Buffer.from("POST /graphql HTTP/1.1\r\nHost: x\r\n"), randomBytes(int(2000))]);
      rawCodes.push(await raw((app.server.address() as net.AddressInfo).port, bytes));
    }
    const seconds = (performance.now() - started) / 1000;
    expect(failures, failures.slice(0, 5).join("\n")).toEqual([]);
    expect(rawCodes.every((c) => c === 0 || (c >= 400 && c < 500))).toBe(true);
    expect([...statuses.keys()].some((s) => s >= 400)).toBe(true); // the generator does produce bad requests
    expect(seconds).toBeLessThan(60);

    const { body } = await app.gql(`{ unit(code: "01990") { name poverty(year: 2023) { poorRate { value } } } }`);
    expect(body).toEqual({ data: { unit: { name: "Lục Bình", poverty: [{ poorRate: { value: 8.9 } }] } } });
    const grownMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    expect(grownMb).toBeLessThan(100);
    expect(app.cache.size).toBeLessThanOrEqual(2000);
  });
});
