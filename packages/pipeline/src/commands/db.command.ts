/** `minhbach db migrate`: creates or upgrades both stores with the committed migrations. */
import type { Command } from "commander";
import { loadConfig, privateStoreUrl, publicStoreUrl } from "@minhbach/core/config/config.ts";
import { migrateSqlite } from "@minhbach/db/migrate.ts";

export function register(program: Command): void {
  const db = program.command("db").description("Database maintenance");
  db.command("migrate")
    .description("Apply pending migrations to the private and the public store")
    .action(() => {
      const config = loadConfig();
      for (const [store, url] of [["private", privateStoreUrl(config)], ["public", publicStoreUrl(config)]] as const) {
        const applied = migrateSqlite(store, url);
        process.stdout.write(`${store} store: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}\n`);
      }
    });
}
