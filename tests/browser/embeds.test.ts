/** News-site scenarios: a card in a cross-origin iframe renders and resizes; query parameters; oEmbed; budgets. */
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, type Browser, type Page } from "../../packages/portal/src/test/browser.ts";

const { base, host, national } = inject("portal");
let browser: Browser;

beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

/** Gzip bytes of every response a page load makes, and any request leaving the portal's origin (that of `url`). */
async function transfer(page: Page, url: string, settle: (p: Page) => Promise<unknown>): Promise<{ bytes: number; foreign: string[] }> {
  const bodies: Promise<number>[] = [];
  const foreign: string[] = [];
  const origin = new URL(url).origin;
  page.on("request", (r) => { if (new URL(r.url()).origin !== origin && !r.url().startsWith("data:")) foreign.push(r.url()); });
  page.on("response", (r) => bodies.push(r.body().then((b) => zlib.gzipSync(b, { level: 6 }).length, () => 0)));
  await page.goto(url);
  await settle(page);
  await page.waitForLoadState("networkidle");
  return { bytes: (await Promise.all(bodies)).reduce((a, b) => a + b, 0), foreign };
}

describe("card widget on a news site", () => {
  it("renders inside a cross-origin iframe and grows to its content through embed.js", async () => {
    const page = await browser.newPage();
    await page.goto(`${host}/?unit=01990`);
    expect(new URL(host).origin).not.toBe(new URL(base).origin);
    const frame = page.frameLocator("#w");
    await expect(frame.locator("h1").first().textContent()).resolves.toContain("Lục Bình");
    await page.waitForFunction(() => (document.getElementById("w") as HTMLIFrameElement).getBoundingClientRect().height > 100);
    const height = await page.evaluate(() => (document.getElementById("w") as HTMLIFrameElement).getBoundingClientRect().height);
    expect(height).toBeGreaterThan(100);
    await page.close();
  });

  it("applies ?lang, ?year and ?release", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/embed/unit/01990/card/?lang=en&year=2023`);
    await expect(page.locator('[data-lang="EN"] [data-f="rate"]').textContent()).resolves.toBe("8.9%");
    await page.goto(`${base}/embed/unit/01975/card/?release=2026.1&year=2024`);
    await expect(page.locator('[data-lang="VI"] [data-f="release"]').textContent()).resolves.toBe("2026.1");
    await page.close();
  });

  it("shows the Vietnamese card without JavaScript", async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${base}/embed/unit/01990/card/`);
    await expect(page.locator('[data-lang="VI"] [data-f="rate"]').textContent()).resolves.toBe("6,2 %");
    await ctx.close();
  });

  it("is discoverable through oEmbed", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/unit/01990/`);
    const href = await page.locator('link[type="application/json+oembed"]').getAttribute("href");
    const doc = await (await fetch(href!)).json() as { type: string; html: string };
    expect(doc.type).toBe("rich");
    expect(doc.html).toContain("/embed/unit/01990/card/");
    // Discovery names the live endpoint with the page's own URL, so the English profile discovers the English widget.
    expect(href).toBe(`${base}/oembed?url=${encodeURIComponent(`${base}/unit/01990/`)}&format=json`);
    await page.goto(`${base}/en/unit/01990/`);
    const enHref = await page.locator('link[type="application/json+oembed"]').getAttribute("href");
    const en = await (await fetch(`${enHref}&maxwidth=320&maxheight=200`)).json() as { html: string; width: number; height: number };
    expect(en.html).toContain("/embed/unit/01990/card/?lang=en");
    expect([en.width, en.height]).toEqual([320, 200]);
    await page.close();
  });
});

describe("map widget", () => {
  it("follows ?lang=en like the card: words, legend, links and the keyboard links Leaflet adds", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/embed/unit/19/map/?lang=en`);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("en");
    await expect(page.locator("h1:visible").textContent()).resolves.toBe("Province Thái Nguyên: poverty rate");
    await expect(page.locator(".legend:visible").textContent()).resolves.toContain("Hidden to protect households");
    await expect(page.locator("#m").getAttribute("data-lang")).resolves.toBe("EN");
    const key = page.locator(".map-keys a").first();
    await key.waitFor({ state: "attached" });
    expect(await key.getAttribute("href")).toBe(`${base}/en/unit/01969/`);
    expect(await key.textContent()).toMatch(/^Phủ Thông \(2025\): (\d+\.\d%|Hidden to protect households|No data)$/);
    await page.goto(`${base}/embed/unit/19/map/`);
    await expect(page.locator("h1:visible").textContent()).resolves.toBe("Tỉnh Thái Nguyên: tỷ lệ hộ nghèo");
    await page.close();
  });

  it("falls back to Vietnamese with working profile links when JavaScript is off", async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${base}/embed/unit/19/map/?lang=en`);
    expect(await page.locator("#m svg a").first().getAttribute("href")).toBe(`${base}/unit/01969/`);
    await expect(page.locator("h1:visible").textContent()).resolves.toBe("Tỉnh Thái Nguyên: tỷ lệ hộ nghèo");
    await ctx.close();
  });
});

describe("budgets and privacy", () => {
  it("keeps the home page within 150 KB gzip and makes no third-party request", async () => {
    // The home page is the static national map (no script): measured on the national-shaped release, where it draws
    // 62 provinces and tabulates 63, and on the fixture's own release.
    for (const [site, drawn, rows] of [[national, 62, 63], [base, 0, 1]] as const) {
      const page = await browser.newPage();
      const { bytes, foreign } = await transfer(page, `${site}/`, async (p) => {
        await expect(p.locator(".natmap svg a").count()).resolves.toBeGreaterThanOrEqual(drawn);
        await expect(p.locator("#nat-h-table tbody tr").count()).resolves.toBeGreaterThanOrEqual(rows);
        await expect(p.locator("script").count()).resolves.toBe(0);
      });
      console.log(`home page (${site === national ? "national" : "fixture"} release): ${bytes} bytes gzip`);
      expect(foreign).toEqual([]);
      expect(bytes).toBeLessThanOrEqual(150 * 1024);
      await page.close();
    }
  });

  it("keeps the interactive map page within 150 KB gzip, map drawn, and makes no third-party request", async () => {
    const page = await browser.newPage();
    const { bytes, foreign } = await transfer(page, `${base}/ban-do/`, (p) => p.waitForSelector("#home-map[data-state=ready]"));
    console.log(`interactive map page: ${bytes} bytes gzip`);
    expect(foreign).toEqual([]);
    expect(bytes).toBeLessThanOrEqual(150 * 1024);
    await page.close();
  });

  it("keeps the card widget within 20 KB gzip", async () => {
    const page = await browser.newPage();
    const { bytes, foreign } = await transfer(page, `${base}/embed/unit/01990/card/`, (p) => p.waitForSelector("[data-f=rate]"));
    console.log(`card widget: ${bytes} bytes gzip`);
    expect(foreign).toEqual([]);
    expect(bytes).toBeLessThanOrEqual(20 * 1024);
    const cookies = await page.context().cookies();
    expect(cookies).toEqual([]);
    await page.close();
  });
});
