/** Limits: depth, aliases and cost with their error codes; body size; timeout; no stack traces outside development. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.js";

let app: TestApp;
beforeAll(async () => { app = await startTestApp({ limits: { maxDepth: 8, maxAliases: 5, maxCost: 5_000 }, maxBodyBytes: 10_000 }); });
afterAll(async () => { await app.close(); });

describe("query limits", () => {
  it("rejects a query deeper than the limit with QUERY_TOO_DEEP", async () => {
    const deep = `{ unit(code: "01990-01") { parent { parent { parent { parent { parent { parent { parent { parent { code } } } } } } } } } }`;
    const { status, body } = await app.gql(deep);
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions!.code).toBe("QUERY_TOO_DEEP");
    expect(body.data).toBeUndefined();
    expect((await app.gql(`{ unit(code: "01990-01") { parent { parent { code } } } }`)).body.errors).toBeUndefined();
  });

  it("counts depth through fragments", async () => {
    const q = `fragment P on Unit { parent { parent { parent { parent { code } } } } } { unit(code: "01990-01") { parent { parent { parent { ...P } } } } }`;
    expect((await app.gql(q)).body.errors![0]!.extensions!.code).toBe("QUERY_TOO_DEEP");
  });

  it("rejects too many aliases with TOO_MANY_ALIASES", async () => {
    const q = `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: unit(code: "01990") { name }`).join(" ")} }`;
    const { status, body } = await app.gql(q);
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions!.code).toBe("TOO_MANY_ALIASES");
  });

  it("computes cost from `first` (with variables) and rejects expensive queries with QUERY_TOO_COMPLEX", async () => {
    const q = `query($n: Int) { units(first: $n) { nodes { children(first: 100) { nodes { poverty { poorRate { value } } } } } } }`;
    const big = await app.gql(q, { n: 100 });
    expect(big.status).toBe(400);
    expect(big.body.errors![0]!.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", maxCost: 5_000 });
    expect(big.body.errors![0]!.extensions!.cost as number).toBeGreaterThan(100_000);
    const small = await app.gql(q, { n: 1 });
    expect(small.body.errors).toBeUndefined();
  });

  it("lets GraphiQL's introspection through", async () => {
    const { getIntrospectionQuery } = await import("graphql");
    const { status, body } = await app.gql(getIntrospectionQuery());
    expect(status).toBe(200);
    expect(body.data!.__schema.queryType.name).toBe("Query");
  });

  it("refuses bodies over the size limit with 413 PAYLOAD_TOO_LARGE", async () => {
    const padding = " ".repeat(12_000);
    const res = await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ releases { id } }${padding}` }) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("hides stack traces outside development", async () => {
    const { body } = await app.gql(`{ units(first: -1) { totalCount } }`);
    expect(body.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|\.ts:\d+/);
  });
});

describe("timeout", () => {
  it("answers TIMEOUT (503) when a request runs past its deadline", async () => {
    const slow = await startTestApp({ timeoutMs: 0 });
    try {
      const { status, body } = await slow.gql(`{ units(level: COMMUNE) { nodes { poverty { poorRate { value } } } } }`);
      expect(status).toBe(503);
      expect(body.errors![0]!.extensions!.code).toBe("TIMEOUT");
    } finally {
      await slow.close();
    }
  });
});
