/** Per-client token buckets: the arithmetic, who counts as a client, and the HTTP behaviour (429 + Retry-After). */
import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.js";
import { clientAddress, clientKey } from "./rate-limit.js";
import { MemoryBuckets, takeToken } from "./token-bucket.js";

describe("token bucket arithmetic", () => {
  const policy = { perSecond: 2, burst: 3 };

  it("allows a burst, refuses the next with the time until a token is back, then refills at the rate", () => {
    let now = 1_000;
    const buckets = new MemoryBuckets(10, () => now);
    expect([1, 2, 3].map(() => buckets.takeSync("a", policy).allowed)).toEqual([true, true, true]);
    expect(buckets.takeSync("a", policy)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 500 });
    now += 499;
    expect(buckets.takeSync("a", policy).allowed).toBe(false);
    now += 1;
    expect(buckets.takeSync("a", policy).allowed).toBe(true);
    now += 60_000; // a long pause refills to the burst, never beyond
    expect(buckets.takeSync("a", policy).remaining).toBe(2);
    expect(buckets.takeSync("b", policy).remaining).toBe(2); // other clients have their own bucket
  });

  it("keeps at most maxKeys buckets, dropping the least recently seen", () => {
    const buckets = new MemoryBuckets(2);
    for (const k of ["a", "b", "c"]) buckets.takeSync(k, policy);
    expect(buckets.size).toBe(2);
  });

  it("is pure", () => {
    const { bucket, decision } = takeToken(undefined, policy, 0);
    expect(bucket).toEqual({ tokens: 2, at: 0 });
    expect(decision.allowed).toBe(true);
  });
});

describe("who is a client", () => {
  const req = (remote: string, xff?: string) => ({ socket: { remoteAddress: remote }, headers: xff ? { "x-forwarded-for": xff } : {} }) as unknown as IncomingMessage;

  it("keys IPv4 as is (also IPv4-mapped) and IPv6 by its /64", () => {
    expect(clientKey("203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
  });

  it("ignores X-Forwarded-For unless proxies are trusted, then takes the entry the last trusted proxy saw", () => {
    expect(clientAddress(req("10.0.0.1", "6.6.6.6"), 0)).toBe("10.0.0.1");
    expect(clientAddress(req("10.0.0.1", "6.6.6.6, 198.51.100.4"), 1)).toBe("198.51.100.4"); // the client forged 6.6.6.6
    expect(clientAddress(req("10.0.0.1", "198.51.100.4, 10.0.0.9"), 2)).toBe("198.51.100.4");
    expect(clientAddress(req("10.0.0.1", "not-an-ip"), 1)).toBe("10.0.0.1");
    expect(clientAddress(req("10.0.0.1"), 1)).toBe("10.0.0.1");
  });
});

describe("HTTP, buckets in memory", () => {
  let app: TestApp;
  beforeAll(async () => { app = await startTestApp({ rateLimit: { perSecond: 5, burst: 4, trustProxyHops: 1 } }); });
  afterAll(async () => { await app.close(); });
  const from = (ip: string, p = "/graphql?query=%7Breleases%7Bid%7D%7D") => fetch(`${app.url}${p}`, { headers: { "x-forwarded-for": ip } });

  it("answers 429 with Retry-After and a RATE_LIMITED error once a client's burst is spent, then lets it back", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await from("198.51.100.1")).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
    const refused = await from("198.51.100.1");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
    expect(refused.headers.get("x-content-type-options")).toBe("nosniff");
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe("RATE_LIMITED");
    expect((await from("198.51.100.2")).status).toBe(200); // another client is unaffected
    await new Promise((r) => setTimeout(r, 250)); // 5/s: one token back after 200 ms
    expect((await from("198.51.100.1")).status).toBe(200);
  });

  it("limits exports and static routes too, never the health checks", async () => {
    for (let i = 0; i < 4; i++) await from("198.51.100.3", "/export/units.csv?level=VILLAGE");
    expect((await from("198.51.100.3", "/export/units.csv?level=VILLAGE")).status).toBe(429);
    for (let i = 0; i < 10; i++) {
      expect((await from("198.51.100.3", "/healthz")).status).toBe(200);
      expect((await from("198.51.100.3", "/readyz")).status).toBe(200);
    }
  });
});
