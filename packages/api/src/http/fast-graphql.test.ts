/**
 * The /graphql fast path answers exactly as Apollo does: same status, headers and bytes, for the benchmark's commune
 * profile (interpreted on first use, compiled after) and for every kind of error, which it leaves to Apollo.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROFILE } from "../../bench/api-query.js";
import { directResolvers } from "../schema/build-schema.js";
import { startTestApp, type TestApp } from "../test/test-app.js";
import { EXAMPLE_QUERIES } from "./examples.js";

let fast: TestApp;
let apollo: TestApp;
beforeAll(async () => {
  fast = await startTestApp({ responseCacheEntries: 0 });
  apollo = await startTestApp({ responseCacheEntries: 0, fastPath: false });
});
afterAll(async () => { await Promise.all([fast.close(), apollo.close()]); });

interface Req { method?: "GET" | "POST"; params?: Record<string, string>; body?: unknown; headers?: Record<string, string>; search?: string }

async function answer(app: TestApp, r: Req): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const method = r.method ?? "GET";
  const search = r.search ?? (r.params ? `?${new URLSearchParams(r.params)}` : "");
  const res = await fetch(`${app.url}/graphql${search}`, {
    method,
    headers: { ...(method === "POST" ? { "content-type": "application/json" } : {}), ...r.headers },
    body: method === "POST" ? (typeof r.body === "string" ? r.body : JSON.stringify(r.body)) : undefined,
  });
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => { if (k !== "date" && k !== "keep-alive" && k !== "connection") headers[k] = v; });
  return { status: res.status, headers, body: await res.text() };
}

async function expectSame(r: Req, viaFast: boolean): Promise<string> {
  const before = fast.fast!.answered;
  const a = await answer(fast, r);
  const b = await answer(apollo, r);
  expect(a).toEqual(b);
  expect(fast.fast!.answered - before, `fast path taken for ${JSON.stringify(r).slice(0, 300)}`).toBe(viaFast ? 1 : 0);
  return a.body;
}

const profileGet = (extra: Record<string, string> = {}, headers: Record<string, string> = {}): Req =>
  ({ params: { query: PROFILE, variables: JSON.stringify({ code: "01990" }), ...extra }, headers: { accept: "application/graphql-response+json", ...headers } });

describe("fast path", () => {
  it("answers the benchmark query byte for byte as Apollo does, interpreted and then compiled", async () => {
    const compiled = fast.fast!.documents.compiledCount;
    for (let use = 0; use < 3; use++) {
      const body = await expectSame(profileGet(), true);
      expect(body).toContain('"name":"Lục Bình"');
      expect(body).toContain('"poorRate":{"value":13.6,"status":"PUBLISHED","note":null}');
    }
    expect(fast.fast!.documents.compiledCount).toBe(compiled + 1); // graphql-jit compiled it on the second use
    expect(apollo.fast).toBeUndefined();
  });

  it("matches Apollo over POST, in English, and for every Accept header it answers", async () => {
    const post: Req = { method: "POST", body: { query: PROFILE, variables: { code: "01990-04" }, operationName: "Profile" } };
    for (let use = 0; use < 2; use++) await expectSame(post, true);
    await expectSame({ ...post, headers: { "accept-language": "en" } }, true);
    await expectSame(profileGet({ lang: "EN" }), true);
    for (const accept of ["application/json", "*/*", "application/graphql-response+json, application/json;q=0.9", "application/json; charset=utf-8"]) {
      await expectSame(profileGet({}, { accept }), true);
    }
    await expectSame({ params: { query: PROFILE, variables: JSON.stringify({ code: "01990" }) } }, true); // no Accept at all
    await expectSame({ params: { query: `{ unit(code: "nope") { name } }` } }, true); // null is data, not an error
  });

  it("matches Apollo on the ten journalist queries and on every kind of value (dates, GeoJSON, null, enums, amounts)", async () => {
    const everything = `{ units(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code gsoCode name level type
      typeLabel(lang: EN) validFrom validTo centroid { lat lng } geometry geometryIllustrative synthetic parent { code } } } }
      projects(first: 100) { nodes { code name programme component budgetVnd disbursedVnd households { value status reason note }
        startDate endDate status statusLabel decisionRef synthetic funding { source sourceLabel budgetVnd disbursedVnd } villages { code } } }
      release { id title createdAt checksum synthetic disclosureK years } releases { id changeNote supersedes { id } }
      indicators { code label dimension } }`;
    const shapes = `query Shapes($skip: Boolean!, $y: Int) { __typename a: unit(code: "01990") { ...U b: poverty(year: $y) @skip(if: $skip) { year }
      c: poverty(year: $y) @include(if: $skip) { year __typename } ... on Unit { name } } } fragment U on Unit { code name ancestors { ...U2 } } fragment U2 on Unit { code }`;
    // Issue #16: a partial year (coverage, NOT_AVAILABLE notes), hidden figures with their one note and deprecated null reason.
    const partial = `{ unit(code: "01969") { poverty { year synthetic coverage { reported expected complete } poor { value status reason note }
      poorRate { value status reason note } deprivations { share { status note } } } children { nodes { poverty { poor { status reason note } } } } } }`;
    const queries = [...EXAMPLE_QUERIES.map((q) => ({ query: q.query, variables: q.variables })), { query: everything, variables: undefined },
      { query: partial, variables: undefined },
      { query: shapes, variables: { skip: false, y: 2023 } }, { query: shapes, variables: { skip: true } }];
    for (const q of queries) {
      for (let use = 0; use < 2; use++) await expectSame({ method: "POST", body: q, headers: { accept: "application/graphql-response+json" } }, true);
    }
  });

  it("leaves every error to Apollo, with the same answer as before", async () => {
    const cases: Req[] = [
      { params: { query: `{ unit(code: "01990") { name ` } }, // parse error
      { params: { query: `{ unit(code: "01990") { nope } }` } }, // validation error
      { params: { query: PROFILE, variables: JSON.stringify({ code: true }) } }, // variable of the wrong type
      { params: { query: PROFILE } }, // missing variable
      { params: { query: PROFILE, variables: "[1]" } },
      { params: { query: `{ unit(code: "01990", release: "0000.9") { name } }` } }, // NOT_FOUND from a resolver
      { params: { query: `{ ok: unit(code: "01990") { name } bad: search(text: "${"x".repeat(201)}") { name } }` } }, // partial data
      { params: { query: `query A { releases { id } } query B { release { id } }` } }, // no operation chosen
      { params: { query: `query A { releases { id } }`, operationName: "C" } },
      { params: { query: `{ units(first: 100) { nodes { children(first: 100) { nodes { children(first: 100) { nodes { code } } } } } } }` } }, // cost
      { params: { query: `{ a: releases { id } }`, extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: "ab".repeat(32) } }) } },
      { params: { query: `{ releases { id } }` }, headers: { accept: "application/xml" } }, // 406
      { params: { query: `{ releases { id } }` }, headers: { "content-type": "text/plain" } },
      { search: `?query=${encodeURIComponent("{ releases { id } }")}&query=${encodeURIComponent("{ release { id } }")}` },
      { method: "POST", body: { query: `{ releases { id } }`, variables: "{}" } },
      { method: "POST", body: { query: `{ releases { id } }`, extensions: {} } },
      { method: "POST", body: [{ query: `{ releases { id } }` }] },
      { method: "POST", body: { query: "" } },
    ];
    for (const r of cases) await expectSame(r, false);
  });

  it("executes the query on every request, the same query included", async () => {
    const q: Req = { params: { query: `{ release { id } }` } };
    for (let i = 0; i < 3; i++) await expectSame(q, true);
  });

  it("calls the hot resolvers directly instead of through type-graphql's wrappers", () => {
    for (const field of ["Query.unit", "Unit.poverty", "Unit.projects", "Unit.ancestors", "Unit.typeLabel", "PovertyStat.sources", "UnitChange.to"]) {
      expect(directResolvers).toContain(field);
    }
  });
});
