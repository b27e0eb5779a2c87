/** Security headers on every response; framing allowed only for the portal's widgets and oEmbed; CSPs that fit each page. */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.js";
import { explorerHtml } from "./explorer.js";
import { inlineScriptHashes } from "./security-headers.js";

let app: TestApp;
let dir: string;
const INLINE = "document.documentElement.dataset.ok='1'";
beforeAll(async () => {
  // A miniature portal build: a page with an inline script, a widget under /embed/, a static oEmbed document.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-portal-"));
  fs.mkdirSync(path.join(dir, "embed/unit/01990/card"), { recursive: true });
  fs.mkdirSync(path.join(dir, "oembed"));
  fs.writeFileSync(path.join(dir, "index.html"), `<!doctype html><title>p</title><script>${INLINE}</script><script type="module" src="/a.js"></script>`);
  fs.writeFileSync(path.join(dir, "embed/unit/01990/card/index.html"), "<!doctype html><title>card</title><p style=\"color:red\">card</p>");
  fs.writeFileSync(path.join(dir, "oembed/01990.json"), "{}");
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

const get = (p: string, init?: RequestInit) => fetch(`${app.url}${p}`, init);

describe("headers on every response", () => {
  it.each([
    ["/graphql?query=%7Breleases%7Bid%7D%7D"], ["/healthz"], ["/readyz"], ["/export/units.csv?level=VILLAGE"], ["/export/nope.csv"],
    ["/graphql/explorer/graphiql.css"], ["/index.html"], ["/missing.png"], ["/graphql?query=%7B"],
  ])("%s", async (p) => {
    const res = await get(p);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
  });

  it("POST errors, 405s and 413s carry them too", async () => {
    for (const res of [await get("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: "{" }), await get("/graphql", { method: "PUT" }),
      await get("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: "x".repeat(200_000) })]) {
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
  });
});

describe("content security policy", () => {
  it("API answers may load and run nothing", async () => {
    const csp = (await get("/graphql?query=%7Breleases%7Bid%7D%7D")).headers.get("content-security-policy")!;
    expect(csp).toMatch(/^default-src 'none'/);
    expect(csp).not.toMatch(/unsafe/);
  });

  it("the explorer allows its own scripts and exactly its inline script, nothing from elsewhere", async () => {
    const res = await get("/graphql", { headers: { accept: "text/html" } });
    const csp = res.headers.get("content-security-policy")!;
    const inline = /<script>([\s\S]*?)<\/script>/.exec(await res.text())![1]!;
    expect(csp).toContain(`script-src 'self' 'sha256-${createHash("sha256").update(inline).digest("base64")}'`);
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|https?:|\*)/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(inlineScriptHashes(explorerHtml())).toHaveLength(1);
  });

  it("portal pages get their inline scripts' hashes; JSON data blocks and src scripts add nothing", async () => {
    const csp = (await get("/")).headers.get("content-security-policy")!;
    expect(csp).toContain(`'sha256-${createHash("sha256").update(INLINE).digest("base64")}'`);
    expect(inlineScriptHashes(`<script src="/x.js"></script><script type="application/json" id="d">{"a":1}</script>`)).toHaveLength(1);
  });
});

describe("framing", () => {
  it("widgets under /embed/ and oEmbed may be framed by any site", async () => {
    for (const p of ["/embed/unit/01990/card/", "/oembed/01990.json", "/oembed?url=x"]) {
      const res = await get(p);
      expect(res.headers.get("x-frame-options"), p).toBeNull();
      expect(res.headers.get("content-security-policy"), p).toMatch(/frame-ancestors \*/);
    }
  });

  it("everything else, including encoded dot segments that leave /embed/, may not", async () => {
    for (const p of ["/", "/graphql", "/embed/%2e%2e/index.html", "/embedded"]) {
      const res = await get(p, { headers: { accept: "text/html" } });
      expect(res.headers.get("x-frame-options"), p).toBe("DENY");
      expect(res.headers.get("content-security-policy"), p).toMatch(/frame-ancestors 'none'/);
    }
  });
});
