/**
 * One typed configuration, parsed once from the environment (see .env.example). Why: every process reads the same
 * names. The project's `.env` (at the repository root) fills in what the real environment does not set, so every
 * `pnpm minhbach …` command and `pnpm start` read it; a variable set in the environment always wins.
 */
import fs from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";
import { z } from "zod";

/** The repository root: where `.env` lives, whichever folder a command runs in. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../../../..");
/** Set once the environment holds the `.env` values. Why: child processes (the API under `pnpm start`) inherit them,
 *  and must not read the file again, or they would get back what their parent removed (DATABASE_URL). */
export const ENV_FILE_READ_MARKER = "MINHBACH_ENV_FILE_READ";
/** The value .env.example ships with: never a key, or every clone would share it. */
export const PLACEHOLDER_HOUSEHOLD_KEY = "change-me-to-a-long-random-secret";
/** Where `minhbach demo` keeps the household key it generated when none was set (in the data folder, git-ignored). */
export const HOUSEHOLD_KEY_FILE = "household-key.secret";

const optionalText = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

const schema = z.object({
  /** Private store (households). Only the pipeline reads this; the API is never given it. */
  DATABASE_URL: optionalText,
  /** Public store (releases only). */
  PUBLIC_DATABASE_URL: optionalText,
  /** Secret for keyed hashes of household ids. Unset: the key `minhbach demo` generated in the data folder, if any. */
  HOUSEHOLD_KEY_SECRET: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string()
      .refine((v) => v !== PLACEHOLDER_HOUSEHOLD_KEY, {
        message: `is still the placeholder from .env.example. Set a long random secret (e.g. the output of ` +
          `\`openssl rand -hex 32\`), or delete the line: \`minhbach demo\` (and \`pnpm start\`) then generate one in ` +
          `data/${HOUSEHOLD_KEY_FILE}`,
      })
      .refine((v) => v.length >= 16, { message: "must be at least 16 characters" })
      .optional(),
  ),
  /** Minimum cell size for disclosure control; never below 3. */
  DISCLOSURE_K: z.coerce.number().int().min(3).default(5),
  PORT: z.coerce.number().int().positive().default(4000),
  NODE_ENV: z.string().default("development"),
  LOG_LEVEL: z.string().default("info"),
});

export type AppConfig = z.infer<typeof schema> & {
  dataDir: string;
  /** Where HOUSEHOLD_KEY_SECRET came from: the environment (or .env), or the data folder's generated key file. */
  householdKeySource?: "environment" | "key file";
};

let cached: AppConfig | undefined;

/** Adds the variables of an env file that `env` does not set yet; a missing file adds nothing. */
export function readEnvFile(env: NodeJS.ProcessEnv, file: string): void {
  if (!fs.existsSync(file)) return;
  for (const [name, value] of Object.entries(parseEnv(fs.readFileSync(file, "utf8")))) {
    if (env[name] === undefined && value !== undefined) env[name] = value;
  }
}

/** The path of the data folder's generated household key. */
export function householdKeyFile(dataDir: string): string {
  return path.join(dataDir, HOUSEHOLD_KEY_FILE);
}

function keyFromFile(dataDir: string): string | undefined {
  const file = householdKeyFile(dataDir);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() || undefined : undefined;
}

/** Parse process.env (after reading the project's .env) once. Tests may pass an explicit env to get a fresh config;
 *  an explicit env is taken as it is, without .env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  if (env === process.env) {
    if (cached) return cached;
    if (!env[ENV_FILE_READ_MARKER]) readEnvFile(env, path.join(PROJECT_ROOT, ".env"));
    env[ENV_FILE_READ_MARKER] = "1";
  }
  const dataDir = path.resolve(env.MINHBACH_DATA_DIR ?? "data");
  const keyFromDataDir = env.HOUSEHOLD_KEY_SECRET ? undefined : keyFromFile(dataDir);
  const parsed = schema.safeParse(keyFromDataDir ? { ...env, HOUSEHOLD_KEY_SECRET: keyFromDataDir } : env);
  if (!parsed.success) {
    const where = (name: string) => (name === "HOUSEHOLD_KEY_SECRET" && keyFromDataDir ? ` (from ${householdKeyFile(dataDir)})` : "");
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}${where(String(i.path[0]))}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const source = parsed.data.HOUSEHOLD_KEY_SECRET ? (keyFromDataDir ? "key file" : "environment") : undefined;
  const config: AppConfig = { ...parsed.data, dataDir, ...(source ? { householdKeySource: source } : {}) };
  if (env === process.env) cached = config;
  return config;
}

export function privateStoreUrl(config: AppConfig): string {
  return config.DATABASE_URL ?? "file:" + path.join(config.dataDir, "private.db");
}

export function publicStoreUrl(config: AppConfig): string {
  return config.PUBLIC_DATABASE_URL ?? "file:" + path.join(config.dataDir, "public.db");
}
