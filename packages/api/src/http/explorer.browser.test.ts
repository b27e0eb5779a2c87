/**
 * The explorer in a real browser (Debian's chromium, headless, offline): it renders and runs queries under its strict
 * CSP with no violation, and a unit name made of HTML and script is shown as text, never run. Skipped, saying so,
 * when chromium is not installed.
 */
import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_UNITS, writeHostileStore } from "../test/hostile-release.js";
import { startTestApp, type TestApp } from "../test/test-app.js";

const CHROMIUM = "/usr/bin/chromium";
const available = fs.existsSync(CHROMIUM);
if (!available) console.warn(`${CHROMIUM} not found: skipping the explorer browser test`);

describe.skipIf(!available)("explorer in chromium", () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp({ publicUrl: (await writeHostileStore()).publicUrl });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"] });
  });
  afterAll(async () => { await browser?.close(); await app?.close(); });

  it("renders, runs a query under its CSP, and shows a <script> unit name as text", async () => {
    const context = await browser.newContext({ offline: false });
    const page = await context.newPage();
    const violations: string[] = [];
    const foreign: string[] = [];
    await page.exposeFunction("reportViolation", (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
    });
    page.on("console", (m) => { if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    page.on("request", (r) => { if (!r.url().startsWith(app.url) && !r.url().startsWith("data:")) foreign.push(r.url()); });
    page.on("response", (r) => { if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) violations.push(`${r.status()} ${r.url()}`); });
    await page.goto(`${app.url}/graphql`);
    await page.waitForSelector(".graphiql-container .graphiql-execute-button", { timeout: 20_000 });

    // Replace the first tab's query with one returning the hostile name (same operation name, which the tab keeps), run it.
    await page.click(".graphiql-query-editor .CodeMirror");
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(`query Citation { unit(code: "01990-02") { name } }`);
    await page.click(".graphiql-execute-button");
    await page.waitForFunction(() => document.querySelector(".result-window")?.textContent?.includes("__pwned"), undefined, { timeout: 20_000 });
    const shown = await page.textContent(".result-window");
    expect(shown).toContain(HOSTILE_UNITS["01990-02"]!.slice(0, 30));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$eval(".result-window script, .result-window img", (els) => els.length)).toBe(0);
    expect(violations).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });
});
