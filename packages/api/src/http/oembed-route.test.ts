/** `/oembed`: a pasted profile or widget link becomes an embed; unknown units and other formats are refused. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleOEmbed } from "../../../portal/src/server/oembed.ts";
import { startTestApp, type TestApp } from "../test/test-app.js";

let app: TestApp;
let staticDir: string;
const origin = "https://minhbach.example";

beforeAll(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-static-"));
  fs.writeFileSync(path.join(staticDir, "index.html"), "<!doctype html><title>home</title>");
  app = await startTestApp({ staticDir, oembed: { origin, handle: handleOEmbed } });
});
// The server reads from the folder: close it first, then remove the folder even if closing fails.
afterAll(async () => {
  try {
    await app.close();
  } finally {
    fs.rmSync(staticDir, { recursive: true, force: true });
  }
});

async function get(p: string): Promise<{ status: number; body: string }> {
  const res = await fetch(app.url + p);
  return { status: res.status, body: await res.text() };
}

describe("oEmbed discovery endpoint", () => {
  it("turns a profile link into an embeddable card", async () => {
    const res = await get(`/oembed?url=${encodeURIComponent(`${origin}/unit/01990/`)}&format=json`);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { type: string; title: string; html: string };
    expect(body.type).toBe("rich");
    expect(body.title).toContain("Lục Bình");
    expect(body.html).toContain(`${origin}/embed/unit/01990/card/`);
  });

  it("answers 404 for an unknown unit and 501 for XML", async () => {
    expect((await get(`/oembed?url=${encodeURIComponent(`${origin}/unit/99999/`)}`)).status).toBe(404);
    expect((await get(`/oembed?url=${encodeURIComponent(`${origin}/unit/01990/`)}&format=xml`)).status).toBe(501);
  });

  it("answers 404 (not the home page) for a wrong widget path", async () => {
    const res = await get("/embed/unit/99999/card/");
    expect(res.status).toBe(404);
    expect(res.body).not.toContain("<title>home</title>");
  });
});
