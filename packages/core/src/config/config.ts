/** One typed configuration, parsed once from the environment (see .env.example). Why: every process reads the same names. */
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  /** Private store (households). Only the pipeline reads this; the API is never given it. */
  DATABASE_URL: z.string().optional(),
  /** Public store (releases only). */
  PUBLIC_DATABASE_URL: z.string().optional(),
  /** Secret for keyed hashes of household ids. Required for real imports; demo uses a fixed demo key. */
  HOUSEHOLD_KEY_SECRET: z.string().min(16).optional(),
  /** Minimum cell size for disclosure control; never below 3. */
  DISCLOSURE_K: z.coerce.number().int().min(3).default(5),
  PORT: z.coerce.number().int().positive().default(4000),
  NODE_ENV: z.string().default("development"),
  LOG_LEVEL: z.string().default("info"),
});

export type AppConfig = z.infer<typeof schema> & { dataDir: string };

let cached: AppConfig | undefined;

/** Parse process.env once. Tests may pass an explicit env to get a fresh config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  if (env === process.env && cached) return cached;
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const dataDir = path.resolve(env.MINHBACH_DATA_DIR ?? "data");
  const config = { ...parsed.data, dataDir };
  if (env === process.env) cached = config;
  return config;
}

export function privateStoreUrl(config: AppConfig): string {
  return config.DATABASE_URL ?? "file:" + path.join(config.dataDir, "private.db");
}

export function publicStoreUrl(config: AppConfig): string {
  return config.PUBLIC_DATABASE_URL ?? "file:" + path.join(config.dataDir, "public.db");
}
