/** Keyboard and screen-reader access to the maps: every drawn unit is a link reachable by Tab; Enter opens its profile. */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, type Browser, type Page } from "../../packages/portal/src/test/browser.ts";

const { base } = inject("portal");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 412, height: 860 } });
});
afterAll(async () => browser?.close());

/** Press Tab from the focused element until focus lands in the map's unit list (at most `max` presses). */
async function tabToMapKey(p: Page, max = 8): Promise<{ text: string; href: string } | null> {
  for (let i = 0; i < max; i++) {
    await p.keyboard.press("Tab");
    const hit = await p.evaluate(() => {
      const a = document.activeElement as HTMLAnchorElement | null;
      return a?.closest(".map-keys") ? { text: a.textContent ?? "", href: a.getAttribute("href") ?? "" } : null;
    });
    if (hit) return hit;
  }
  return null;
}

describe("interactive map (/ban-do/) from the keyboard", () => {
  it("tabs from the map to a unit named with its rate, outlines it with a tooltip, and opens its profile on Enter", async () => {
    await page.goto(`${base}/ban-do/`);
    // The first draw fits the map, which may cross a zoom band and redraw once more: wait until that has settled too.
    await page.waitForLoadState("networkidle");
    await page.waitForSelector("#home-map[data-state=ready]");
    await expect(page.locator(".map-keys").getAttribute("aria-label")).resolves.toMatch(/Tab/);
    await page.focus("#home-map");
    const key = await tabToMapKey(page);
    expect(key).toEqual({ text: expect.stringMatching(/^Phủ Thông: (\d+,\d %|Ẩn để bảo vệ hộ gia đình|Không có số liệu)$/), href: "/unit/01969/" });
    await expect(page.locator(".leaflet-tooltip").textContent()).resolves.toContain("Phủ Thông");
    await Promise.all([page.waitForURL(/\/unit\/01969\/$/), page.keyboard.press("Enter")]);
    await expect(page.locator("h1").textContent()).resolves.toContain("Phủ Thông");
  });

  it("offers a skip link past the map to the data table", async () => {
    await page.goto(`${base}/ban-do/`);
    await page.waitForSelector("#home-map[data-state=ready]");
    await page.focus(".map-skip");
    await expect(page.locator(".map-skip").isVisible()).resolves.toBe(true);
    await page.keyboard.press("Enter");
    expect(new URL(page.url()).hash).toBe("#map-table");
  });
});

describe("profile map from the keyboard", () => {
  it("gives each unit on a profile's small map an English link once the map is drawn", async () => {
    await page.goto(`${base}/en/unit/19/`);
    await page.locator(".unit-map").scrollIntoViewIfNeeded();
    const link = page.locator(".map-keys a").first();
    await link.waitFor({ state: "attached" });
    expect(await link.getAttribute("href")).toBe("/en/unit/01969/");
    expect(await link.textContent()).toMatch(/^Phủ Thông \(2025\): (\d+\.\d%|Hidden to protect households|No data)$/);
  });
});
