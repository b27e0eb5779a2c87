/** The shared row cache: immutable release rows are read from the store once, whatever the response cache does. */
import { afterEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.js";
import { RowCache } from "./row-cache.js";

let app: TestApp | undefined;
afterEach(async () => { await app?.close(); app = undefined; });

const PROFILE = `{ unit(code: "01990") { name ancestors { name } poverty { year poorRate { value } sources { id } } projects { nodes { name } } credit { year } } }`;

async function statements(a: TestApp): Promise<number> {
  const before = a.store.statements.total;
  const { body } = await a.gql(PROFILE);
  expect(body.errors).toBeUndefined();
  return a.store.statements.total - before;
}

describe("row cache", () => {
  it("answers a query again from cached rows when the response cache is off", async () => {
    app = await startTestApp({ responseCacheEntries: 0 });
    expect(await statements(app)).toBeGreaterThan(3);
    expect(await statements(app)).toBe(0);
  });

  it("reads the store every time when turned off", async () => {
    app = await startTestApp({ responseCacheEntries: 0, rowCacheRows: 0 });
    const first = await statements(app);
    expect(first).toBeGreaterThan(3);
    expect(await statements(app)).toBe(first);
  });

  it("evicts the least recently used keys beyond its row budget", () => {
    const cache = new RowCache(5);
    cache.set("a", [1, 2]);
    cache.set("b", [3, 4]);
    cache.get("a");
    cache.set("c", [5, 6]);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toEqual([1, 2]);
    expect(cache.get("c")).toEqual([5, 6]);
    cache.set("huge", [1, 2, 3, 4, 5, 6]);
    expect(cache.get("huge")).toBeUndefined();
  });
});
