/** Buckets in Redis are shared by replicas; when Redis is unreachable each replica keeps limiting in memory. */
import { randomUUID } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.js";
import { ensureRedis } from "../test/redis.js";
import { RedisBuckets } from "./redis-buckets.js";

const redisUrl = ensureRedis();

describe.skipIf(!redisUrl)("buckets in Redis", () => {
  const prefix = `minhbach-test:${randomUUID()}:`;
  const policy = { perSecond: 2, burst: 5, trustProxyHops: 1, redisUrl, redisKeyPrefix: prefix };
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApp({ rateLimit: policy }), startTestApp({ rateLimit: policy })]);
    // Both replicas connected before the first request, else they would start out limiting in memory.
    expect(await Promise.all([(a.limiter!.store as RedisBuckets).ready(), (b.limiter!.store as RedisBuckets).ready()])).toEqual([true, true]);
  });
  afterAll(async () => { await Promise.all([a.close(), b.close()]); });
  const hit = (app: TestApp, ip: string) => fetch(`${app.url}/graphql?query=%7Breleases%7Bid%7D%7D`, { headers: { "x-forwarded-for": ip } });

  it("two replicas share one bucket per client", async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await hit(i % 2 ? b : a, "192.0.2.10")).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await hit(a, "192.0.2.10");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await hit(b, "192.0.2.11")).status).toBe(200);
  });

  it("refills with Redis's clock and expires idle buckets", async () => {
    const store = a.limiter!.store as RedisBuckets;
    const key = `refill-${randomUUID()}`;
    const fast = { perSecond: 20, burst: 2 };
    expect((await store.take(key, fast)).allowed).toBe(true);
    expect((await store.take(key, fast)).allowed).toBe(true);
    const refused = await store.take(key, fast);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(50);
    await new Promise((r) => setTimeout(r, 120));
    expect((await store.take(key, fast)).allowed).toBe(true);
    const { Redis } = await import("ioredis");
    const raw = new Redis(redisUrl!);
    try {
      const ttl = await raw.pttl(prefix + key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(1_100);
    } finally {
      raw.disconnect();
    }
  });
});

describe("Redis unreachable", () => {
  it("keeps serving and limits per replica in memory", async () => {
    // Port 1 on loopback: nothing listens, connections are refused at once.
    const app = await startTestApp({ rateLimit: { perSecond: 1, burst: 2, redisUrl: "redis://127.0.0.1:1" }, logger: pino({ level: "silent" }) });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`${app.url}/graphql?query=%7Breleases%7Bid%7D%7D`)).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await app.close();
    }
  });
});
