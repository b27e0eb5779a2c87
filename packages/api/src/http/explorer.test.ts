/** The explorer works offline: the page and every asset it loads come from this server, none from a CDN. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.js";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

describe("explorer", () => {
  it("serves GraphiQL at /graphql to a browser, with example queries and only local assets", async () => {
    const res = await fetch(`${app.url}/graphql`, { headers: { accept: "text/html,application/xhtml+xml" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toMatch(/GraphiQL/);
    expect(html).toMatch(/defaultTabs/);
    expect(html).toMatch(/luc binh/);
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBe(4);
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
    for (const u of urls) {
      expect(u.startsWith("/graphql/explorer/")).toBe(true);
      const asset = await fetch(`${app.url}${u}`);
      expect(asset.status, u).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, u).toBeGreaterThan(1000);
    }
  });
});
