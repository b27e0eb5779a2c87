/** Builds the demo release once per test run (≈1 min); each end-to-end test file then works on its own copy (a folder,
 *  and on PostgreSQL two databases copied from template databases). */
import { buildDemoTemplate, dropDemoTemplate } from "./demo-release.js";

export default async function setup(): Promise<() => Promise<void>> {
  const template = await buildDemoTemplate();
  process.env.MINHBACH_DEMO_TEMPLATE = template.dir;
  if (template.privateDb) process.env.MINHBACH_DEMO_TEMPLATE_PRIVATE_DB = template.privateDb;
  if (template.publicDb) process.env.MINHBACH_DEMO_TEMPLATE_PUBLIC_DB = template.publicDb;
  return () => dropDemoTemplate(template);
}
