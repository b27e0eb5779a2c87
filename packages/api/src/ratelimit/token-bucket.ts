/**
 * Token buckets, one per client: `burst` tokens at most, refilled at `perSecond`; a request takes one. Why a bucket and
 * not a fixed window: a journalist's script may burst (a page of queries) but cannot sustain more than the rate, and
 * there is no window edge where twice the limit gets through.
 */
export interface BucketPolicy {
  /** Tokens added per second (the sustained request rate). */
  perSecond: number;
  /** Bucket size (the largest burst). */
  burst: number;
}

export interface Decision {
  allowed: boolean;
  /** Whole tokens left after this request. */
  remaining: number;
  /** When refused: milliseconds until one token is back. */
  retryAfterMs: number;
}

/** Where buckets live: this process (MemoryBuckets) or Redis, shared by every replica (RedisBuckets). */
export interface BucketStore {
  take(key: string, policy: BucketPolicy): Promise<Decision>;
  close(): Promise<void>;
}

interface Bucket { tokens: number; at: number }

/** Refill a bucket to `now`, then try to take one token. Pure, so the Redis script can mirror it line by line. */
export function takeToken(bucket: Bucket | undefined, policy: BucketPolicy, now: number): { bucket: Bucket; decision: Decision } {
  const perMs = policy.perSecond / 1000;
  const start = bucket ?? { tokens: policy.burst, at: now };
  const tokens = Math.min(policy.burst, start.tokens + Math.max(0, now - start.at) * perMs);
  if (tokens >= 1) return { bucket: { tokens: tokens - 1, at: now }, decision: { allowed: true, remaining: Math.floor(tokens - 1), retryAfterMs: 0 } };
  return { bucket: { tokens, at: now }, decision: { allowed: false, remaining: 0, retryAfterMs: Math.ceil((1 - tokens) / perMs) } };
}

/**
 * Buckets in this process's memory: exact for one replica. Bounded: past `maxKeys` clients the least recently seen
 * bucket is dropped (it would have refilled to full anyway if its client had been quiet that long).
 */
export class MemoryBuckets implements BucketStore {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly maxKeys = 100_000, private readonly clock: () => number = Date.now) {}

  async take(key: string, policy: BucketPolicy): Promise<Decision> {
    return this.takeSync(key, policy);
  }

  takeSync(key: string, policy: BucketPolicy): Decision {
    const { bucket, decision } = takeToken(this.buckets.get(key), policy, this.clock());
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
    return decision;
  }

  get size(): number {
    return this.buckets.size;
  }

  async close(): Promise<void> {
    this.buckets.clear();
  }
}
