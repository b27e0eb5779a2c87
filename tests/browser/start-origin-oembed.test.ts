/**
 * Issue #18 (parts 1–3) through the real `pnpm start` (scripts/start.ts) on PORT=4533 over a fixture public store:
 * every absolute link (canonical, hreflang, oEmbed discovery, "cite this", embed snippet) uses :4533; a real oEmbed
 * consumer (@extractus/oembed-extractor, discovery mode) gets ≤ maxwidth×maxheight and the English widget on English
 * pages; after a new release is written ("publish") and `pnpm start` restarted, the portal shows the new release, and a
 * restart with nothing new rebuilds nothing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { extract } from "@extractus/oembed-extractor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureCorrection, fixtureRelease } from "../../packages/api/src/test/fixture-release.ts";
import { freshStores } from "../../packages/db/src/test-stores.ts";
import { openPublicStore } from "../../packages/db/src/public.ts";
import { writeRelease } from "../../packages/db/src/release-writer.ts";
import { launch, type Browser } from "../../packages/portal/src/test/browser.ts";

const PORT = 4533;
const SITE = `http://localhost:${PORT}`;
/** The server listens on 0.0.0.0; the test talks to 127.0.0.1 so that "localhost" resolving to ::1 cannot matter. */
const LOOPBACK = `http://127.0.0.1:${PORT}`;
const root = path.resolve(import.meta.dirname, "../..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-start-"));
let stores: Awaited<ReturnType<typeof freshStores>>;
let browser: Browser;
let server: { child: ChildProcess; output: () => string } | undefined;

async function publish(release: ReturnType<typeof fixtureRelease>): Promise<void> {
  const db = openPublicStore(stores.publicUrl);
  try { await writeRelease(db, release); } finally { await db.$disconnect(); }
}

/** `pnpm start` as an operator runs it: PORT set, no PORTAL_SITE_URL, the public store only. Resolves once it serves. */
async function start(): Promise<{ child: ChildProcess; output: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), PORTAL_SITE_URL: "", PUBLIC_DATABASE_URL: stores.publicUrl,
    MINHBACH_DATA_DIR: work, MINHBACH_STATIC_DIR: path.join(work, "dist"), PORTAL_SNAPSHOT_DIR: path.join(work, "snapshot"), LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => { out += d; });
  child.stderr!.on("data", (d: Buffer) => { out += d; });
  for (const t0 = Date.now(); Date.now() - t0 < 180_000;) {
    if (child.exitCode !== null) throw new Error(`pnpm start exited with ${child.exitCode}:\n${out}`);
    if (await fetch(`${LOOPBACK}/healthz`).then((r) => r.ok, () => false)) return { child, output: () => out };
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`pnpm start did not serve within 180 s:\n${out}`);
}

