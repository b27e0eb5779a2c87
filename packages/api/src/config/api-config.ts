/**
 * Settings only the API server reads, parsed from the environment with the same rules as the shared configuration
 * (packages/core/src/config/config.ts). Why separate: the pipeline has no use for them. Documented in .env.example.
 */
import { z } from "zod";

const optionalText = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

const schema = z.object({
  /** redis:// URL: rate-limit buckets shared by every replica. Unset: each process limits on its own. */
  REDIS_URL: optionalText.refine((v) => v === undefined || /^rediss?:\/\//.test(v), "must be a redis:// or rediss:// URL"),
  /** Sustained requests per second per client (IPv4 address or IPv6 /64); 0 turns rate limiting off. */
  RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).default(20),
  /** Largest burst per client (bucket size). */
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(120),
  /** Proxies (load balancer, CDN) in front of the API whose X-Forwarded-For entries are trusted. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
  /** After SIGTERM: how long in-flight requests may take to finish before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
  /** Serve this release as the latest (and nothing newer): rolls back without touching the store. */
  RELEASE_PIN: optionalText,
});

export type ApiConfig = z.infer<typeof schema>;

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
  return parsed.data;
}
