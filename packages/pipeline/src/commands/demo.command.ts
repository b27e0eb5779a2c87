/** `minhbach demo [--out DIR] [--seed N]`: rebuild the private store from the deterministic, synthetic demo data set. */
import path from "node:path";
import type { Command } from "commander";
import { loadConfig, privateStoreUrl } from "@minhbach/core/config/config.ts";
import { DEFAULT_SEED } from "../demo/files.js";

export function register(program: Command): void {
  program
    .command("demo")
    .description("Reset the private store and load the demo data (Bắc Kạn, reviews 2021–2025; synthetic except cited figures)")
    .option("--out <dir>", "where to write the import files (default: <data dir>/demo)")
    .option("--seed <n>", "random seed; the same seed gives byte-identical files", String(DEFAULT_SEED))
    .action(async (opts: { out?: string; seed: string }) => {
      const config = loadConfig();
      // Loaded when the command runs, so that no command pays for loading the others.
      const { DEMO_HOUSEHOLD_KEY, runDemo } = await import("../demo/run-demo.js");
      const seed = Number(opts.seed);
      if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got "${opts.seed}"`);
      if (!config.HOUSEHOLD_KEY_SECRET) process.stdout.write(`HOUSEHOLD_KEY_SECRET is unset: using the fixed demo key "${DEMO_HOUSEHOLD_KEY}" (demo only).\n`);
      await runDemo({
        privateUrl: privateStoreUrl(config),
        outDir: path.resolve(opts.out ?? path.join(config.dataDir, "demo")),
        seed,
        ...(config.HOUSEHOLD_KEY_SECRET ? { secret: config.HOUSEHOLD_KEY_SECRET } : {}),
        log: (line) => process.stdout.write(line + "\n"),
      });
    });
}
