/**
 * `pnpm --filter @minhbach/api start` (what the root `pnpm start` spawns): listens on PORT (default 4000) over the
 * PUBLIC store only, and serves the built portal (packages/portal/dist, or MINHBACH_STATIC_DIR) at `/`.
 * pnpm runs this in packages/api; relative paths in the configuration (data/, file:./data/public.db) are meant from
 * where `pnpm` was invoked (INIT_CWD), as for every other command of the project.
 * Exits 1 with a clear message when the public store is missing, corrupt or holds no complete release; on SIGTERM or
 * SIGINT finishes in-flight requests (up to SHUTDOWN_TIMEOUT_MS), then exits 0.
 */
import fs from "node:fs";
import path from "node:path";
import pino from "pino";
import { loadConfig, publicStoreUrl } from "@minhbach/core/config/config.ts";
import { startServer } from "./app/create-app.js";
import { loadApiConfig } from "./config/api-config.js";
import { StoreNotUsableError } from "./store/preflight.js";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
process.chdir(process.env.INIT_CWD ?? repoRoot);

const config = loadConfig();
const api = loadApiConfig();
const logger = pino({ level: config.LOG_LEVEL });
if (process.env.DATABASE_URL) {
  // The API reads the public store only; it is never to hold the private store's location.
  logger.warn("DATABASE_URL is set but ignored: the API reads only PUBLIC_DATABASE_URL");
  delete process.env.DATABASE_URL;
}
const portal = path.join(repoRoot, "packages/portal/dist");
const staticDir = process.env.MINHBACH_STATIC_DIR ? path.resolve(process.env.MINHBACH_STATIC_DIR) : fs.existsSync(portal) ? portal : undefined;
const rateLimit = { perSecond: api.RATE_LIMIT_PER_SECOND, burst: api.RATE_LIMIT_BURST, redisUrl: api.REDIS_URL, trustProxyHops: api.TRUST_PROXY_HOPS };
// The portal's oEmbed format (it knows its own URLs and widgets), mounted when the portal is served. Its origin is the
// one the portal was built with (siteOrigin: PORTAL_SITE_URL, else http://localhost:<PORT>), or it would refuse the
// portal's own URLs.
const oembed = staticDir
  ? { origin: (await import("../../portal/src/server/site-origin.ts")).siteOrigin(config), handle: (await import("../../portal/src/server/oembed.ts")).handleOEmbed }
  : undefined;
let app: Awaited<ReturnType<typeof startServer>>;
try {
  app = await startServer({
    port: config.PORT, publicUrl: publicStoreUrl(config), staticDir, logger, development: config.NODE_ENV === "development",
    rateLimit, releasePin: api.RELEASE_PIN, oembed,
  });
} catch (err) {
  if (!(err instanceof StoreNotUsableError)) throw err;
  logger.fatal(err.message);
  console.error(`Minh Bạch API not started: ${err.message}`);
  process.exit(1);
}
logger.info({ rateLimit: { ...rateLimit, redisUrl: rateLimit.redisUrl ? "set" : "unset (per process)" }, releasePin: api.RELEASE_PIN ?? null }, "limits");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    logger.info({ signal }, "shutting down: no new connections, finishing in-flight requests");
    void app.shutdown(api.SHUTDOWN_TIMEOUT_MS).then((finished) => {
      logger.info({ finished }, finished ? "all requests finished; exiting" : `requests still running after ${api.SHUTDOWN_TIMEOUT_MS} ms were cut off; exiting`);
      process.exit(0);
    });
  });
}
