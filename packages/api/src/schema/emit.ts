/**
 * Writes schema.graphql at the repository root from the code (`pnpm --filter @minhbach/api schema:emit`), or with
 * `--check` exits 1 when the committed file differs. Why committed: clients and reviewers read the contract there.
 */
import fs from "node:fs";
import path from "node:path";
import { printSchema } from "graphql";
import { buildApiSchema } from "./build-schema.js";

export const SCHEMA_FILE = path.resolve(import.meta.dirname, "../../../../schema.graphql");

export async function schemaText(): Promise<string> {
  const header = "# Minh Bạch public GraphQL API. Generated from packages/api by `pnpm --filter @minhbach/api schema:emit`; do not edit.\n\n";
  return header + printSchema(await buildApiSchema()) + "\n";
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const text = await schemaText();
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, "utf8") : "";
    if (current !== text) {
      process.stderr.write("schema.graphql is out of date: run `pnpm --filter @minhbach/api schema:emit`\n");
      process.exit(1);
    }
  } else {
    fs.writeFileSync(SCHEMA_FILE, text);
    process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
  }
}
