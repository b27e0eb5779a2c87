/** No N+1: 100 communes with their poverty series and parents cost a bounded number of SQL statements. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { openPublicStore } from "@minhbach/db/public.ts";
import { writeRelease } from "@minhbach/db/release-writer.ts";
import { freshStores, type TestStores } from "@minhbach/db/test-stores.ts";
import { startServer, type App } from "../app/create-app.js";
import { fixtureRelease } from "./fixture-release.js";

/** The fixture plus `extra` synthetic communes (each with a village and five years of figures) under district 063. */
async function storeWithCommunes(extra: number): Promise<string> {
  stores = await freshStores("minhbach-api-n1-");
  const { publicUrl } = stores;
  const c = fixtureRelease("n1.1");
  for (let i = 0; i < extra; i++) {
    const code = String(30000 + i);
    c.units.push({ code, gsoCode: code, level: "COMMUNE", name: `Xã ${i}`, nameAscii: `xa ${i}`, type: "XA", parentCode: "063", validFrom: null, validTo: null,
      centroidLat: null, centroidLng: null, geometry: null, geometryIllustrative: false, synthetic: true });
    for (let year = 2021; year <= 2025; year++) {
      c.unitYears.push({ unitCode: code, year, standardId: "ND07-2021", synthetic: true, sourceIds: '["synthetic-demo"]', coverageReported: 1, coverageExpected: 1 });
      for (const [measure, value] of [["households", 500 + i], ["poor", 50 + year - 2021], ["nearPoor", 40]] as const) {
        c.cells.push({ unitCode: code, year, measure, value, status: "PUBLISHED" });
      }
    }
  }
  const db = openPublicStore(publicUrl);
  await writeRelease(db, c);
  await db.$disconnect();
  return publicUrl;
}

let stores: TestStores | undefined;
let app: App & { url: string };
beforeAll(async () => {
  app = await startServer({ port: 0, host: "127.0.0.1", publicUrl: await storeWithCommunes(120), logger: pino({ level: "silent" }) });
});
afterAll(async () => {
  await app?.close();
  await stores?.drop();
});

async function statementsFor(query: string): Promise<{ statements: number; data: any }> {
  app.cache.clear();
  app.rows.clear();
  const before = app.store.statements.total;
  const res = await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { data: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return { statements: app.store.statements.total - before, data: body.data };
}

describe("N+1", () => {
  it("loads 100 communes with poverty series, sources, standards and two levels of parents in a bounded number of statements", async () => {
    const q = `{ units(level: COMMUNE, first: 100) { totalCount nodes { code name parent { name parent { name } }
      poverty { year poorRate { value } nearPoorRate { value } standard { id } sources { id } } } } }`;
    const { statements, data } = await statementsFor(q);
    expect(data.units.nodes).toHaveLength(100);
    expect(data.units.nodes[99].poverty).toHaveLength(5);
    // units page, count, parents, grandparents, unit years, cells, standards, sources: one statement each
    expect(statements).toBeLessThanOrEqual(10);
  });

  it("does not grow with the number of communes", async () => {
    const q = (n: number) => `{ units(level: COMMUNE, first: ${n}) { nodes { parent { name } ancestors { code } children { totalCount } projects { totalCount }
      poverty { year poorRate { value } deprivations { share { value } } } credit { year } jobs { year } successors { kind } } } }`;
    const ten = await statementsFor(q(10));
    const hundred = await statementsFor(q(100));
    expect(hundred.statements).toBe(ten.statements);
    expect(hundred.statements).toBeLessThanOrEqual(20);
  });
});
