/** Command registry. One line per command module; each module exports `register(program)`. */
import type { Command } from "commander";

type Register = (program: Command) => void;

// Filled in by the command modules as they land (import, template, demo, publish, db).
const modules: Register[] = [];

export function registerCommands(program: Command): void {
  for (const register of modules) register(program);
}
