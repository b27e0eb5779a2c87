import fs from "node:fs";
import path from "node:path";
import { freshStoreUrls } from "@minhbach/db/test-stores.ts";
import { tempDir, csvText } from "../shared/test-files.js";
import { HEADER, SECRET, household, seedUnits } from "./test-fixtures.js";
import { importHouseholds, formatSummary } from "./index.js";
const { privateUrl } = freshStoreUrls();
await seedUnits(privateUrl);
const file = path.join(tempDir(), "big.csv");
const out = fs.openSync(file, "w");
fs.writeSync(out, csvText([HEADER]));
const N = 300_000;
for (let i = 0; i < N; i += 10000) {
  const rows = [];
  for (let j = i; j < i + 10000; j++) rows.push(household(`H${j}`, { village_code: j % 2 ? "01990-01" : "01993-01", income_per_person_month: 1_000_000 + (j % 2000) * 1000 }));
  fs.writeSync(out, csvText(rows));
}
fs.closeSync(out);
const rss0 = process.memoryUsage().rss;
let peak = rss0;
const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const s = await importHouseholds({ privateUrl, file, year: 2024, secret: SECRET });
clearInterval(t);
console.log(formatSummary(s), "\nRSS growth MB", ((peak - rss0) / 1e6).toFixed(1), "file MB", (fs.statSync(file).size / 1e6).toFixed(1));
