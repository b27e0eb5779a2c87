/**
 * Buckets in Redis, shared by every API replica: one hash per client, updated by a Lua script so that read-refill-take
 * is atomic, with Redis's own clock (replicas' clocks may differ). Why fall back to memory: when Redis is down or slow
 * the API keeps serving, limiting per replica, rather than failing every request or letting everything through.
 */
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { MemoryBuckets, type BucketPolicy, type BucketStore, type Decision } from "./token-bucket.js";

/** Mirrors takeToken(): KEYS[1] bucket; ARGV perSecond, burst. Returns {allowed, remaining, retryAfterMs}. */
const TAKE = `
local perMs = tonumber(ARGV[1]) / 1000
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or burst
local at = tonumber(b[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * perMs)
local allowed, retry = 0, 0
if tokens >= 1 then tokens = tokens - 1; allowed = 1 else retry = math.ceil((1 - tokens) / perMs) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / perMs) + 1000)
return {allowed, math.floor(tokens), retry}`;

type RedisWithTake = Redis & { takeToken(key: string, perSecond: number, burst: number): Promise<[number, number, number]> };

export class RedisBuckets implements BucketStore {
  private readonly redis: RedisWithTake;
  private readonly fallback = new MemoryBuckets();
  private degraded = false;

  constructor(url: string, private readonly logger: Logger, private readonly prefix = "minhbach:rl:") {
    // No offline queue and a short command timeout: a request never waits for Redis to come back.
    const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 250, connectTimeout: 2_000 });
    redis.defineCommand("takeToken", { numberOfKeys: 1, lua: TAKE });
    redis.on("error", (err: Error) => this.degrade(err));
    redis.on("ready", () => {
      if (this.degraded) this.logger.info("rate limiting: Redis is back, buckets are shared again");
      this.degraded = false;
    });
    this.redis = redis as RedisWithTake;
  }

  private degrade(err: Error): void {
    if (!this.degraded) this.logger.warn({ err: err.message }, "rate limiting: Redis unavailable, limiting per replica in memory until it returns");
    this.degraded = true;
  }

  async take(key: string, policy: BucketPolicy): Promise<Decision> {
    if (this.redis.status !== "ready") return this.fallback.takeSync(key, policy);
    try {
      const [allowed, remaining, retryAfterMs] = await this.redis.takeToken(this.prefix + key, policy.perSecond, policy.burst);
      return { allowed: allowed === 1, remaining, retryAfterMs };
    } catch (err) {
      this.degrade(err as Error);
      return this.fallback.takeSync(key, policy);
    }
  }

  /** Resolves once connected (tests, start-up logging); false after `ms` without a connection. */
  async ready(ms = 2_000): Promise<boolean> {
    if (this.redis.status === "ready") return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.redis.off("ready", onReady); resolve(false); }, ms);
      const onReady = () => { clearTimeout(timer); resolve(true); };
      this.redis.once("ready", onReady);
    });
  }

  async close(): Promise<void> {
    this.redis.disconnect();
    await this.fallback.close();
  }
}
