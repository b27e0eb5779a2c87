/**
 * `minhbach import households FILE --year YYYY [--drop-personal-columns]`: the yearly review file into the private
 * store. Prints what changed; on problems, lists each as file:row:column: reason and exits with code 1.
 */
import fs from "node:fs";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { loadConfig, privateStoreUrl } from "@minhbach/core/config/config.ts";
import { migrateStore } from "@minhbach/db/migrate.ts";
import type { ImportProgress } from "../import/households/index.js";
import { ImportError, formatProblem } from "../import/shared/problems.js";
import { importCommand } from "./import-group.js";

/** Lines in a CSV file, as the bar's total (XLSX has no cheap count: the bar then counts rows only). */
function countLines(file: string): number | undefined {
  if (!file.toLowerCase().endsWith(".csv")) return undefined;
  const fd = fs.openSync(file, "r");
  const buf = Buffer.alloc(1 << 20);
  let lines = 0;
  try {
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) {
      for (let i = buf.indexOf(10, 0); i >= 0 && i < n; i = buf.indexOf(10, i + 1)) lines++;
    }
  } finally {
    fs.closeSync(fd);
  }
  return Math.max(1, lines - 1);
}

function progressBar(file: string): { update: (p: ImportProgress) => void; stop: () => void } | undefined {
  if (!process.stderr.isTTY) return undefined;
  const total = countLines(file);
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: total ? "households {bar} {percentage}% | {value}/{total} rows | {phase}" : "households {value} rows | {phase}",
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0, { phase: "reading" });
  return {
    update: (p) => bar.update(p.rows, { phase: p.phase }),
    stop: () => bar.stop(),
  };
}

export function register(program: Command): void {
  importCommand(program)
    .command("households <file>")
    .description("Import a yearly household review file (CSV UTF-8 or XLSX; see docs/import-format.md); replaces its communes for that year")
    .requiredOption("--year <year>", "review year (the review carried out at the end of that year)", (v) => {
      if (!/^\d{4}$/.test(v)) throw new Error(`--year must be a 4-digit year, got "${v}"`);
      return Number(v);
    })
    .option("--drop-personal-columns", "skip columns with names, ID numbers, phone numbers or addresses unread, instead of refusing the file")
    .option("--synthetic", "the file holds made-up data (demo, training): every figure built from it is labelled synthetic")
    .option("--source <id>", "id of the Source the file comes from (see `import sources`)")
    .action(async (file: string, opts: { year: number; dropPersonalColumns?: boolean; synthetic?: boolean; source?: string }) => {
      const config = loadConfig();
      const privateUrl = privateStoreUrl(config);
      await migrateStore("private", privateUrl);
      // Loaded when the command runs, so that no command pays for loading the others.
      const { formatSummary, importHouseholds } = await import("../import/households/index.js");
      const bar = progressBar(file);
      try {
        const summary = await importHouseholds({
          privateUrl, file, year: opts.year, secret: config.HOUSEHOLD_KEY_SECRET,
          dropPersonalColumns: opts.dropPersonalColumns ?? false,
          synthetic: opts.synthetic ?? false,
          ...(opts.source ? { sourceId: opts.source } : {}),
          ...(bar ? { progress: bar.update } : {}),
        });
        bar?.stop();
        process.stdout.write(formatSummary(summary) + "\n");
      } catch (err) {
        bar?.stop();
        if (!(err instanceof ImportError)) throw err;
        process.stderr.write(`minhbach: ${err.total} problem(s); nothing was imported.\n`);
        for (const p of err.problems) process.stderr.write(formatProblem(p) + "\n");
        if (err.total > err.problems.length) process.stderr.write(`… and ${err.total - err.problems.length} more\n`);
        process.exitCode = 1;
      }
    });
}
