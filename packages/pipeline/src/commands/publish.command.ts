/** `minhbach publish`: writes a new release into the public store (see publish/publish.ts). */
import type { Command } from "commander";
import { loadConfig, privateStoreUrl, publicStoreUrl } from "@minhbach/core/config/config.ts";

export function register(program: Command): void {
  program
    .command("publish")
    .description("Classify, aggregate, apply disclosure control, run the attacker, and write an immutable release")
    .option("--k <k>", "minimum cell size (never below 3); default from DISCLOSURE_K or 5")
    .option("--title <title>", "release title")
    .option("--note <note>", "change note (e.g. what a correction fixes)")
    .action(async (opts: { k?: string; title?: string; note?: string }) => {
      const config = loadConfig();
      const k = opts.k ? Number(opts.k) : config.DISCLOSURE_K;
      if (!Number.isInteger(k) || k < 3) throw new Error(`--k must be an integer ≥ 3 (got ${opts.k})`);
      // Loaded when the command runs, so that no command pays for loading the others.
      const { publishRelease } = await import("../publish/publish.js");
      const summary = await publishRelease({
        privateUrl: privateStoreUrl(config),
        publicUrl: publicStoreUrl(config),
        k,
        title: opts.title,
        changeNote: opts.note,
        log: (line) => process.stderr.write(line + "\n"),
      });
      process.stdout.write(
        `Published release ${summary.releaseId} (#${summary.seq}), checksum ${summary.checksum}\n` +
          `  ${summary.cells} cells, ${summary.suppressed} suppressed (reasons in the private store's publish report); gate passed on ${summary.gate.length} tables\n` +
          (summary.historyConflicts.length ? `  ${summary.historyConflicts.length} history conflicts (suppressed)\n` : "") +
          (summary.incomplete
            ? `  ${summary.incomplete} unit-years where not every village reported: published as NOT_AVAILABLE (coverage in PubUnitYear)\n`
            : "") +
          (summary.classMismatches ? `  data quality: ${summary.classMismatches} records whose recorded category disagrees with the computed class\n` : "") +
          // The API serves the new release at once; the static portal is built from a release and needs a rebuild.
          `Next: restart \`pnpm start\` or run \`pnpm build\` to rebuild the portal with release ${summary.releaseId}\n`,
      );
    });
}
