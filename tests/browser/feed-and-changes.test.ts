/**
 * The Atom feed of releases and the "what changed" pages, on the fixture store's two releases (2026.2 corrects Vi Hương
 * 2024 poor households of 2026.1). The feed validates against RFC 4287's RELAX NG schema (tests/atom.rng, xmllint),
 * parses as XML (the browser's DOMParser), and its entries link to pages that exist in the built site.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, type Browser, type Page } from "../../packages/portal/src/test/browser.ts";

const { base, outDir } = inject("portal");
const SCHEMA = path.resolve(import.meta.dirname, "../atom.rng");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage();
});
afterAll(async () => browser?.close());

interface ParsedFeed { error: string | null; lang: string | null; author: string | null; entries: { id: string; title: string; updated: string; links: string[]; summary: string }[] }

/** Parses a feed with the browser's XML parser (namespace-aware), as a feed reader would. */
async function parseFeed(xml: string): Promise<ParsedFeed> {
  await page.goto(`${base}/`);
  return page.evaluate((text) => {
    const ns = "http://www.w3.org/2005/Atom";
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const err = doc.getElementsByTagName("parsererror")[0];
    const own = (el: Element, name: string) => [...el.children].filter((c) => c.namespaceURI === ns && c.localName === name);
    const feed = doc.documentElement;
    return {
      error: err ? err.textContent : null, lang: feed.getAttribute("xml:lang"),
      author: own(feed, "author").flatMap((a) => own(a, "name"))[0]?.textContent ?? null,
      entries: own(feed, "entry").map((e) => ({
        id: own(e, "id")[0]?.textContent ?? "", title: own(e, "title")[0]?.textContent ?? "", updated: own(e, "updated")[0]?.textContent ?? "",
        links: own(e, "link").filter((l) => (l.getAttribute("rel") ?? "alternate") === "alternate").map((l) => l.getAttribute("href") ?? ""),
        summary: own(e, "summary")[0]?.textContent ?? "",
      })),
    };
  }, xml);
}

/** The built file a site URL is served from (a folder's index.html). */
function builtFile(url: string): string {
  const p = new URL(url).pathname;
  return path.join(outDir, decodeURIComponent(p), p.endsWith("/") ? "index.html" : "");
}

describe("Atom feed", () => {
  for (const [file, lang] of [["feed.xml", "vi"], ["en/feed.xml", "en"]] as const) {
    it(`/${file} validates as Atom 1.0 (RFC 4287 RELAX NG) and its entries link to built pages`, async () => {
      const out = execFileSync("xmllint", ["--noout", "--relaxng", SCHEMA, path.join(outDir, file)], { encoding: "utf8", stdio: "pipe" });
      expect(out).toBe("");
      const res = await fetch(`${base}/${file}`);
      expect(res.status).toBe(200);
      const feed = await parseFeed(await res.text());
      expect(feed.error).toBeNull();
      expect(feed.lang).toBe(lang);
      expect(feed.author).toBe("Minh Bạch");
      expect(feed.entries.map((e) => e.id)).toEqual(["tag:127.0.0.1,2026-03-01:release/2026.2", "tag:127.0.0.1,2026-02-01:release/2026.1"]);
      const [latest] = feed.entries;
      expect(latest?.updated).toBe("2026-03-01T00:00:00.000Z");
      expect(latest?.summary).toContain(lang === "vi" ? "Vi Hương" : "2 published figures changed since release 2026.1");
      for (const e of feed.entries) {
        expect(e.links).toHaveLength(1);
        const href = e.links[0] ?? "";
        expect(href.startsWith(`${base}/`), href).toBe(true);
        expect(fs.existsSync(builtFile(href)), href).toBe(true);
        expect((await fetch(href)).status, href).toBe(200);
      }
      expect(latest?.links[0]).toBe(`${base}${lang === "vi" ? "" : "/en"}/releases/2026.2/thay-doi/`);
    });
  }

  it("the schema is not vacuous: a feed whose entry lacks its title, or with a malformed date, fails", () => {
    const xml = fs.readFileSync(path.join(outDir, "feed.xml"), "utf8");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-atom-"));
    try {
      const cases: [string, string][] = [["no-title.xml", xml.replace(/<title>Bản công bố 2026\.2[^<]*<\/title>/, "")],
        ["bad-date.xml", xml.replace("<updated>2026-03-01T00:00:00.000Z</updated>", "<updated>1/3/2026</updated>")]];
      for (const [name, broken] of cases) {
        expect(broken, name).not.toBe(xml);
        fs.writeFileSync(path.join(dir, name), broken);
        expect(() => execFileSync("xmllint", ["--noout", "--relaxng", SCHEMA, path.join(dir, name)], { stdio: "pipe" }), name).toThrow();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is discoverable from every page (absolute link in the head, the page's language)", async () => {
    for (const [p, feed] of [["/", "/feed.xml"], ["/en/", "/en/feed.xml"], ["/unit/01969/", "/feed.xml"], ["/en/methodology/", "/en/feed.xml"],
      ["/releases/2026.2/thay-doi/", "/feed.xml"]]) {
      const html = await (await fetch(`${base}${p}`)).text();
      expect(html, p).toContain(`<link rel="alternate" type="application/atom+xml" href="${base}${feed}"`);
    }
  });
});

describe("what changed in a release", () => {
  it("lists the corrected figure with before, after and change, linking the unit", async () => {
    await page.goto(`${base}/releases/2026.2/thay-doi/`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Bản công bố 2026.2: thay đổi so với bản 2026.1");
    const row = page.locator("#moved ~ .table-wrap tbody tr").first();
    await expect(row.locator("th a").getAttribute("href")).resolves.toBe("/unit/01975/");
    const cells = await row.locator("td").allTextContents();
    expect(cells[0]).toBe("2024");
    expect(cells[1]).toMatch(/^\d+ → 98 \(−\d+\)$/);
    expect(cells[3]).toMatch(/% → .*% \(−[\d,]+ điểm %\)$/);
    expect(cells[2]).toBe("–");
    await expect(page.locator("#corrections ~ .table-wrap tbody tr").first().textContent()).resolves.toMatch(/^2024/);
  });

  it("has an English twin and no page for the first release", async () => {
    await page.goto(`${base}/en/releases/2026.2/thay-doi/`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Release 2026.2: what changed since release 2026.1");
    await expect(page.locator("#moved ~ .table-wrap tbody tr th a").first().getAttribute("href")).resolves.toBe("/en/unit/01975/");
    expect(fs.existsSync(path.join(outDir, "releases", "2026.1"))).toBe(false);
  });
});
