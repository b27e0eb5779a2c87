/** `pnpm --filter @minhbach/api start`: listens on PORT (default 4000) over the PUBLIC store only. */
import path from "node:path";
import pino from "pino";
import { loadConfig, publicStoreUrl } from "@minhbach/core/config/config.ts";
import { startServer } from "./app/create-app.js";

const config = loadConfig();
const logger = pino({ level: config.LOG_LEVEL });
if (process.env.DATABASE_URL) {
  // The API reads the public store only; it is never to hold the private store's location.
  logger.warn("DATABASE_URL is set but ignored: the API reads only PUBLIC_DATABASE_URL");
  delete process.env.DATABASE_URL;
}
const staticDir = process.env.MINHBACH_STATIC_DIR ? path.resolve(process.env.MINHBACH_STATIC_DIR) : undefined;
const app = await startServer({ port: config.PORT, publicUrl: publicStoreUrl(config), staticDir, logger, development: config.NODE_ENV === "development" });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
