/** Map widget's ?year= and ?release= (like the card's): a review year's rates, a pinned release's, and the fallbacks. */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeSource, launch, type Browser, type Page } from "../../packages/portal/src/test/browser.ts";

const { base } = inject("portal");
let browser: Browser;
let page: Page;

beforeAll(async () => { browser = await launch(); page = await browser.newPage(); });
afterAll(async () => browser?.close());

/** District Bạch Thông (063): Lục Bình (01990) is its located commune (8,9 % in 2023, 13,6 % in 2022, 6,2 % in 2024). */
const row = (code: string, lang = "VI") => page.locator(`[data-lang="${lang}"] tr[data-c="${code}"]`);
const open = async (query: string) => {
  await page.goto(`${base}/embed/unit/063/map/${query}`);
  await page.waitForSelector("#m[data-view]", { state: "attached" });
};

describe("map widget ?year= and ?release=", () => {
  it("shows a review year's rates in the table, Leaflet's keyboard links and a note", async () => {
    await open("?year=2023");
    await expect(page.locator("#m").getAttribute("data-view")).resolves.toBe("year");
    await expect(row("01990").locator('[data-f="y"]').textContent()).resolves.toBe("2023");
    await expect(row("01990").locator('[data-f="r"]').textContent()).resolves.toBe("8,9 %");
    await expect(page.locator("#note:visible").textContent()).resolves.toContain("Năm rà soát 2023");
    const key = page.locator(".map-keys a", { hasText: "Lục Bình" });
    await key.waitFor({ state: "attached" });
    await expect(key.textContent()).resolves.toBe("Lục Bình (2023): 8,9 %");
    await open("?year=2023&lang=en");
    await expect(row("01990", "EN").locator('[data-f="r"]').textContent()).resolves.toBe("8.9%");
    await expect(page.locator("#note:visible").textContent()).resolves.toContain("Review year 2023");
  });

  it("shows an earlier release's figures, names it, and says what is not pinned", async () => {
    await open("?release=2026.1&year=2022");
    await expect(page.locator("#m").getAttribute("data-view")).resolves.toBe("pinned");
    await expect(row("01990").locator('[data-f="r"]').textContent()).resolves.toBe("13,6 %");
    await expect(page.locator('[data-lang="VI"] [data-f="release"]').textContent()).resolves.toBe("2026.1");
    const built = await page.locator("#m").getAttribute("data-release");
    expect(built).not.toBe("2026.1");
    const text = await page.locator("#note:visible").textContent();
    expect(text).toContain("bản công bố 2026.1");
    expect(text).toContain(`Ranh giới, tên và danh sách đơn vị theo bản mới nhất ${built}`);
    const key = page.locator(".map-keys a", { hasText: "Lục Bình" });
    await key.waitFor({ state: "attached" });
    await expect(key.textContent()).resolves.toBe("Lục Bình (2022): 13,6 %");
    await open("?year=2024");
    await expect(row("01990").locator('[data-f="r"]').textContent()).resolves.not.toBe("13,6 %");
  });

  it("falls back to the latest with a visible note for an unknown year or release", async () => {
    await open("");
    const latest = await row("01990").locator('[data-f="r"]').textContent();
    const latestYear = await row("01990").locator('[data-f="y"]').textContent();
    await expect(page.locator("#note").isHidden()).resolves.toBe(true);
    await open("?year=1999");
    await expect(page.locator("#m").getAttribute("data-view")).resolves.toBe("latest-fallback");
    await expect(page.locator("#note:visible").textContent()).resolves.toContain("Không có số liệu năm 1999");
    await expect(row("01990").locator('[data-f="r"]').textContent()).resolves.toBe(latest);
    await expect(row("01990").locator('[data-f="y"]').textContent()).resolves.toBe(latestYear);
    await open("?release=2019.9&lang=en");
    await expect(page.locator("#m").getAttribute("data-view")).resolves.toBe("latest-fallback");
    await expect(page.locator("#note:visible").textContent()).resolves.toContain("There is no release 2019.9");
    const built = await page.locator("#m").getAttribute("data-release");
    await expect(page.locator('[data-lang="EN"] [data-f="release"]').textContent()).resolves.toBe(built);
  });

  it("stays axe-clean with the note shown (pinned, year, fallback)", async () => {
    const ctx = await browser.newContext({ bypassCSP: true });
    const p = await ctx.newPage();
    const failures: string[] = [];
    for (const query of ["?release=2026.1&year=2022", "?year=2023&lang=en", "?year=1999", "?release=2019.9"]) {
      await p.goto(`${base}/embed/unit/063/map/${query}`);
      await p.waitForSelector("#m[data-view]", { state: "attached" });
      await p.waitForSelector(".map-keys a", { state: "attached" });
      await p.addScriptTag({ content: axeSource() });
      const result = await p.evaluate(() => (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string }[] }> } })
        .axe.run({ resultTypes: ["violations"] }));
      for (const v of result.violations) if (v.impact === "serious" || v.impact === "critical") failures.push(`${query}: ${v.id} (${v.impact})`);
    }
    await ctx.close();
    expect(failures).toEqual([]);
  });

  it("shows the latest Vietnamese figures without JavaScript", async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const p = await ctx.newPage();
    await p.goto(`${base}/embed/unit/063/map/?year=2021&release=2026.1`);
    expect(await p.locator("#m svg a[data-c]").count()).toBeGreaterThan(0);
    await expect(p.locator("#note").isHidden()).resolves.toBe(true);
    await expect(p.locator('[data-lang="VI"] [data-f="release"]').textContent()).resolves.not.toBe("2026.1");
    await ctx.close();
  });
});
