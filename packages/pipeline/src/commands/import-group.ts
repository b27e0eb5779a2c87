/**
 * The shared `minhbach import` parent command. Why a helper: several modules add subcommands (households, projects,
 * boundaries…) in any order, and each must find the same parent rather than create a second "import".
 */
import type { Command } from "commander";

export function importCommand(program: Command): Command {
  const existing = program.commands.find((c) => c.name() === "import");
  if (existing) return existing;
  return program.command("import").description("Import a data file into the private store (all or nothing)");
}
