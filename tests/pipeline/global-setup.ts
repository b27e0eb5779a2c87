/** Builds the demo release once per test run (≈1 min); each end-to-end test file then works on its own copy. */
import fs from "node:fs";
import { buildDemoTemplate } from "./demo-release.js";

export default function setup(): () => void {
  const dir = buildDemoTemplate();
  process.env.MINHBACH_DEMO_TEMPLATE = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
