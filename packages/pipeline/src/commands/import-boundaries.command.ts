/** `minhbach import boundaries FILE.geojson --code-property P`: attaches geometry and label points to existing units. */
import type { Command } from "commander";
import { loadConfig, privateStoreUrl } from "@minhbach/core/config/config.ts";
import { migrateStore } from "@minhbach/db/migrate.ts";
import { failWithProblems, printWarnings } from "../import/records/cli-output.js";
import { importCommand } from "./import-group.js";

interface Options {
  codeProperty: string;
  nameProperty?: string;
  illustrative?: boolean;
  skipUnknown?: boolean;
}

export function register(program: Command): void {
  importCommand(program)
    .command("boundaries <file>")
    .description("Attach GeoJSON (Multi)Polygon boundaries to existing units by code; all-or-nothing")
    .requiredOption("--code-property <property>", "feature property holding the unit code")
    .option("--name-property <property>", "feature property holding the unit name (mismatches are warned about)")
    .option("--illustrative", "the boundaries are illustrative, not official (the map says so)")
    .option("--skip-unknown", "skip features whose code is not a known unit instead of refusing the file")
    .action(async (file: string, opts: Options) => {
      const config = loadConfig();
      const privateUrl = privateStoreUrl(config);
      await migrateStore("private", privateUrl);
      try {
        // Loaded when the command runs, so that no command pays for loading the others.
        const { importBoundaries } = await import("../import/boundaries/import-boundaries.js");
        const s = await importBoundaries({
          privateUrl,
          file,
          codeProperty: opts.codeProperty,
          ...(opts.nameProperty ? { nameProperty: opts.nameProperty } : {}),
          illustrative: opts.illustrative ?? false,
          skipUnknown: opts.skipUnknown ?? false,
        });
        printWarnings(s.warnings);
        process.stdout.write(
          `Attached ${s.attached} boundar${s.attached === 1 ? "y" : "ies"} from ${file} (batch #${s.batchId})` +
            (opts.illustrative ? ", marked illustrative" : "") +
            (s.skipped.length ? `; skipped ${s.skipped.length} unknown code(s): ${s.skipped.slice(0, 10).join(", ")}` : "") +
            (s.labelMovedInside.length ? `; label point moved inside for ${s.labelMovedInside.join(", ")}` : "") +
            "\n",
        );
      } catch (err) {
        failWithProblems(err);
      }
    });
}
