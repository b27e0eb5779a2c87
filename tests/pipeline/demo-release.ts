/** Builds the demo release once per test run through the real CLI, and gives each test file its own copy. Why the CLI:
 *  it is what statistics staff run, so the end-to-end tests exercise exactly that path. On PostgreSQL
 *  (MINHBACH_TEST_STORE=postgresql) the stores are databases: the template is built into two template databases and
 *  each test file gets copies made with CREATE DATABASE … TEMPLATE (a file copy on the server, no re-import). */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { TEST_STORE_PROVIDER } from "../../packages/db/src/test-stores.ts";
import { POSTGRES_ADMIN_URL } from "../../packages/db/src/test-postgres.ts";
import { queryStore } from "../../packages/db/src/test-query.ts";

const root = path.resolve(import.meta.dirname, "../..");

export interface DemoRelease {
  dir: string;
  privateUrl: string;
  publicUrl: string;
  env: NodeJS.ProcessEnv;
  cli: (...args: string[]) => string;
  /** drops the copy (databases and folder) */
  drop: () => Promise<void>;
}

/** Where the template lives: a data folder (demo files; the SQLite stores) and, on PostgreSQL, two database names. */
export interface DemoTemplate {
  dir: string;
  privateDb?: string;
  publicDb?: string;
}

/** The CLI's environment for a data folder, and the stores' URLs when they are not the folder's SQLite files. */
export function demoEnv(dir: string, urls?: { privateUrl: string; publicUrl: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, MINHBACH_DATA_DIR: dir };
  delete env.DATABASE_URL;
  delete env.PUBLIC_DATABASE_URL;
  delete env.HOUSEHOLD_KEY_SECRET;
  if (urls) Object.assign(env, { DATABASE_URL: urls.privateUrl, PUBLIC_DATABASE_URL: urls.publicUrl });
  return env;
}

function cliIn(env: NodeJS.ProcessEnv) {
  return (...args: string[]) =>
    execFileSync(process.execPath, ["--import", "tsx", path.join(root, "packages/pipeline/src/main.ts"), ...args], {
      cwd: root, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024,
    });
}

/** A database name in the shape test-postgres.ts gives its test databases, so that leftovers of killed runs are found
 *  and dropped by the same clean-up. */
function databaseName(label: string): string {
  return `minhbach_${label}_t${process.pid}_${Math.random().toString(36).slice(2, 8).padEnd(6, "0")}`;
}

function databaseUrl(name: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A statement on the server's maintenance database (CREATE/DROP DATABASE). */
async function admin(sql: string): Promise<void> {
  await queryStore(POSTGRES_ADMIN_URL, sql);
}

async function dropDatabases(names: (string | undefined)[]): Promise<void> {
  for (const n of names) if (n) await admin(`DROP DATABASE IF EXISTS "${n}" WITH (FORCE)`);
}

/** Runs `demo` and `publish` into a new folder (and new databases on PostgreSQL); the vitest global set-up does this
 *  once per run. */
export async function buildDemoTemplate(prefix = "minhbach-e2e-template-"): Promise<DemoTemplate> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (TEST_STORE_PROVIDER === "sqlite") {
    const cli = cliIn(demoEnv(dir));
    cli("demo");
    cli("publish");
    return { dir };
  }
  const privateDb = databaseName("e2e_tmpl_private");
  const publicDb = databaseName("e2e_tmpl_public");
  for (const n of [privateDb, publicDb]) await admin(`CREATE DATABASE "${n}"`);
  const cli = cliIn(demoEnv(dir, { privateUrl: databaseUrl(privateDb), publicUrl: databaseUrl(publicDb) }));
  cli("db", "migrate");
  cli("demo");
  cli("publish");
  return { dir, privateDb, publicDb };
}

export async function dropDemoTemplate(t: DemoTemplate): Promise<void> {
  if (t.privateDb) await dropDatabases([t.privateDb, t.publicDb]);
  fs.rmSync(t.dir, { recursive: true, force: true });
}

/** CREATE DATABASE … TEMPLATE refuses while another session is connected to the template (e.g. a copy for another
 *  test file starting at the same moment): retry for a while. */
async function copyDatabase(template: string, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      return;
    } catch (err) {
      if (attempt >= 30 || !/being accessed by other users/.test((err as Error).message)) throw err;
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
    }
  }
}

/** A private copy of the demo release for one test file (tests change their stores). */
export async function buildDemoRelease(prefix = "minhbach-e2e-"): Promise<DemoRelease> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const templateDir = process.env.MINHBACH_DEMO_TEMPLATE;
  const template: DemoTemplate = templateDir
    ? { dir: templateDir, privateDb: process.env.MINHBACH_DEMO_TEMPLATE_PRIVATE_DB, publicDb: process.env.MINHBACH_DEMO_TEMPLATE_PUBLIC_DB }
    : await buildDemoTemplate();
  fs.cpSync(template.dir, dir, { recursive: true });
  if (!template.privateDb || !template.publicDb) {
    if (TEST_STORE_PROVIDER !== "sqlite") throw new Error("the demo template has no PostgreSQL databases (global set-up built it for SQLite)");
    const env = demoEnv(dir);
    return {
      dir, privateUrl: "file:" + path.join(dir, "private.db"), publicUrl: "file:" + path.join(dir, "public.db"), env, cli: cliIn(env),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const privateDb = databaseName("e2e_private");
  const publicDb = databaseName("e2e_public");
  await copyDatabase(template.privateDb!, privateDb);
  await copyDatabase(template.publicDb!, publicDb);
  const urls = { privateUrl: databaseUrl(privateDb), publicUrl: databaseUrl(publicDb) };
  const env = demoEnv(dir, urls);
  return {
    dir, ...urls, env, cli: cliIn(env),
    drop: async () => {
      await dropDatabases([privateDb, publicDb]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const TEMPLATE_ENV = ["MINHBACH_DEMO_TEMPLATE", "MINHBACH_DEMO_TEMPLATE_PRIVATE_DB", "MINHBACH_DEMO_TEMPLATE_PUBLIC_DB"] as const;

/**
 * A copy of the demo release for a test file of a project without the pipeline's global set-up (the API's, the
 * outside attacker's). In a run with the pipeline project it copies the template that set-up built; run alone, it
 * builds a template of its own, which its `drop` removes. Why not a global set-up of their own: a run of several
 * projects would build the demo once per project.
 */
export async function buildDemoReleaseAnywhere(prefix: string): Promise<DemoRelease & { ownTemplate: boolean }> {
  if (process.env.MINHBACH_DEMO_TEMPLATE) return { ...(await buildDemoRelease(prefix)), ownTemplate: false };
  const template = await buildDemoTemplate(`${prefix}template-`);
  const values = [template.dir, template.privateDb, template.publicDb];
  TEMPLATE_ENV.forEach((name, i) => values[i] && (process.env[name] = values[i]));
  const demo = await buildDemoRelease(prefix);
  const drop = async () => {
    await demo.drop();
    await dropDemoTemplate(template);
    for (const name of TEMPLATE_ENV) delete process.env[name];
  };
  return { ...demo, drop, ownTemplate: true };
}
