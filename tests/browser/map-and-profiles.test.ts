/** Citizen scenarios on the built portal: the home map, clicking through to a profile, search, and formatted figures. */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, type Browser, type Page } from "../../packages/portal/src/test/browser.ts";

const { base } = inject("portal");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 412, height: 860 } }); // a cheap Android phone
});
afterAll(async () => browser?.close());

async function mapReady(p: Page): Promise<{ drawn: number; located: number; rows: number }> {
  await p.waitForSelector("#home-map[data-state=ready]");
  return p.evaluate(() => {
    const el = document.getElementById("home-map")!;
    const rows = [...document.querySelectorAll("#map-table-body tr")];
    return { drawn: Number(el.dataset.drawn), located: rows.filter((r) => !/ranh giới|boundary/.test(r.textContent ?? "")).length, rows: rows.length };
  });
}

describe("interactive map (/ban-do/)", () => {
  it("draws one shape per unit that has a boundary or a location, for each year and level", async () => {
    await page.goto(`${base}/ban-do/`);
    const latest = await mapReady(page);
    expect(latest.rows).toBeGreaterThan(0);
    expect(latest.drawn).toBe(latest.located);
    await page.selectOption("#map-year", "2023");
    await page.waitForFunction(() => document.getElementById("map-status")?.textContent?.includes("2023"));
    const y2023 = await mapReady(page);
    expect(y2023.rows).toBe(4); // Lục Bình, Vi Hương, Tân Tú, thị trấn Phủ Thông
    expect(y2023.drawn).toBe(y2023.located);
    expect(y2023.drawn).toBeGreaterThan(0);
    const painted = await page.evaluate(() => {
      const c = document.querySelector("#home-map canvas") as HTMLCanvasElement;
      const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(50);
  });

  it("opens a commune's profile when the commune is clicked on the map", async () => {
    await page.goto(`${base}/ban-do/`);
    await page.selectOption("#map-level", "COMMUNE");
    await page.selectOption("#map-year", "2025");
    await mapReady(page);
    await page.locator("#home-map").scrollIntoViewIfNeeded();
    const xy = await page.evaluate(() => (window as unknown as { minhbachMap: { centerOf(c: string): [number, number] | null } }).minhbachMap.centerOf("01969"));
    expect(xy).not.toBeNull();
    const box = (await page.locator("#home-map").boundingBox())!;
    await Promise.all([page.waitForURL(/\/unit\/01969\/$/), page.mouse.click(box.x + xy![0], box.y + xy![1])]);
    await expect(page.locator("h1").textContent()).resolves.toContain("Phủ Thông");
  });
});

describe("search", () => {
  it("finds Lục Bình from 'luc binh' typed without accents", async () => {
    await page.goto(`${base}/search/`);
    await page.fill("#q", "luc binh");
    const link = page.locator("#results a", { hasText: "Lục Bình" });
    await link.first().waitFor();
    expect(await link.first().getAttribute("href")).toBe("/unit/01990/");
  });
});

describe("profiles", () => {
  it("shows Lục Bình's 2023 poverty rate as 8,9 % in Vietnamese and 8.9% in English", async () => {
    await page.goto(`${base}/unit/01990/`);
    expect((await page.locator("tr[data-year='2023'] td.poor-rate").first().textContent())?.trim()).toBe("8,9 %");
    await page.goto(`${base}/en/unit/01990/`);
    expect((await page.locator("tr[data-year='2023'] td.poor-rate").first().textContent())?.trim()).toBe("8.9%");
  });

  it("says where a merged commune went and labels synthetic figures", async () => {
    await page.goto(`${base}/unit/01990/`);
    const text = await page.locator("main").innerText();
    expect(text).toContain("Từ 1/7/2025 là một phần của xã Phủ Thông, Thái Nguyên");
    expect(text).toContain("Số liệu giả lập");
    expect(text).toContain("19,6 tỷ đồng");
    expect(text).toContain("500 triệu đồng");
  });

  it("never shows a hidden village figure as a number", async () => {
    await page.goto(`${base}/unit/01969/`);
    const row = page.locator("#v-01990-04 tr[data-year='2023'] td.poor-rate");
    expect((await row.textContent())?.trim()).toMatch(/^ẩn/);
  });
});
