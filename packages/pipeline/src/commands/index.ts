/** Command registry. One line per command module; each module exports `register(program)`. */
import type { Command } from "commander";
import { register as registerDb } from "./db.command.js";
import { register as registerDemo } from "./demo.command.js";
import { register as registerPublish } from "./publish.command.js";
import { register as registerImportRecords } from "./import-records.command.js";
import { register as registerImportBoundaries } from "./import-boundaries.command.js";
import { register as registerImportHouseholds } from "./import-households.command.js";
import { register as registerTemplate } from "./template.command.js";
import { guardHouseholdKey } from "./key-guard.js";

type Register = (program: Command) => void;

// Filled in by the command modules as they land (import, template, demo, publish, db).
const modules: Register[] = [
  registerDemo,
  registerDb,
  registerPublish,
  registerImportRecords,
  registerImportBoundaries,
  registerImportHouseholds,
  registerTemplate,
];

export function registerCommands(program: Command): void {
  for (const register of modules) register(program);
  guardHouseholdKey(program);
}
