/** axe-core over every built page (Vietnamese, English, widgets): zero serious or critical violations. */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeSource, launch, type Browser } from "../../packages/portal/src/test/browser.ts";

const { base, outDir } = inject("portal");
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

function builtPages(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("index.html"))
    .map((f) => "/" + path.dirname(f).split(path.sep).join("/").replace(/^\.$/, "") + "/").map((p) => p.replace("//", "/")).sort();
}

describe("accessibility", () => {
  it("has no serious or critical axe violations on any built page", async () => {
    const pages = builtPages(outDir);
    expect(pages.length).toBeGreaterThan(40);
    // The server's CSP allows only hashed inline scripts; axe is injected by the test, not the page (bypassCSP).
    const ctx = await browser.newContext({ bypassCSP: true });
    const page = await ctx.newPage();
    const failures: string[] = [];
    for (const p of pages) {
      await page.goto(base + p);
      if (p === "/ban-do/" || p === "/en/ban-do/") await page.waitForSelector("#home-map[data-state=ready]");
      await page.addScriptTag({ content: axeSource() });
      const result = await page.evaluate(() => (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } })
        .axe.run({ resultTypes: ["violations"] }));
      for (const v of result.violations) if (v.impact === "serious" || v.impact === "critical") failures.push(`${p}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    }
    await ctx.close();
    expect(failures).toEqual([]);
  }, 300_000);
});
