/**
 * HTTP as clients and caches expect it (RFC 9110), over real connections to the test app: HEAD for every GET resource,
 * weak If-None-Match comparison, one ETag per content coding, Last-Modified from the release with If-Modified-Since,
 * CORS on public files and exports, and a preflight that lets Apollo Client through.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleOEmbed } from "../../../portal/src/server/oembed.ts";
import { startTestApp, type TestApp } from "../test/test-app.js";

let app: TestApp;
let dir: string;
/** The fixture's latest release (2026.2) was created then. */
const RELEASE_DATE = "Sun, 01 Mar 2026 00:00:00 GMT";
const QUERY = "/graphql?query=" + encodeURIComponent(`{ unit(code: "01990") { name poverty { year poorRate { value status } } } }`);
/** An answer above 1 kB, which is compressed (smaller ones are sent as they are, in one coding). */
const BIG_QUERY = "/graphql?query=" + encodeURIComponent(`{ ${Array.from({ length: 8 }, (_, i) => `u${i}: unit(code: "01990") { name poverty { year poorRate { value status } } }`).join(" ")} }`);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-http-"));
  fs.mkdirSync(path.join(dir, "data"));
  fs.mkdirSync(path.join(dir, "oembed"));
  fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Minh Bạch</title>");
  fs.writeFileSync(path.join(dir, "data", "units.json"), JSON.stringify({ units: Array.from({ length: 200 }, (_, i) => ({ code: `0${i}` })) }));
  fs.writeFileSync(path.join(dir, "oembed", "01990.json"), JSON.stringify({ type: "rich", version: "1.0" }));
  app = await startTestApp({ staticDir: dir, oembed: { origin: "https://minhbach.example", handle: handleOEmbed } });
});
afterAll(async () => {
  try {
    await app.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

interface Answer { status: number; headers: http.IncomingHttpHeaders; bytes: number }

/** A raw request: no automatic decompression or headers, so codings and bodies are seen as sent. */
function request(method: string, target: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(app.url + target, { method, headers }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, bytes }));
    });
    req.on("error", reject);
    req.end();
  });
}

const GET_RESOURCES = ["/", "/data/units.json", "/oembed/01990.json", "/export/units.csv?level=COMMUNE&year=2023", QUERY, "/healthz",
  "/oembed?url=" + encodeURIComponent("https://minhbach.example/unit/01990/")];
/** Headers that must be the same for HEAD as for GET (date and connection aside). */
const SAME = ["content-type", "content-length", "etag", "last-modified", "cache-control", "vary", "access-control-allow-origin", "content-encoding"];

describe("HEAD", () => {
  it.each(GET_RESOURCES)("answers %s with the GET's headers and no body", async (target) => {
    for (const encoding of ["identity", "br"]) {
      const get = await request("GET", target, { "accept-encoding": encoding });
      const head = await request("HEAD", target, { "accept-encoding": encoding });
      expect(get.status).toBe(200);
      expect(head.status).toBe(200);
      expect(head.bytes).toBe(0);
      for (const name of SAME) expect([name, head.headers[name]]).toEqual([name, get.headers[name]]);
    }
  });

  it("answers a conditional HEAD with 304 like a GET", async () => {
    const { headers } = await request("GET", "/export/units.csv?level=COMMUNE&year=2023");
    expect((await request("HEAD", "/export/units.csv?level=COMMUNE&year=2023", { "if-none-match": headers.etag! })).status).toBe(304);
  });
});

