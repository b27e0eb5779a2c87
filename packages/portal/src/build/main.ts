/**
 * `pnpm --filter @minhbach/portal build`: extract the latest release through the public GraphQL API (in-process, public
 * store only), build the Astro site, then write the data files. Options (env): PUBLIC_DATABASE_URL, PORTAL_OUT_DIR,
 * PORTAL_SNAPSHOT_DIR, PORTAL_SITE_URL (else http://localhost:<PORT>), PORTAL_RELEASE, PORTAL_TILE_URL/PORTAL_TILE_ATTRIBUTION.
 * `--if-stale` (what `pnpm start` runs): build only when dist/ was built from another release, origin or portal source.
 */
import path from "node:path";
import { loadConfig, publicStoreUrl } from "@minhbach/core/config/config.ts";
import { buildPortal } from "./pipeline.js";
import { siteOrigin } from "../server/site-origin.js";

const root = path.resolve(import.meta.dirname, "../..");
loadConfig(); // reads the project's .env into process.env (PORT, PORTAL_SITE_URL, PUBLIC_DATABASE_URL may be set there)
// Relative to the repository, not to packages/portal where pnpm runs this script.
const config = loadConfig({ ...process.env, MINHBACH_DATA_DIR: process.env.MINHBACH_DATA_DIR ?? path.resolve(root, "../../data") });
const report = await buildPortal({
  publicUrl: process.env.PUBLIC_DATABASE_URL ?? publicStoreUrl(config),
  outDir: path.resolve(process.env.PORTAL_OUT_DIR ?? path.join(root, "dist")),
  snapshotDir: path.resolve(process.env.PORTAL_SNAPSHOT_DIR ?? path.join(root, ".snapshot")),
  origin: siteOrigin(config),
  release: process.env.PORTAL_RELEASE,
  ifStale: process.argv.includes("--if-stale"),
});
if (report.skipped) console.log(`Portal up to date: release ${report.release} for ${siteOrigin(config)} (checked in ${report.seconds.total} s)`);
else console.log(JSON.stringify(report, null, 2));
