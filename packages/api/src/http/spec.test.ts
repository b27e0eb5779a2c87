/** GraphQL-over-HTTP compliance (graphql-http's audit suite), CORS, GET/POST and status codes. */
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.js";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

describe("GraphQL over HTTP", () => {
  it("passes every MUST audit of the GraphQL-over-HTTP spec", async () => {
    const audits = serverAudits({ url: () => `${app.url}/graphql`, fetchFn: fetch });
    const failed: string[] = [];
    let musts = 0;
    for (const audit of audits) {
      const result = await audit.fn();
      if (audit.name.startsWith("MUST")) {
        musts += 1;
        if (result.status !== "ok") failed.push(`${audit.name}: ${result.reason}`);
      }
    }
    expect(musts).toBeGreaterThan(10);
    expect(failed).toEqual([]);
  });

  it("answers GET with the query in the URL and POST with JSON, in application/graphql-response+json", async () => {
    const get = await app.gqlGet(`query($c: ID!) { unit(code: $c) { name } }`, { c: "01990" });
    expect(get.status).toBe(200);
    expect(get.headers.get("content-type")).toMatch(/^application\/graphql-response\+json/);
    expect(get.body.data!.unit.name).toBe("Lục Bình");
    const post = await app.gql(`{ unit(code: "01990") { name } }`);
    expect(post.headers.get("content-type")).toMatch(/^application\/graphql-response\+json/);
    const json = await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify({ query: "{ releases { id } }" }) });
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("uses 400 for unparsable or invalid queries, 405 for other methods", async () => {
    const parse = await app.gql(`{ unit(code: "01990") { name `);
    expect(parse.status).toBe(400);
    expect(parse.body.errors![0]!.extensions!.code).toBe("GRAPHQL_PARSE_FAILED");
    const invalid = await app.gql(`{ unit(code: "01990") { nonsense } }`);
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors![0]!.extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const badJson = await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(badJson.status).toBe(400);
    const put = await fetch(`${app.url}/graphql`, { method: "PUT" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
  });

  it("is open to any origin without credentials (CORS)", async () => {
    const pre = await fetch(`${app.url}/graphql`, { method: "OPTIONS", headers: { origin: "https://news.example", "access-control-request-method": "POST",
      "access-control-request-headers": "content-type" } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-credentials")).toBeNull();
    expect(pre.headers.get("access-control-allow-headers")).toMatch(/content-type/);
    const get = await app.gqlGet(`{ releases { id } }`, undefined, { origin: "https://news.example" });
    expect(get.headers.get("access-control-allow-origin")).toBe("*");
    expect(get.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("serves /healthz and /readyz", async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", release: "2026.2" });
  });
});
