/**
 * Issue #16 on the built portal: a partial year (Phủ Thông 2026, 2 of 4 villages reported) is never shown as a total —
 * the profile's headline, the home map and the card default to the last complete year and label the partial one —
 * synthetic labels follow each unit-year's own flag, and every hidden figure carries the one note, in pages and in
 * /data files alike.
 */
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

const NOTE_VI = "Ẩn để bảo vệ hộ gia đình (quy tắc công bố tối thiểu 5 hộ)";
const RULE_WORDS = /PRIMARY|SECONDARY|HISTORY|SMALL_UNIT|fewer than|ít hơn|"reason"/;

describe("incomplete coverage", () => {
  it("heads a profile with the last complete year and labels the partial year partial, never as a total", async () => {
    await page.goto(`${base}/unit/01969/`);
    const head = page.locator('[data-pin-unit="01969"]');
    expect(await head.locator("[data-pin-year]").first().textContent()).toBe("2025");
    expect(await head.locator('[data-pin="poorRate"]').textContent()).toBe("6,3 %");
    const row = page.locator('[data-pin-table="01969"] tr[data-year="2026"]');
    expect(await row.locator("th").textContent()).toContain("chưa đủ số liệu (2/4 thôn)");
    for (const m of ["poorRate", "households", "poor"]) {
      const text = (await row.locator(`td[data-m="${m}"]`).textContent())!.trim();
      expect(text).toMatch(/^không có/);
      expect(text).toContain("2/4 thôn đã báo cáo năm 2026: chưa đủ để tính tổng");
    }
    await expect(page.locator("[data-partial-year='2026']").textContent()).resolves.toContain("2/4 thôn đã báo cáo năm 2026");
    await page.goto(`${base}/en/unit/01969/`);
    expect(await page.locator('[data-pin-table="01969"] tr[data-year="2026"] th').textContent()).toContain("incomplete (2 of 4 villages)");
  });

  it("opens the interactive map on the last complete year and names a partial year partial in its table", async () => {
    await page.goto(`${base}/ban-do/`);
    await page.waitForSelector("#home-map[data-state=ready]");
    expect(await page.locator("#map-year").inputValue()).toBe("2025");
    await page.selectOption("#map-year", "2026");
    await page.waitForFunction(() => document.getElementById("map-status")?.textContent?.includes("2026"));
    const cells = await page.locator("#map-table-body tr", { hasText: "Phủ Thông" }).first().locator("td").allTextContents();
    expect(cells.join(" ")).toContain("Chưa đủ số liệu");
  });

  it("shows the card's last complete year by default, and a partial year as partial when asked for", async () => {
    await page.goto(`${base}/embed/unit/01969/card/`);
    await expect(page.locator('[data-lang="VI"] [data-f="label"]').textContent()).resolves.toContain("2025");
    await expect(page.locator('[data-lang="VI"] [data-f="rate"]').textContent()).resolves.toBe("6,3 %");
    await page.goto(`${base}/embed/unit/01969/card/?year=2026`);
    await expect(page.locator('[data-lang="VI"] [data-f="rate"]').textContent()).resolves.toBe("chưa đủ số liệu");
  });
});

describe("synthetic labels follow the unit-year", () => {
  it("does not label a real unit-year synthetic in a demo release, and labels the synthetic one", async () => {
    await page.goto(`${base}/unit/01969/`);
    expect(await page.locator(".banner[role=note]", { hasText: "giả lập" }).count()).toBe(1); // the release holds synthetic figures
    const headSynthetic = await page.evaluate(() => {
      const next = document.querySelector('[data-pin-unit="01969"]')!.parentElement!.querySelectorAll(":scope > .synthetic-note");
      return next.length;
    });
    expect(headSynthetic).toBe(0); // 2025, the headline year, is real
    expect(await page.locator('[data-pin-table="01969"] tr[data-year="2025"] .badge').count()).toBe(0);
    expect(await page.locator('[data-pin-table="01969"] tr[data-year="2026"] .badge').count()).toBe(1);
    await page.goto(`${base}/embed/unit/01969/card/`);
    expect(await page.locator('[data-lang="VI"] [data-f="synthetic"]').isVisible()).toBe(false);
  });
});

describe("hidden figures look alike", () => {
  it("gives a hidden village figure the one note on pages, and no reason in the data files", async () => {
    await page.goto(`${base}/unit/01969/#v-01990-04`);
    const title = await page.locator("#v-01990-04 tr[data-year='2023'] td[data-m='poor'] .hidden-fig").getAttribute("title");
    expect(title).toBe(NOTE_VI);
    for (const file of ["/data/unit/01990-04.json", "/data/unit/01969.json", "/data/unit/01990-04.csv", "/data/release/2026.2/poverty.csv",
      "/data/release/2026.1/poor-rates.csv", "/methodology/"]) {
      const text = await (await fetch(`${base}${file}`)).text();
      expect(text, file).not.toMatch(RULE_WORDS);
    }
  });
});
