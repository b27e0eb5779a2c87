/**
 * `pnpm --filter @minhbach/api start` (what the root `pnpm start` spawns): listens on PORT (default 4000) over the
 * PUBLIC store only, and serves the built portal (packages/portal/dist, or MINHBACH_STATIC_DIR) at `/`.
 * pnpm runs this in packages/api; relative paths in the configuration (data/, file:./data/public.db) are meant from
 * where `pnpm` was invoked (INIT_CWD), as for every other command of the project.
 */
import fs from "node:fs";
import path from "node:path";
import pino from "pino";
import { loadConfig, publicStoreUrl } from "@minhbach/core/config/config.ts";
import { startServer } from "./app/create-app.js";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
process.chdir(process.env.INIT_CWD ?? repoRoot);

const config = loadConfig();
const logger = pino({ level: config.LOG_LEVEL });
if (process.env.DATABASE_URL) {
  // The API reads the public store only; it is never to hold the private store's location.
  logger.warn("DATABASE_URL is set but ignored: the API reads only PUBLIC_DATABASE_URL");
  delete process.env.DATABASE_URL;
}
const portal = path.join(repoRoot, "packages/portal/dist");
const staticDir = process.env.MINHBACH_STATIC_DIR ? path.resolve(process.env.MINHBACH_STATIC_DIR) : fs.existsSync(portal) ? portal : undefined;
const app = await startServer({ port: config.PORT, publicUrl: publicStoreUrl(config), staticDir, logger, development: config.NODE_ENV === "development" });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
