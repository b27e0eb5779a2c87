/** HTTP caching: strong release-bound ETags with 304, automatic persisted queries, and a response cache that skips the database. */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPublicStore } from "@minhbach/db/public.ts";
import { writeRelease } from "@minhbach/db/release-writer.ts";
import { fixtureRelease } from "../test/fixture-release.js";
import { startTestApp, type TestApp } from "../test/test-app.js";

let app: TestApp;
beforeAll(async () => { app = await startTestApp({ freshStore: true, releaseRefreshMs: 3_600_000, rowCacheRows: 0 }); });
afterAll(async () => { await app.close(); });

const PROFILE = `query($c: ID!) { unit(code: $c) { name parent { name } poverty { year poorRate { value status } } projects { nodes { name budgetVnd } } } }`;

describe("HTTP caching", () => {
  it("gives GET responses Cache-Control and a strong ETag, and answers If-None-Match with 304", async () => {
    const first = await app.gqlGet(PROFILE, { c: "01990" });
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"2026\.2-[A-Za-z0-9_-]+"$/);
    expect(first.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    expect(first.headers.get("vary")).toMatch(/accept-language/);
    const again = await app.gqlGet(PROFILE, { c: "01990" }, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    const other = await app.gqlGet(PROFILE, { c: "01975" }, { "if-none-match": etag });
    expect(other.status).toBe(200);
    expect(other.headers.get("etag")).not.toBe(etag);
  });

  it("does not cache errors", async () => {
    const res = await app.gqlGet(`{ unit(code: "01990", release: "nope") { name } }`);
    expect(res.headers.get("etag")).toBeNull();
    expect(res.headers.get("cache-control")).not.toMatch(/public/);
  });

  it("answers a repeated query from the response cache without touching the database", async () => {
    const query = `{ unit(code: "01993") { name poverty { year poor { value } } } }`;
    const counted = async (run: () => Promise<{ headers: Headers; body: unknown }>) => {
      const before = app.store.statements.total;
      const res = await run();
      return { ...res, statements: app.store.statements.total - before };
    };
    const post1 = await counted(() => app.gql(query));
    const post2 = await counted(() => app.gql(query));
    expect(post1.headers.get("x-response-cache")).toBe("MISS");
    expect(post1.statements).toBeGreaterThan(0);
    expect(post2.headers.get("x-response-cache")).toBe("HIT");
    expect(post2.statements).toBe(0);
    expect(post2.body).toEqual(post1.body);
    const get1 = await counted(() => app.gqlGet(query));
    const get2 = await counted(() => app.gqlGet(query));
    expect(get1.statements).toBeGreaterThan(0);
    expect(get2.statements).toBe(0);
    expect(get2.headers.get("x-response-cache")).toBe("HIT");
    expect(get2.body).toEqual(post1.body);
  });

  it("supports automatic persisted queries over POST and GET", async () => {
    const query = `{ unit(code: "01975") { name } }`;
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const miss = await fetch(`${app.url}/graphql?extensions=${encodeURIComponent(JSON.stringify(extensions))}`, { headers: { accept: "application/json" } });
    expect(((await miss.json()) as any).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const register = await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, extensions }) });
    expect(((await register.json()) as any).data.unit.name).toBe("Vi Hương");
    const hit = await fetch(`${app.url}/graphql?extensions=${encodeURIComponent(JSON.stringify(extensions))}`, { headers: { accept: "application/json" } });
    expect(hit.status).toBe(200);
    expect(((await hit.json()) as any).data.unit.name).toBe("Vi Hương");
    expect(hit.headers.get("etag")).toBeTruthy();
  });

  it("serves gzip or brotli when asked", async () => {
    const res = await fetch(`${app.url}/graphql?query=${encodeURIComponent(`{ indicators { code label dimension } }`)}`, { headers: { "accept-encoding": "br" } });
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(((await res.json()) as any).data.indicators).toHaveLength(12);
  });

  it("changes every ETag and cache key when a new release is published", async () => {
    const before = await app.gqlGet(PROFILE, { c: "01990" });
    const db = openPublicStore(app.publicUrl);
    await writeRelease(db, fixtureRelease("2026.9"));
    await db.$disconnect();
    await app.releases.refresh();
    const after = await app.gqlGet(PROFILE, { c: "01990" }, { "if-none-match": before.headers.get("etag")! });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).toMatch(/^"2026\.9-/);
    expect(after.headers.get("x-response-cache")).toBe("MISS");
  });
});