/** Stops the process group we started (start.ts, pnpm and the API), by its id. */
async function stop(): Promise<void> {
  if (!server || server.child.exitCode !== null) return;
  const exited = new Promise((r) => server!.child.once("exit", r));
  process.kill(-server.child.pid!, "SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (server.child.exitCode === null) process.kill(-server.child.pid!, "SIGKILL");
  server = undefined;
}

/** A fetcher for the consumer library: same requests, sent to the loopback address the server listens on. */
const loopbackFetch = (url: string | URL | Request) => fetch(String(url).replace(SITE, LOOPBACK));
/** The consumer's answer, as a "rich" oEmbed document (the library types it loosely). */
interface RichDoc { method: string; html: string; width: number; height: number; title: string }
const discover = async (url: string, params: Record<string, number>) => (await extract(url, params, loopbackFetch)) as unknown as RichDoc;

beforeAll(async () => {
  stores = await freshStores("minhbach-start-");
  await publish(fixtureRelease());
  browser = await launch();
  server = await start();
}, 240_000);

afterAll(async () => {
  await stop();
  await browser?.close();
  await stores?.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("pnpm start on PORT=4533 (no PORTAL_SITE_URL)", () => {
  it("puts :4533 in the profile's canonical, hreflang, oEmbed discovery, cite-this and embed links", async () => {
    const page = await browser.newPage();
    await page.goto(`${LOOPBACK}/unit/01990/`);
    const href = (sel: string) => page.locator(sel).getAttribute("href");
    await expect(href('link[rel="canonical"]')).resolves.toBe(`${SITE}/unit/01990/`);
    await expect(href('link[hreflang="en"]')).resolves.toBe(`${SITE}/en/unit/01990/`);
    await expect(href('link[type="application/json+oembed"]')).resolves.toBe(`${SITE}/oembed?url=${encodeURIComponent(`${SITE}/unit/01990/`)}&format=json`);
    const html = await page.content();
    expect(html).toContain(`${SITE}/unit/01990/?release=`);
    expect(html).toContain(`${SITE}/embed/unit/01990/card/`);
    expect(html).not.toMatch(/localhost:4000/);
    await page.close();
  });

  it("gives every page a canonical link on the same origin", async () => {
    for (const p of ["/", "/en/", "/search/", "/en/compare/", "/methodology/", "/embed/", "/embed/unit/01990/card/", "/embed/unit/01990/map/"]) {
      const html = await (await fetch(`${LOOPBACK}${p}`)).text();
      expect(html, p).toContain(`<link rel="canonical" href="${SITE}${p}"`);
    }
  });
});

describe("oEmbed through a real consumer (@extractus/oembed-extractor, discovery mode)", () => {
  const limits = { maxwidth: 300, maxheight: 180 };

  it("English profile → English widget, within maxwidth × maxheight", async () => {
    const doc = await discover(`${SITE}/en/unit/01990/`, limits);
    expect(doc.method).toBe("auto-discovery");
    expect(doc.width).toBeLessThanOrEqual(limits.maxwidth);
    expect(doc.height).toBeLessThanOrEqual(limits.maxheight);
    expect(doc.title).toContain("poverty rate");
    expect(doc.html).toContain(`${SITE}/embed/unit/01990/card/?lang=en`);
    const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(doc.html)!;
    expect(Number(w)).toBeLessThanOrEqual(limits.maxwidth);
    expect(Number(h)).toBeLessThanOrEqual(limits.maxheight);
  });

  it("Vietnamese profile → Vietnamese widget; no limits → the default size", async () => {
    const doc = await discover(`${SITE}/unit/01990/`, {});
    expect(doc.html).toContain(`${SITE}/embed/unit/01990/card/"`);
    expect(doc.title).toContain("tỷ lệ hộ nghèo");
    expect([doc.width, doc.height]).toEqual([480, 260]);
  });

  it("the embedded iframe stays within maxheight after embed.js sizes it to its content", async () => {
    const doc = await discover(`${SITE}/en/unit/01990/`, limits);
    const page = await browser.newPage();
    // The "news site" is another origin (the portal's 127.0.0.1 vs the widget's localhost), as on a real CMS.
    await page.route(`${LOOPBACK}/news`, (r) => r.fulfill({ contentType: "text/html", body: `<!doctype html><html><body>${doc.html}</body></html>` }));
    // This chromium refuses to load "localhost" ("localhost is blocked"): the widget's requests keep their URL (and so
    // their origin, which embed.js checks) and are answered by the same server on 127.0.0.1.
    await page.route(`${SITE}/**`, async (r) => r.fulfill({ response: await r.fetch({ url: r.request().url().replace(SITE, LOOPBACK) }) }));
    await page.goto(`${LOOPBACK}/news`);
    const frame = page.frameLocator("iframe[data-minhbach-embed]");
    await expect(frame.locator("h1").first().textContent()).resolves.toContain("Lục Bình");
    await page.waitForTimeout(1500); // the widget posts its height after layout; embed.js applies it
    const box = (await page.locator("iframe[data-minhbach-embed]").boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(limits.maxwidth);
    expect(box.height).toBeLessThanOrEqual(limits.maxheight);
    expect(box.height).toBeGreaterThan(60);
    // The cap mattered: the widget's own content is taller than maxheight (it scrolls inside).
    const natural = await page.frames().find((f) => f.url().includes("/embed/unit/"))!.evaluate(() => document.documentElement.scrollHeight);
    expect(natural).toBeGreaterThan(limits.maxheight);
    await page.close();
  });
});

describe("after publish and restart", () => {
  const footerRelease = async () => {
    const page = await browser.newPage();
    await page.goto(`${LOOPBACK}/unit/01990/`);
    const id = await page.locator("footer strong").first().textContent();
    await page.close();
    return id;
  };

  it("a restart with nothing new rebuilds nothing; after a new release it serves that release", async () => {
    await expect(footerRelease()).resolves.toBe("2026.1");
    await stop();
    server = await start();
    expect(server.output()).toContain("Portal up to date: release 2026.1");
    await stop();
    await publish(fixtureCorrection());
    server = await start();
    expect(server.output()).toMatch(/"release": "2026\.2"/);
    await expect(footerRelease()).resolves.toBe("2026.2");
    const api = await (await fetch(`${LOOPBACK}/graphql`, { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ releases { id latest } }" }) })).json() as { data: { releases: { id: string; latest: boolean }[] } };
    expect(api.data.releases.find((r) => r.latest)?.id).toBe("2026.2");
  }, 400_000);
});
