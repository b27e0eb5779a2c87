/**
 * `pnpm --filter @minhbach/portal build`: extract the latest release through the public GraphQL API (in-process, public
 * store only), build the Astro site, then write the data files. Options (env): PUBLIC_DATABASE_URL, PORTAL_OUT_DIR,
 * PORTAL_SITE_URL, PORTAL_RELEASE, PORTAL_TILE_URL/PORTAL_TILE_ATTRIBUTION.
 */
import path from "node:path";
import { loadConfig, publicStoreUrl } from "@minhbach/core/config/config.ts";
import { buildPortal } from "./pipeline.js";

const root = path.resolve(import.meta.dirname, "../..");
const publicUrl = process.env.PUBLIC_DATABASE_URL ?? publicStoreUrl(loadConfig({ ...process.env, MINHBACH_DATA_DIR: process.env.MINHBACH_DATA_DIR ?? path.resolve(root, "../../data") }));
const report = await buildPortal({
  publicUrl,
  outDir: path.resolve(process.env.PORTAL_OUT_DIR ?? path.join(root, "dist")),
  snapshotDir: path.join(root, ".snapshot"),
  origin: process.env.PORTAL_SITE_URL ?? "http://localhost:4000",
  release: process.env.PORTAL_RELEASE,
});
console.log(JSON.stringify(report, null, 2));
