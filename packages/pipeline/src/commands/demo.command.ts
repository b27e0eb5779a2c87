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
      const seed = Number(opts.seed);
      if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got "${opts.seed}"`);
      // Loaded when the command runs, so that no command pays for loading the others.
      const { runDemo } = await import("../demo/run-demo.js");
      const { demoHouseholdKey, recordHouseholdKey } = await import("../store/key-fingerprint.js");
      const key = demoHouseholdKey(config);
      if (key.generated) {
        process.stdout.write(`HOUSEHOLD_KEY_SECRET is unset: generated a household key in ${key.generated} (git-ignored); ` +
          `later imports into this store use it. For real data set HOUSEHOLD_KEY_SECRET and keep a copy of it.\n`);
      }
      const privateUrl = privateStoreUrl(config);
      await runDemo({
        privateUrl, seed, secret: key.secret,
        outDir: path.resolve(opts.out ?? path.join(config.dataDir, "demo")),
        log: (line) => process.stdout.write(line + "\n"),
      });
      await recordHouseholdKey(privateUrl, key.secret, true); // the demo reset the store: its key is now the store's
    });
}
