/**
 * Hostile requests get clear 4xx answers in bounded time, and the server keeps answering. Each case also checks the
 * time it took: a limit that holds but takes seconds of CPU would still let a few clients stall the server.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.js";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

async function post(body: string | Buffer, contentType = "application/json") {
  const started = performance.now();
  const res = await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": contentType, accept: "application/graphql-response+json" }, body: new Uint8Array(Buffer.from(body)) });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] }, ms: performance.now() - started };
}
const query = (q: string, variables?: unknown) => post(JSON.stringify({ query: q, variables }));
const code = (r: Awaited<ReturnType<typeof post>>) => r.json().errors?.[0]?.extensions?.code;

describe("nesting", () => {
  it("deep field nesting → QUERY_TOO_DEEP", async () => {
    const r = await query(`{ unit(code: "01990") { ${"parent { ".repeat(40)}code${" }".repeat(40)} } }`);
    expect([r.status, code(r)]).toEqual([400, "QUERY_TOO_DEEP"]);
  });

  it("12,000 levels of braces (a parser stack bomb) → GRAPHQL_PARSE_FAILED from the token limit", async () => {
    const r = await query(`{ ${"a { ".repeat(12_000)}b${" }".repeat(12_000)} }`);
    expect([r.status, code(r)]).toEqual([400, "GRAPHQL_PARSE_FAILED"]);
    expect(r.text).toMatch(/tokens/);
    expect(r.ms).toBeLessThan(2_000);
  });

  it("deeply nested JSON variables, by POST or GET → 400 BAD_USER_INPUT", async () => {
    const nested = `${"[".repeat(40_000)}${"]".repeat(40_000)}`;
    const r = await post(`{"query":"query($t: String!) { search(text: $t) { code } }","variables":{"t":${nested}}}`);
    expect([r.status, code(r)]).toEqual([400, "BAD_USER_INPUT"]);
    expect(r.json().errors![0]!.message).toMatch(/nested deeper than 64/);
    const params = new URLSearchParams({ query: "query($t: String!) { search(text: $t) { code } }", variables: `{"t":${"[".repeat(100)}"x"${"]".repeat(100)}}` });
    expect((await fetch(`${app.url}/graphql?${params}`)).status).toBe(400);
    const quoted = await query(`query($t: String!) { search(text: $t) { code } }`, { t: "[[[[{{{{".repeat(100) });
    expect(code(quoted)).toBe("BAD_USER_INPUT"); // brackets inside a string do not count; this one is just too long
    expect(quoted.json().errors![0]!.message).toMatch(/limit is 200/);
  });
});

describe("bombs", () => {
  it("alias bomb → TOO_MANY_ALIASES", async () => {
    const r = await query(`{ ${Array.from({ length: 2_000 }, (_, i) => `a${i}: releases { id }`).join(" ")} }`);
    expect(r.status).toBe(400);
    expect(["TOO_MANY_ALIASES", "GRAPHQL_PARSE_FAILED"]).toContain(code(r));
    const small = await query(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: release { id }`).join(" ")} }`);
    expect([small.status, code(small)]).toEqual([400, "TOO_MANY_ALIASES"]);
  });

  it("fragment bomb (each of 40 fragments spreads the next twice: 2^40 paths) → rejected in milliseconds", async () => {
    const frags = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Unit { ${i === 39 ? "a: code" : `parent { ...F${i + 1} } children { nodes { ...F${i + 1} } }`} }`).join("\n");
    const r = await query(`{ unit(code: "01990") { ...F0 } } ${frags}`);
    expect(r.status).toBe(400);
    expect(["QUERY_TOO_DEEP", "TOO_MANY_ALIASES"]).toContain(code(r));
    expect(r.ms).toBeLessThan(1_000);
    const flat = Array.from({ length: 40 }, (_, i) => `fragment G${i} on Release { ${i === 39 ? "x: id" : `...G${i + 1} ...G${i + 1}`} }`).join("\n");
    const r2 = await query(`{ release { ...G0 } } ${flat}`);
    expect([r2.status, code(r2)]).toEqual([400, "TOO_MANY_ALIASES"]);
    expect(r2.json().errors![0]!.message).toMatch(/more than a billion/);
    expect(r2.ms).toBeLessThan(1_000);
  });

  it("fragment cycles → GRAPHQL_VALIDATION_FAILED, no stack overflow", async () => {
    const r = await query(`{ unit(code: "01990") { ...A } } fragment A on Unit { parent { ...B } } fragment B on Unit { children { nodes { ...A } } }`);
    expect([r.status, code(r)]).toEqual([400, "GRAPHQL_VALIDATION_FAILED"]);
    expect(r.json().errors![0]!.message).toMatch(/Cannot spread fragment "A" within itself/);
  });

  it("20,000 copies of one field (quadratic validation) → stopped by the token limit", async () => {
    const r = await query(`{ releases { ${"id ".repeat(20_000)}} }`);
    expect([r.status, code(r)]).toEqual([400, "GRAPHQL_PARSE_FAILED"]);
    expect(r.ms).toBeLessThan(1_000);
  });
});

describe("arguments", () => {
  it("huge `first` → QUERY_TOO_COMPLEX; beyond Int → GRAPHQL_VALIDATION_FAILED; just above 100 → BAD_USER_INPUT", async () => {
    const huge = await query(`{ units(first: 1000000) { nodes { code } } }`);
    expect([huge.status, code(huge)]).toEqual([400, "QUERY_TOO_COMPLEX"]);
    const overflow = await query(`{ units(first: 99999999999999999999) { nodes { code } } }`);
    expect([overflow.status, code(overflow)]).toEqual([400, "GRAPHQL_VALIDATION_FAILED"]);
    const viaVariable = await query(`query($n: Int) { units(first: $n) { nodes { code } } }`, { n: 1e15 });
    expect(viaVariable.status).toBe(400);
    expect(code(await query(`{ units(first: 101) { nodes { code } } }`))).toBe("BAD_USER_INPUT");
  });

  it("very long strings: a 90 kB search text → BAD_USER_INPUT; a 90 kB code is simply not found", async () => {
    const long = "a".repeat(90_000);
    const search = await query(`query($t: String!) { search(text: $t) { code } }`, { t: long });
    expect(code(search)).toBe("BAD_USER_INPUT");
    expect(search.json().errors![0]!.message).toMatch(/limit is 200/);
    const unit = await query(`query($c: ID!) { unit(code: $c) { code } }`, { c: long });
    expect(unit.json()).toEqual({ data: { unit: null } });
  });
});

describe("bodies", () => {
  it("invalid JSON → 400 BAD_USER_INPUT", async () => {
    for (const body of ["{", '{"query": }', "nul", "\u0000\u0001"]) {
      const r = await post(body);
      expect([r.status, code(r)], body).toEqual([400, "BAD_USER_INPUT"]);
    }
  });

  it("invalid UTF-8 → 400 saying so", async () => {
    const r = await post(Buffer.concat([Buffer.from('{"query":"{ search(text: \\"'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('\\") { code } }"}')]));
    expect([r.status, code(r)]).toEqual([400, "BAD_USER_INPUT"]);
    expect(r.text).toMatch(/not valid UTF-8/);
  });

  it("batched arrays and wrong shapes → 400", async () => {
    for (const body of [JSON.stringify([{ query: "{ release { id } }" }, { query: "{ release { id } }" }]), "[]", '"just a string"', "42", '{"query": 42}', '{"query":"{ release { id } }","variables":"x"}']) {
      const r = await post(body);
      expect(r.status, body).toBe(400);
      expect(r.json().errors![0]!.message.length, body).toBeGreaterThan(5);
    }
  });

  it("oversized bodies → 413, whether declared or streamed without a length", async () => {
    expect((await post("x".repeat(150_000))).status).toBe(413);
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } }, (res) => { res.resume(); resolve(res.statusCode!); });
      req.on("error", reject);
      for (let i = 0; i < 30; i++) req.write("x".repeat(10_000));
      req.end();
    });
    expect(streamed).toBe(413);
  });

  it("an over-long URL → 431 from the HTTP parser, and the server is fine", async () => {
    const res = await fetch(`${app.url}/graphql?query=${"a".repeat(20_000)}`);
    expect(res.status).toBe(431);
  });
});

describe("introspection abuse", () => {
  it("nested introspection lists → INTROSPECTION_TOO_DEEP; GraphiQL's own query still works", async () => {
    const r = await query(`{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`);
    expect([r.status, code(r)]).toEqual([400, "INTROSPECTION_TOO_DEEP"]);
    const viaFragment = await query(`{ __type(name: "Unit") { ...T } } fragment T on __Type { fields { type { fields { type { fields { type { fields { name } } } } } } } }`);
    expect(code(viaFragment)).toBe("INTROSPECTION_TOO_DEEP");
    const { getIntrospectionQuery } = await import("graphql");
    const full = await query(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true }));
    expect(full.status).toBe(200);
  });

  it("aliased introspection → TOO_MANY_ALIASES (introspection is not exempt from the alias limit)", async () => {
    const r = await query(`{ ${Array.from({ length: 50 }, (_, i) => `s${i}: __schema { types { name } }`).join(" ")} }`);
    expect([r.status, code(r)]).toEqual([400, "TOO_MANY_ALIASES"]);
    const typenames = await query(`{ ${Array.from({ length: 50 }, (_, i) => `t${i}: __typename`).join(" ")} }`);
    expect(code(typenames)).toBe("TOO_MANY_ALIASES");
  });
});

describe("afterwards", () => {
  it("still answers a normal query correctly", async () => {
    const r = await query(`{ unit(code: "01990") { name poverty(year: 2023) { poorRate { value } } } }`);
    expect(r.json()).toEqual({ data: { unit: { name: "Lục Bình", poverty: [{ poorRate: { value: 8.9 } }] } } });
  });
});
