/**
 * `minhbach import households FILE --year YYYY [--drop-personal-columns] [--yes] [--dry-run]`: the yearly review file
 * into the private store, replacing the village-years it names. Prints the change per village before committing; an
 * import that would remove households asks y/N on a terminal or needs --yes (households/confirm.ts). On problems, lists
 * each as file:row:column: reason and exits with code 1.
 */
import fs from "node:fs";
import readline from "node:readline";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { loadConfig, privateStoreUrl } from "@minhbach/core/config/config.ts";
import { migrateStore } from "@minhbach/db/migrate.ts";
import type { ImportHouseholdsOptions, ImportProgress } from "../import/households/index.js";
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
  // Stopped before the change is shown (a question must not be redrawn over), and again at the end: once is enough.
  let running = true;
  return {
    update: (p) => running && bar.update(p.rows, { phase: p.phase }),
    stop: () => {
      if (running) bar.stop();
      running = false;
    },
  };
}

/** One question on the terminal. Why not readline/promises' question alone: if stdin ends (Ctrl-D) it never settles;
 *  an ended stdin is a "no". */
function askOnTerminal(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  return new Promise<string>((resolve) => {
    rl.once("close", () => resolve(""));
    rl.question(question, (answer) => {
      resolve(answer);
      rl.close();
    });
  });
}

interface Options {
  year: number;
  dropPersonalColumns?: boolean;
  synthetic?: boolean;
  source?: string;
  yes?: boolean;
  dryRun?: boolean;
}

async function run(file: string, opts: Options): Promise<void> {
  const config = loadConfig();
  const privateUrl = privateStoreUrl(config);
  await migrateStore("private", privateUrl);
  // Loaded when the command runs, so that no command pays for loading the others.
  const { ImportDeclined, confirmWith, formatSummary, importHouseholds } = await import("../import/households/index.js");
  const bar = progressBar(file);
  const confirm = confirmWith({
    yes: opts.yes ?? false, dryRun: opts.dryRun ?? false, ask: process.stdin.isTTY ? askOnTerminal : undefined,
    show: (text) => {
      bar?.stop();
      process.stdout.write(text + "\n");
    },
    warn: (text) => process.stderr.write(text + "\n"),
  });
  const options: ImportHouseholdsOptions = {
    privateUrl, file, year: opts.year, secret: config.HOUSEHOLD_KEY_SECRET, confirm,
    dropPersonalColumns: opts.dropPersonalColumns ?? false,
    synthetic: opts.synthetic ?? false,
    ...(opts.source ? { sourceId: opts.source } : {}),
    ...(bar ? { progress: bar.update } : {}),
  };
  try {
    const summary = await importHouseholds(options);
    bar?.stop();
    process.stdout.write(formatSummary(summary) + "\n");
  } catch (err) {
    bar?.stop();
    if (err instanceof ImportDeclined) {
      // a dry run did what was asked; a refusal or a "no" (each already said so) did not
      if (!opts.dryRun) process.exitCode = 1;
      return;
    }
    if (!(err instanceof ImportError)) throw err;
    process.stderr.write(`minhbach: ${err.total} problem(s); nothing was imported.\n`);
    for (const p of err.problems) process.stderr.write(formatProblem(p) + "\n");
    if (err.total > err.problems.length) process.stderr.write(`… and ${err.total - err.problems.length} more\n`);
    process.exitCode = 1;
  }
}

export function register(program: Command): void {
  importCommand(program)
    .command("households <file>")
    .description("Import a yearly household review file (CSV UTF-8 or XLSX; see docs/import-format.md); replaces the villages it names for that year")
    .requiredOption("--year <year>", "review year (the review carried out at the end of that year)", (v) => {
      if (!/^\d{4}$/.test(v)) throw new Error(`--year must be a 4-digit year, got "${v}"`);
      return Number(v);
    })
    .option("--drop-personal-columns", "skip columns with names, ID numbers, phone numbers or addresses unread, instead of refusing the file")
    .option("--synthetic", "the file holds made-up data (demo, training): every figure built from it is labelled synthetic")
    .option("--source <id>", "id of the Source the file comes from (see `import sources`)")
    .option("--yes", "confirm in advance that households missing from the file's villages are removed (needed without a terminal)")
    .option("--dry-run", "check the file and show the change per village; store nothing")
    .action(run);
}
