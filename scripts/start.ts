/**
 * `pnpm start`: make sure a release exists (build the demo data and publish it on a fresh clone), then serve the API
 * and the portal. Why child processes: the pipeline opens the private store; the server process is started without
 * DATABASE_URL so it never can.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { loadConfig, publicStoreUrl } from "../packages/core/src/config/config.ts";
import { sqlitePathFromUrl, isSqliteUrl } from "../packages/db/src/sqlite-url.ts";
import { siteOrigin } from "../packages/portal/src/server/site-origin.ts";

const root = path.resolve(import.meta.dirname, "..");
// Reads the project's .env into this process's environment (real variables win); the pipeline and the server below
// inherit it, so they do not read the file again. On a fresh clone `minhbach demo` generates the household key.
const config = loadConfig();

function hasCompleteRelease(url: string): boolean {
  if (!isSqliteUrl(url)) return true; // a server store is managed by its operators
  const file = sqlitePathFromUrl(url);
  if (!fs.existsSync(file)) return false;
  const db = new Database(file, { readonly: true });
  try {
    return Boolean(db.prepare(`SELECT 1 FROM Release WHERE complete = 1 LIMIT 1`).get());
  } catch {
    return false;
  } finally {
    db.close();
  }
}

function runPipeline(...args: string[]): void {
  const result = spawnSync(process.execPath, ["--import", "tsx", "packages/pipeline/src/main.ts", ...args], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!hasCompleteRelease(publicStoreUrl(config))) {
  console.log("No release in the public store yet: building the synthetic demo data set and publishing it…");
  runPipeline("demo");
  runPipeline("publish", "--title", "Bản trình diễn: dữ liệu giả lập, hiệu chỉnh theo số liệu đã công bố");
}

// One site origin for the build and the server (links, canonical, oEmbed discovery and the live /oembed must agree):
// parsed once here and handed to both children, normalised, through PORTAL_SITE_URL.
process.env.PORTAL_SITE_URL = siteOrigin(config);
// Where the portal is built and served from (MINHBACH_STATIC_DIR lets tests and operators use another folder).
const staticDir = path.resolve(process.env.MINHBACH_STATIC_DIR ?? path.join(root, "packages/portal/dist"));
process.env.MINHBACH_STATIC_DIR = staticDir;
buildPortalIfStale();

/** Serve what was last published: the build compares dist/'s stamp (release, origin, portal sources) with the public
 *  store's latest complete release and this origin, does nothing when they match, else rebuilds (reusing the extracted
 *  snapshot when the release is the same). Why always asked: after `minhbach publish` and a restart, a "dist exists"
 *  check served the old release beside an API serving the new one. */
function buildPortalIfStale(): void {
  if (!fs.existsSync(path.join(root, "packages/portal/package.json"))) return;
  const built = spawnSync("pnpm", ["--filter", "@minhbach/portal", "build", "--if-stale"], {
    cwd: root, stdio: "inherit", env: { ...process.env, PORTAL_OUT_DIR: staticDir },
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// Production behaviour (no stack traces in errors) unless the operator asks for development.
const serverEnv: NodeJS.ProcessEnv = { NODE_ENV: "production", ...process.env };
// The public server never learns where the private store is, nor the household key (they may come from .env).
delete serverEnv.DATABASE_URL;
delete serverEnv.HOUSEHOLD_KEY_SECRET;
const server = spawn("pnpm", ["--filter", "@minhbach/api", "start"], { cwd: root, stdio: "inherit", env: serverEnv });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
