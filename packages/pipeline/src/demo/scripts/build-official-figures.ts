/**
 * Writes the demo's officially reported figures (data/official-figures.csv) from the shared reference files. Why
 * committed: a fresh clone has no `../shared`, and its `pnpm start` imports these figures through the real importer.
 *
 *   pnpm tsx packages/pipeline/src/demo/scripts/build-official-figures.ts [/work/shared/data/official-figures]
 */
import fs from "node:fs";
import path from "node:path";
import { deriveOfficialFigures, OFFICIAL_FIGURES_FILE } from "../national/official-figures.js";

const shared = path.resolve(process.argv[2] ?? path.resolve(import.meta.dirname, "../../../../../../shared/data/official-figures"));
const { text, rows } = deriveOfficialFigures(shared);
fs.writeFileSync(OFFICIAL_FIGURES_FILE, text);
console.log(`${path.relative(process.cwd(), OFFICIAL_FIGURES_FILE)}: ${rows} rows, ${Buffer.byteLength(text)} bytes`);
