/**
 * Writes the demo's national data (data/national/: units, the 2025 reform, simplified boundaries, licences) from the
 * shared reference files. Why committed: `../shared` exists only on development and CI machines, while a fresh clone's
 * `pnpm start` must show the whole country. national-data.test.ts checks the committed files equal what this derives.
 *
 *   pnpm tsx packages/pipeline/src/demo/scripts/build-national-geo.ts [/work/shared/data/vn-admin]
 */
import fs from "node:fs";
import path from "node:path";
import { deriveNational } from "../national/derive.js";

const shared = path.resolve(process.argv[2] ?? "/work/shared/data/vn-admin");
const outDir = path.resolve(import.meta.dirname, "../data/national");

const started = Date.now();
const { files, counts } = deriveNational(shared);
fs.mkdirSync(outDir, { recursive: true });
for (const [name, text] of files) {
  fs.writeFileSync(path.join(outDir, name), text);
  console.log(`${name}: ${Buffer.byteLength(text)} bytes`);
}
console.log(JSON.stringify(counts), `${Date.now() - started} ms`);
