/**
 * The fixture release with hostile names: spreadsheet formulas (`=HYPERLINK(…)`, `+`, `-`, `@`, tab, CR) and HTML
 * with script. Why: names come from provincial spreadsheets; the API must hand them back as data, CSV exports must
 * not let a spreadsheet run them, and no page may execute them.
 */
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import { openPublicStore } from "@minhbach/db/public.ts";
import { writeRelease } from "@minhbach/db/release-writer.ts";
import { freshStores } from "@minhbach/db/test-stores.ts";
import { fixtureRelease } from "./fixture-release.js";

export const HOSTILE_UNITS: Record<string, string> = {
  "01990-01": '=HYPERLINK("http://x")',
  "01990-02": '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">',
  "01990-03": "-2+3",
  "01990-04": "\tTab",
};

export const HOSTILE_PROJECTS: Record<string, string> = {
  "LB-DE-2023": "+SUM(1,2)",
  "LB-TRAU-2023": "@cmd|' /C calc'!A0",
  "PT-SMALL-2024": "\r=1+1",
};

/** A fresh public store (suite's provider) holding one release (2026.1) with the hostile names above. */
export async function writeHostileStore(): Promise<{ publicUrl: string; drop: () => Promise<void> }> {
  const content = fixtureRelease();
  for (const u of content.units) if (HOSTILE_UNITS[u.code]) Object.assign(u, { name: HOSTILE_UNITS[u.code], nameAscii: foldVietnamese(HOSTILE_UNITS[u.code]!) });
  for (const p of content.projects) if (HOSTILE_PROJECTS[p.code]) Object.assign(p, { name: HOSTILE_PROJECTS[p.code], nameAscii: foldVietnamese(HOSTILE_PROJECTS[p.code]!) });
  const { publicUrl, drop } = await freshStores("minhbach-api-hostile-");
  const db = openPublicStore(publicUrl);
  try {
    await writeRelease(db, content);
  } finally {
    await db.$disconnect();
  }
  return { publicUrl, drop };
}
