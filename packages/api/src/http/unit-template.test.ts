/** Profiles of units with no figures yet: the portal's one template filled per unit, escaped, 404 for unknown codes,
 *  and cached exactly like a static file (ETag/304 per content coding, Last-Modified, CSP). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.js";
import { fillTemplate, type ProfileFill } from "./unit-template.js";

const TEMPLATE = `<!doctype html><html lang="vi"><head><title>__MB_TITLE__ · Minh Bạch</title><link rel="canonical" href="http://x/unit-template/"></head>
<body><nav>__MB_CRUMBS__</nav><h1>__MB_TITLE__</h1>__MB_BODY__<script>console.log(1)</script></body></html>`;
const fill = (name: string): ProfileFill => ({
  title: `Xã ${name}`, crumbs: [{ href: "/unit/01/", text: "Tỉnh A" }, name],
  blocks: [{ h2: "Chưa có số liệu", id: "no-data-h" }, { p: ["Không phải số 0."] }, { ul: [["Thuộc ", { href: "javascript:alert(1)", text: "B" }]] }],
});

let app: TestApp;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-template-"));
  for (const sub of ["unit-template", "en/unit-template", "data/profile"]) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  fs.writeFileSync(path.join(dir, "unit-template", "index.html"), TEMPLATE);
  fs.writeFileSync(path.join(dir, "en", "unit-template", "index.html"), TEMPLATE.replace('lang="vi"', 'lang="en"'));
  fs.writeFileSync(path.join(dir, "data", "profile", "00001.json"), JSON.stringify({ vi: fill("Phúc <b>Xá</b> & \"co\""), en: fill("Phuc Xa") }));
  app = await startTestApp({ staticDir: dir });
});
afterAll(async () => {
  try {
    await app.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe("unit profile template", () => {
  it("fills the template with the unit's escaped words and its own path", async () => {
    const res = await fetch(`${app.url}/unit/00001/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(res.headers.get("content-security-policy")).toMatch(/script-src[^;]*'sha256-/);
    const html = await res.text();
    expect(html).toContain("<h1>Xã Phúc &#60;b&#62;Xá&#60;/b&#62; &#38; &#34;co&#34;</h1>");
    expect(html).not.toContain("<b>Xá</b>");
    expect(html).toContain('<link rel="canonical" href="http://x/unit/00001/">');
    expect(html).toContain('<a href="/unit/01/">Tỉnh A</a> › Phúc');
    expect(html).toContain('<h2 id="no-data-h">Chưa có số liệu</h2>');
    expect(html).toContain('<a href="#">B</a>'); // a link may never leave the site or run script
    expect(html).not.toMatch(/__MB_/);
    const en = await (await fetch(`${app.url}/en/unit/00001/`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("<h1>Xã Phuc Xa</h1>");
  });

  it("says 404 for a code without a fill, a path outside the route, or a template-less site", async () => {
    for (const p of ["/unit/99999/", "/unit/00001", "/unit/..%2F00001/", "/unit/%3Cx%3E/", "/en/unit/99999/"]) {
      expect((await fetch(`${app.url}${p}`)).status, p).toBe(404);
    }
  });

  it("revalidates like a static file: one ETag per coding, 304 on If-None-Match, HEAD without a body", async () => {
    const gz = await fetch(`${app.url}/unit/00001/`, { headers: { "accept-encoding": "gzip" } });
    const etag = gz.headers.get("etag")!;
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(await gz.text()).toContain("Phúc"); // fetch undoes the coding
    const plain = await fetch(`${app.url}/unit/00001/`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("etag")).not.toBe(etag);
    const again = await fetch(`${app.url}/unit/00001/`, { headers: { "accept-encoding": "gzip", "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("last-modified")).toBe(gz.headers.get("last-modified"));
    const head = await fetch(`${app.url}/unit/00001/`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("changes the ETag when the unit's fill changes", async () => {
    const before = (await fetch(`${app.url}/unit/00001/`)).headers.get("etag");
    const file = path.join(dir, "data", "profile", "00001.json");
    fs.writeFileSync(file, JSON.stringify({ vi: fill("Phúc Xá mới"), en: fill("New") }));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const after = await fetch(`${app.url}/unit/00001/`);
    expect(after.headers.get("etag")).not.toBe(before);
    expect(await after.text()).toContain("Phúc Xá mới");
  });

  it("fills every marker, every occurrence of the title", () => {
    const html = fillTemplate(TEMPLATE, fill("A"), "X1");
    expect(html.match(/Xã A/g)).toHaveLength(2);
    expect(html).not.toMatch(/__MB_|unit-template/);
  });
});
