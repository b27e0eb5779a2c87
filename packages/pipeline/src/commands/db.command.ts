/** `minhbach db migrate`: creates or upgrades both stores with the committed migrations. */
import type { Command } from "commander";
import { loadConfig, privateStoreUrl, publicStoreUrl } from "@minhbach/core/config/config.ts";
import { migrateStore } from "@minhbach/db/migrate.ts";

export function register(program: Command): void {
  const db = program.command("db").description("Database maintenance");
  db.command("migrate")
    .description("Apply pending migrations to the private and the public store (SQLite file: or postgresql:// URLs)")
    .action(async () => {
      const config = loadConfig();
      for (const [store, url] of [["private", privateStoreUrl(config)], ["public", publicStoreUrl(config)]] as const) {
        const applied = await migrateStore(store, url);
        process.stdout.write(`${store} store: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}\n`);
      }
    });
}
