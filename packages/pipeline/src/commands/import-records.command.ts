/**
 * `minhbach import sources|projects|project-funding|project-participants|credit|jobs|plans|inspections|official-figures FILE`.
 * One subcommand per record file kind, all on the shared `import` command.
 */
import type { Command } from "commander";
import { loadConfig, privateStoreUrl } from "@minhbach/core/config/config.ts";
import { migrateStore } from "@minhbach/db/migrate.ts";
import type { RecordFileKind } from "../import/records/index.js";
import { failWithProblems, printWarnings } from "../import/records/cli-output.js";
import { importCommand } from "./import-group.js";

const DESCRIPTIONS: Record<RecordFileKind, string> = {
  sources: "Import sources (articles, reports, legal texts); replaces by id",
  projects: "Import projects and their villages; replaces by project code",
  "project-funding": "Import project funding (VND); replaces the funding of the listed projects",
  "project-participants": "Import project participants (household ids are hashed); replaces the listed projects' participants",
  credit: "Import social-policy credit per unit and year; replaces by unit-year",
  jobs: "Import job placements per unit and year; replaces by unit-year",
  plans: "Import poverty-reduction plans; replaces by unit-year",
  inspections: "Import inspections; replaces by unit and calendar year",
  "official-figures": "Import officially reported figures (province, national or regional); replaces by unit, review year and source",
};

export function register(program: Command): void {
  const group = importCommand(program);
  for (const kind of Object.keys(DESCRIPTIONS) as RecordFileKind[]) {
    const command = group
      .command(`${kind} <file>`)
      .description(`${DESCRIPTIONS[kind]} (CSV UTF-8 or XLSX; see docs/import-format-records.md)`)
      .option("--drop-personal-columns", "skip columns with names, ID numbers, phone numbers or addresses unread, instead of refusing the file");
    // Official figures name provinces a partial unit list may lack (the demo's); without the option such a row is refused.
    if (kind === "official-figures") command.option("--skip-unknown", "skip rows whose unit is not in the unit list (a warning each) instead of refusing the file");
    command.action(async (file: string, opts: { dropPersonalColumns?: boolean; skipUnknown?: boolean }) => {
      const config = loadConfig();
      const privateUrl = privateStoreUrl(config);
      await migrateStore("private", privateUrl);
      // Loaded when the command runs, so that no command pays for loading the others.
      const importer = (await import("../import/records/index.js")).RECORD_IMPORTERS[kind];
      try {
        const summary = await importer.run({
          privateUrl, file, dropPersonalColumns: opts.dropPersonalColumns ?? false, skipUnknown: opts.skipUnknown ?? false,
          ...(importer.needsSecret && config.HOUSEHOLD_KEY_SECRET ? { secret: config.HOUSEHOLD_KEY_SECRET } : {}),
        });
        printWarnings(summary.warnings);
        const counts = Object.entries(summary.counts).map(([k, v]) => `${k} ${v}`).join(", ");
        process.stdout.write(`Imported ${summary.rows} row(s) of ${kind} from ${file} (batch #${summary.batchId}): ${counts}` +
          (summary.warnings.length ? `; ${summary.warnings.length} warning(s)` : "") + "\n");
      } catch (err) {
        failWithProblems(err);
      }
    });
  }
}
