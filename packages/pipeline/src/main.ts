#!/usr/bin/env node
/** The `minhbach` command line. Each command lives in commands/<name>.command.ts and registers itself here. */
import { Command } from "commander";
import { registerCommands } from "./commands/index.js";

const program = new Command("minhbach").description("Minh Bạch data pipeline: import, classify, protect, publish");
registerCommands(program);
program.parseAsync(process.argv).catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`minhbach: ${message}\n`);
  process.exitCode = 1;
});
