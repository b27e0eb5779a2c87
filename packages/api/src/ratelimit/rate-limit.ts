/**
 * Per-client rate limiting for every route except the health checks. Why per IP (and per /64 for IPv6, which hands
 * each household a whole block): the API is anonymous; behind a load balancer or CDN the client is read from
 * X-Forwarded-For, trusting exactly `trustProxyHops` proxies (never more, or anyone could pick their own address).
 */
import net from "node:net";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { ErrorCode } from "../common/errors.js";
import { sendGraphQLError } from "../http/respond.js";
import { RedisBuckets } from "./redis-buckets.js";
import { MemoryBuckets, type BucketPolicy, type BucketStore } from "./token-bucket.js";

export interface RateLimitOptions extends BucketPolicy {
  /** Buckets in Redis (shared by replicas) when set, else in this process. */
  redisUrl?: string;
  /** Proxies in front of the API whose X-Forwarded-For entries are trusted (0: use the socket's address). */
  trustProxyHops?: number;
  /** Prefix of the Redis keys (default "minhbach:rl:"), to share one Redis between environments. */
  redisKeyPrefix?: string;
}

/** Never limited: load balancers and orchestrators poll these. */
export const EXEMPT_PATHS = new Set(["/healthz", "/readyz"]);

function expandIPv6(ip: string): string[] {
  const [head = "", tail] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0");
  return [...left, ...fill, ...right].map((g) => g.replace(/^0+(?=.)/, "").toLowerCase());
}

/** The bucket key of an address: IPv4 as is (also when IPv4-mapped), IPv6 by its /64 prefix. */
export function clientKey(address: string | undefined): string {
  if (!address) return "unknown";
  const ip = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "").replace(/%.*$/, "");
  if (net.isIPv6(ip)) return `${expandIPv6(ip).slice(0, 4).join(":")}::/64`;
  return ip;
}

/** The client's address: the socket's, or the entry `hops` from the right of X-Forwarded-For. */
export function clientAddress(req: IncomingMessage, trustProxyHops = 0): string | undefined {
  const socket = req.socket.remoteAddress;
  if (trustProxyHops <= 0) return socket;
  const header = req.headers["x-forwarded-for"];
  const list = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
  const candidate = list[list.length - trustProxyHops];
  return candidate && net.isIP(candidate.replace(/^\[|\]$/g, "")) ? candidate.replace(/^\[|\]$/g, "") : socket;
}

export class RateLimiter {
  readonly store: BucketStore;

  constructor(private readonly options: RateLimitOptions, logger: Logger) {
    this.store = options.redisUrl ? new RedisBuckets(options.redisUrl, logger, options.redisKeyPrefix) : new MemoryBuckets();
  }

  /** True when the request may go on; otherwise it has been answered with 429 and Retry-After. */
  async admit(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    if (EXEMPT_PATHS.has(pathname)) return true;
    const key = clientKey(clientAddress(req, this.options.trustProxyHops));
    const decision = await this.store.take(key, this.options);
    if (decision.allowed) return true;
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    res.setHeader("retry-after", String(seconds));
    req.resume(); // drop any body unread
    sendGraphQLError(res, 429, ErrorCode.RATE_LIMITED, `Too many requests from your address; retry in ${seconds} s (limit: ${this.options.perSecond}/s, bursts of ${this.options.burst})`);
    return false;
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
