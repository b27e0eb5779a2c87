/** Static files of the portal: content types, precompressed variants, compression on the fly, cache headers, no escapes. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.js";

let app: TestApp;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-static-"));
  fs.mkdirSync(path.join(dir, "_astro"));
  fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Minh Bạch</title>");
  const js = "console.log('xin chào');\n".repeat(200);
  fs.writeFileSync(path.join(dir, "_astro", "app.B1x9Kq2Z.js"), js);
  fs.writeFileSync(path.join(dir, "_astro", "app.B1x9Kq2Z.js.br"), zlib.brotliCompressSync(js));
  fs.writeFileSync(path.join(dir, "style.css"), "body{color:#123}\n".repeat(200));
  app = await startTestApp({ staticDir: dir });
});
// The server reads from the folder: close it first, then remove the folder even if closing fails.
afterAll(async () => {
  try {
    await app.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe("static files", () => {
  it("serves index.html at /, revalidated", async () => {
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(await res.text()).toMatch(/Minh Bạch/);
  });

  it("answers 404 for a path the multi-page site does not have (no home page in place of a wrong widget)", async () => {
    const res = await fetch(`${app.url}/xa/01990`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toMatch(/<title>/);
  });

  it("serves hashed assets precompressed with long immutable caching", async () => {
    const res = await fetch(`${app.url}/_astro/app.B1x9Kq2Z.js`, { headers: { "accept-encoding": "br, gzip" } });
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await res.text()).toMatch(/xin chào/);
  });

  it("compresses text on the fly when no precompressed file exists, and answers 304", async () => {
    const res = await fetch(`${app.url}/style.css`, { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const again = await fetch(`${app.url}/style.css`, { headers: { "if-none-match": res.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("never serves files outside the folder, and still serves the API", async () => {
    expect((await fetch(`${app.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${app.url}/missing.png`)).status).toBe(404);
    expect((await app.gql(`{ releases { id } }`)).status).toBe(200);
  });
});
