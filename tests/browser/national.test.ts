/**
 * The portal at national size, on the national-shaped test release (packages/portal/src/test/national-fixture.ts):
 * the home page's static province map and its table, a province without official figures, the side-by-side view of
 * Bắc Kạn, the national page, and communes with no data served from the shared template without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeSource, launch, type Browser, type Page } from "../../packages/portal/src/test/browser.ts";
import { RATE_CLASSES } from "../../packages/portal/src/data/map-layers.ts";

const { national: base } = inject("portal");
let browser: Browser;
let page: Page;
let noJs: Page;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 412, height: 860 } });
  noJs = await (await browser.newContext({ javaScriptEnabled: false, viewport: { width: 412, height: 860 } })).newPage();
});
afterAll(async () => browser?.close());

/** Each province link drawn on the static map: code, fill and the size it is drawn at. */
async function drawnProvinces(p: Page) {
  return p.evaluate(() => [...document.querySelectorAll<SVGAElement>(".natmap svg a")].map((a) => {
    const path = a.querySelector("path")!;
    const box = path.getBBox();
    return { code: a.dataset.code!, fill: path.getAttribute("fill")!, label: a.getAttribute("aria-label")!, area: box.width * box.height, href: a.getAttribute("href") };
  }));
}

describe("home page: the national map at province level", () => {
  it("draws every province with a shape as a link and tabulates all 63, Quảng Ninh listed without a shape", async () => {
    await noJs.goto(`${base}/`);
    expect(await noJs.locator("script").count()).toBe(0); // no map script on the home page
    await page.goto(`${base}/`);
    const drawn = await drawnProvinces(page);
    expect(drawn).toHaveLength(62);
    expect(drawn.every((d) => d.area > 100 && d.href === `/unit/${d.code}/`)).toBe(true);
    expect(drawn.map((d) => d.code)).not.toContain("22");
    const rows = page.locator("#nat-h-table tbody tr");
    await expect(rows.count()).resolves.toBe(63);
    await expect(page.locator('#nat-h-table tr[data-code="22"]').textContent()).resolves.toContain("không có ranh giới trên bản đồ");
    await expect(page.locator("main").textContent()).resolves.toContain("Quảng Ninh: không có ranh giới trên bản đồ");
  });

  it("hatches a province without official figures and says so, never with the colour of zero", async () => {
    await page.goto(`${base}/`);
    const p03 = (await drawnProvinces(page)).find((d) => d.code === "03")!;
    expect(p03.fill).toBe("url(#no-official)");
    expect(p03.fill).not.toBe(RATE_CLASSES[0].color);
    expect(p03.label).toBe("Tỉnh Thử Nghiệm 03: Chưa có số liệu chính thức");
    await expect(page.locator('#nat-h-table tr[data-code="03"]').textContent()).resolves.toContain("Chưa có số liệu chính thức");
    await page.goto(`${base}/unit/03/`);
    await expect(page.locator("#official-h + p").textContent()).resolves.toContain("Chưa có số liệu chính thức");
  });

  it("colours a province by its latest official rate, with year and quality in the table", async () => {
    await page.goto(`${base}/`);
    const p02 = (await drawnProvinces(page)).find((d) => d.code === "02")!;
    expect(p02.fill).toBe(RATE_CLASSES[2].color); // 8.11 % is in the 5–10 % class
    const cells = await page.locator('#nat-h-table tr[data-code="02"] td').allTextContents();
    expect(cells).toEqual(["8,11 %", "2023", "Báo cáo chính thức"]);
    const p06 = await page.locator('#nat-h-table tr[data-code="06"] td').allTextContents();
    expect(p06).toEqual(["22,5 %", "2022", "Báo cáo chính thức"]); // of two 2022 sources, the reported one colours the map
  });

  it("shows the 34 provinces after the 2025 reform on their own page", async () => {
    await page.goto(`${base}/en/tinh-thanh-2025/`);
    await expect(page.locator("h1").textContent()).resolves.toBe("The 34 provinces from 1 July 2025");
    await expect(page.locator("#nat-h-table tbody tr").count()).resolves.toBe(34);
    expect(await drawnProvinces(page)).toHaveLength(34);
  });
});

