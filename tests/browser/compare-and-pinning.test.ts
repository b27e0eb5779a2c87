/** The compare view (with and without JavaScript) and "cite this" permalinks pinned to an earlier release. */
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

/** Texts of the compare table's row headed `label` (one cell per unit). */
async function rowOf(p: Page, label: string): Promise<string[]> {
  return p.locator("#compare-table tr", { has: p.locator(`th[scope=row]:text-is("${label}")`) }).first().locator("td").allTextContents();
}

describe("compare view", () => {
  it("puts rates, households, deprivations and spending of two communes side by side for the chosen year", async () => {
    await page.goto(`${base}/compare/?units=01990,01975&year=2023`);
    await page.waitForSelector("#compare[data-state=ready] #compare-table tbody");
    await expect(page.locator("#compare-year").inputValue()).resolves.toBe("2023");
    expect(await rowOf(page, "Tỷ lệ hộ nghèo")).toEqual(["8,9 %", "13,9 %"]);
    expect(await rowOf(page, "Tổng số hộ")).toEqual(["1.000", "834"]);
    expect((await rowOf(page, "Tỷ lệ hộ cận nghèo")).every((t) => /^\d+,\d %$/.test(t))).toBe(true);
    await expect(page.locator("#compare-table tr.group").allTextContents()).resolves.toEqual(expect.arrayContaining([
      expect.stringContaining("Thiếu hụt dịch vụ xã hội cơ bản"), expect.stringContaining("Tiền chi và kết quả giảm nghèo")]));
    expect((await rowOf(page, "Kinh phí"))[0]).toMatch(/(tỷ|triệu) đồng$/);
  });

  it("says a hidden village figure is hidden, never a number", async () => {
    await page.goto(`${base}/compare/?units=01990-04,01990-01&year=2023`);
    await page.waitForSelector("#compare[data-state=ready] #compare-table tbody");
    const [hidden, shown] = await rowOf(page, "Hộ nghèo");
    expect(hidden).toMatch(/^ẩn \(Ẩn để bảo vệ hộ gia đình/);
    expect(shown).toMatch(/^\d+$/);
  });

  it("still compares the top-level units without JavaScript", async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const p = await ctx.newPage();
    await p.goto(`${base}/compare/`);
    const rows = await p.locator("#compare-overview tbody tr").allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.join("\n")).toMatch(/Thái Nguyên|Phủ Thông/);
    expect(rows.join("\n")).toMatch(/\d+,\d %/);
    await ctx.close();
  });
});

describe("permalink pinned to an earlier release", () => {
  it("shows the corrected figures on the latest page and release 2026.1's figures on its permalink", async () => {
    await page.goto(`${base}/unit/01975/`);
    await expect(page.locator('[data-pin-unit="01975"] [data-pin="poorRate"]').textContent()).resolves.toBe("11,7 %");
    await page.goto(`${base}/unit/01975/?release=2026.1`);
    await page.waitForSelector("#pinned[data-state=pinned]");
    await expect(page.locator('[data-pin-unit="01975"] [data-pin="poorRate"]').textContent()).resolves.toBe("11,8 %");
    await expect(page.locator('[data-pin-table="01975"] tr[data-year="2024"] td[data-m="poor"]').textContent()).resolves.toBe("99");
    await expect(page.locator("#pinned").textContent()).resolves.toContain("bản mới nhất 2026.2");
    await expect(page.locator("#cite-link").inputValue()).resolves.toMatch(/\/unit\/01975\/\?release=2026\.1$/);
    await expect(page.locator("#cite-text").inputValue()).resolves.toContain("Bản công bố 2026.1, 1/2/2026");
  });

  it("keeps a village's hidden figure hidden under the pinned release", async () => {
    await page.goto(`${base}/unit/01969/?release=2026.1#v-01990-04`);
    await page.waitForSelector("#pinned[data-state=pinned]");
    const cell = page.locator('[data-pin-table="01990-04"] tr[data-year="2023"] td[data-m="poor"]');
    expect((await cell.textContent())?.trim()).toMatch(/^ẩn/);
  });
});