describe("If-None-Match", () => {
  it.each(["/data/units.json", "/export/units.csv?level=COMMUNE&year=2023", QUERY])("compares weakly on %s: W/ or not, in lists, and *", async (target) => {
    const etag = (await request("GET", target)).headers.etag!;
    expect(etag).toMatch(/^"[^"]+"$/);
    const weak = `W/${etag}`;
    for (const header of [etag, weak, `"other", ${weak}`, `${etag} , "other"`, "*"]) {
      expect([header, (await request("GET", target, { "if-none-match": header })).status]).toEqual([header, 304]);
    }
    for (const header of ['"other"', 'W/"other"', etag.replace(/"$/, 'x"')]) {
      expect([header, (await request("GET", target, { "if-none-match": header })).status]).toEqual([header, 200]);
    }
  });

  it("never answers a POST with 304", async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: "POST", headers: { "content-type": "application/json", "if-none-match": "*" }, body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(res.status).toBe(200);
  });
});

describe("one ETag per content coding", () => {
  it.each(["/data/units.json", "/export/units.csv?level=COMMUNE&year=2023", BIG_QUERY])("on %s: -br and -gz inside the quotes, Vary: Accept-Encoding", async (target) => {
    const identity = await request("GET", target, { "accept-encoding": "identity" });
    const br = await request("GET", target, { "accept-encoding": "br, gzip" });
    const gz = await request("GET", target, { "accept-encoding": "gzip" });
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect([br.headers["content-encoding"], gz.headers["content-encoding"]]).toEqual(["br", "gzip"]);
    const base = identity.headers.etag!.slice(0, -1);
    expect(br.headers.etag).toBe(`${base}-br"`);
    expect(gz.headers.etag).toBe(`${base}-gz"`);
    for (const r of [identity, br, gz]) expect(r.headers.vary?.toLowerCase()).toContain("accept-encoding");
    // a copy in one coding is not current for a client asking for another
    expect((await request("GET", target, { "accept-encoding": "gzip", "if-none-match": br.headers.etag! })).status).toBe(200);
    const notModified = await request("GET", target, { "accept-encoding": "br", "if-none-match": br.headers.etag! });
    expect([notModified.status, notModified.headers.etag]).toEqual([304, br.headers.etag]);
  });
});

describe("Last-Modified", () => {
  it.each(["/export/units.csv?level=COMMUNE&year=2023", QUERY])("on %s is the served release's creation, and If-Modified-Since is honoured", async (target) => {
    const first = await request("GET", target);
    expect(first.headers["last-modified"]).toBe(RELEASE_DATE);
    expect((await request("GET", target, { "if-modified-since": RELEASE_DATE })).status).toBe(304);
    expect((await request("GET", target, { "if-modified-since": "Sat, 01 Mar 2031 00:00:00 GMT" })).status).toBe(304);
    expect((await request("GET", target, { "if-modified-since": "Sat, 28 Feb 2026 23:59:59 GMT" })).status).toBe(200);
    expect((await request("GET", target, { "if-modified-since": "not a date" })).status).toBe(200);
    // If-None-Match, when present, decides alone
    expect((await request("GET", target, { "if-modified-since": RELEASE_DATE, "if-none-match": '"other"' })).status).toBe(200);
  });

  it("is the file's modification time on static files", async () => {
    const res = await request("GET", "/data/units.json");
    expect(res.headers["last-modified"]).toBe(fs.statSync(path.join(dir, "data", "units.json")).mtime.toUTCString());
    expect((await request("GET", "/data/units.json", { "if-modified-since": res.headers["last-modified"]! })).status).toBe(304);
  });
});

describe("CORS", () => {
  it.each(["/", "/data/units.json", "/oembed/01990.json", "/export/units.csv?level=COMMUNE&year=2023", QUERY])("lets any origin read %s", async (target) => {
    const res = await request("GET", target, { origin: "https://news.example" });
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers["access-control-expose-headers"]).toMatch(/etag/);
  });

  it("lets Apollo Client's headers through the /graphql preflight", async () => {
    const res = await request("OPTIONS", "/graphql", {
      origin: "https://news.example", "access-control-request-method": "POST",
      "access-control-request-headers": "content-type,apollographql-client-name,apollographql-client-version,x-apollo-operation-name,apollo-require-preflight",
    });
    expect(res.status).toBe(204);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    const allowed = res.headers["access-control-allow-headers"]!.split(",").map((h) => h.trim());
    expect(allowed).toEqual(expect.arrayContaining(["content-type", "apollographql-client-name", "apollographql-client-version", "x-apollo-operation-name", "apollo-require-preflight"]));
  });

  it("answers a preflight for a file or an export (e.g. a conditional fetch) with the read-only methods", async () => {
    for (const target of ["/data/units.json", "/export/units.csv"]) {
      const res = await request("OPTIONS", target, { origin: "https://news.example", "access-control-request-method": "GET", "access-control-request-headers": "if-none-match" });
      expect([target, res.status, res.headers["access-control-allow-methods"]]).toEqual([target, 204, "GET, HEAD, OPTIONS"]);
      expect(res.headers["access-control-allow-headers"]).toMatch(/if-none-match/);
    }
  });
});