describe("province profile: official and household-review figures side by side", () => {
  it("shows Bắc Kạn's official figures with quality and sources, beside the computed ones, with why they differ", async () => {
    await page.goto(`${base}/unit/06/`);
    const official = page.locator("#official-h + .table-wrap table.official tbody tr");
    await expect(official.count()).resolves.toBe(3); // 2022 twice (two sources, never averaged), 2021
    // By the row's year cell: the 2022 row of the same source names it too ("… rà soát hộ nghèo 2021").
    const y2021 = official.filter({ has: page.locator('th[scope="row"]', { hasText: /^2021$/ }) });
    await expect(y2021.textContent()).resolves.toContain("26,93 %");
    await expect(y2021.locator("a").getAttribute("href")).resolves.toBe("https://example.org/bk-2021");
    await expect(official.filter({ hasText: "Báo thử nghiệm" }).textContent()).resolves.toContain("Nguồn thứ cấp");
    const beside = page.locator("#beside");
    await expect(beside.locator("thead").textContent()).resolves.toContain("Tính từ kết quả rà soát hộ");
    const row = await beside.locator("tbody tr").filter({ has: page.locator('th[scope="row"]', { hasText: /^2021$/ }) }).locator("td").allTextContents();
    expect(row[0]).toContain("26,93 %");
    expect(row[1]).toContain("18,0 %"); // 540 of 3,000 households, synthetic (computed rates have the portal's one decimal)
    expect(row[1]).toContain("Số liệu giả lập");
    await expect(beside.textContent()).resolves.toContain("Vì sao hai số liệu khác nhau?");
  });

  it("gives the national and regional totals with their sources", async () => {
    await page.goto(`${base}/en/quoc-gia/`);
    const vn = page.locator('section[aria-labelledby="vn-h"] tbody tr', { hasText: "2022" });
    await expect(vn.textContent()).resolves.toContain("4.03%");
    await expect(vn.locator("a").getAttribute("href")).resolves.toBe("https://example.org/vn-2022");
    await expect(page.locator('section[aria-labelledby="r-VN-1-h"]').textContent()).resolves.toContain("Preliminary");
    await expect(page.locator('section[aria-labelledby="r-VN-2-h"]').textContent()).resolves.toContain("No official figure");
  });
});

describe("a commune with no data yet (shared template, no JavaScript)", () => {
  it("has its name, parents, history and 'no data yet', in both languages", async () => {
    const res = await noJs.goto(`${base}/unit/00001/`);
    expect(res!.status()).toBe(200);
    await expect(noJs.locator("h1").textContent()).resolves.toBe("Phường Phúc Xá Thử");
    await expect(noJs.title()).resolves.toBe("Phường Phúc Xá Thử · Minh Bạch");
    const crumbs = await noJs.locator("main nav a").allTextContents();
    expect(crumbs).toEqual(["Quốc gia Việt Nam", "Tỉnh Thử Nghiệm 01", "Quận Ba Đình Thử"]);
    await expect(noJs.locator("#no-data-h").textContent()).resolves.toBe("Chưa có số liệu");
    await expect(noJs.locator("#history-h + ul").textContent()).resolves.toContain("Từ 1/7/2025 là một phần của xã Phủ Thông");
    await noJs.locator("#history-h + ul a", { hasText: "Phủ Thông" }).click();
    await expect(noJs.locator("h1").textContent()).resolves.toContain("Phủ Thông");
    await noJs.goto(`${base}/en/unit/00004/`);
    await expect(noJs.locator("#no-data-h").textContent()).resolves.toBe("No data yet");
    await expect(noJs.locator('link[rel="canonical"]').getAttribute("href")).resolves.toBe(`${base}/en/unit/00004/`);
    expect((await noJs.goto(`${base}/unit/00009/`))!.status()).toBe(404);
  });

  it("is reached from its district's profile", async () => {
    await noJs.goto(`${base}/unit/001/`);
    await noJs.locator("#children-h ~ * a", { hasText: "Trúc Bạch Thử" }).first().click();
    await expect(noJs.locator("h1").textContent()).resolves.toBe("Phường Trúc Bạch Thử");
  });
});

describe("accessibility of the national pages", () => {
  it("has no serious or critical axe violations", async () => {
    const ctx = await browser.newContext({ bypassCSP: true });
    const p = await ctx.newPage();
    const failures: string[] = [];
    for (const path of ["/", "/en/", "/tinh-thanh-2025/", "/quoc-gia/", "/unit/06/", "/unit/03/", "/unit/00001/", "/en/unit/00001/", "/unit/22/"]) {
      await p.goto(base + path);
      await p.addScriptTag({ content: axeSource() });
      const result = await p.evaluate(() => (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } })
        .axe.run({ resultTypes: ["violations"] }));
      for (const v of result.violations) if (v.impact === "serious" || v.impact === "critical") failures.push(`${path}: ${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    }
    await ctx.close();
    expect(failures).toEqual([]);
  }, 120_000);
});
