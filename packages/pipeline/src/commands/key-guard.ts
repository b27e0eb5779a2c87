/**
 * The household key guard around the imports that hash household ids (`import households`, `import
 * project-participants`): before the import, a key other than the one the private store's households were hashed with
 * is refused; after a successful import, a store without a recorded key records this one. Why around the commands:
 * one rule for every keyed import, whatever importer runs inside (see store/key-fingerprint.ts).
 */
import type { Command } from "commander";
import { loadConfig, privateStoreUrl } from "@minhbach/core/config/config.ts";
import { migrateStore } from "@minhbach/db/migrate.ts";

const KEYED_IMPORTS = new Set(["households", "project-participants"]);

function isKeyedImport(action: Command): boolean {
  return action.parent?.name() === "import" && KEYED_IMPORTS.has(action.name());
}

export function guardHouseholdKey(program: Command): void {
  program.hook("preAction", async (_program, action) => {
    if (!isKeyedImport(action)) return;
    const config = loadConfig();
    if (!config.HOUSEHOLD_KEY_SECRET) return; // no key: the importer says what to set
    const privateUrl = privateStoreUrl(config);
    await migrateStore("private", privateUrl);
    const { checkHouseholdKey } = await import("../store/key-fingerprint.js");
    await checkHouseholdKey(privateUrl, config, config.HOUSEHOLD_KEY_SECRET);
  });
  program.hook("postAction", async (_program, action) => {
    if (!isKeyedImport(action)) return;
    const config = loadConfig();
    if (!config.HOUSEHOLD_KEY_SECRET) return;
    // a refused file, a declined confirmation or a dry run stored nothing under the key
    if (process.exitCode || (action.opts() as { dryRun?: boolean }).dryRun) return;
    const { recordHouseholdKey } = await import("../store/key-fingerprint.js");
    await recordHouseholdKey(privateStoreUrl(config), config.HOUSEHOLD_KEY_SECRET);
  });
}
