/** /readyz is 503 until a complete release exists, and the API answers NO_RELEASE meanwhile; /healthz is always 200. */
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPublicStore } from "@minhbach/db/public.ts";
import { writeRelease } from "@minhbach/db/release-writer.ts";
import { freshStores, TEST_STORE_PROVIDER, type TestStores } from "@minhbach/db/test-stores.ts";
import { POSTGRES_ADMIN_URL } from "@minhbach/db/test-postgres.ts";
import { startServer, type App } from "../app/create-app.js";
import { fixtureRelease } from "../test/fixture-release.js";

let app: App & { url: string };
let stores: TestStores;
let publicUrl: string;
beforeAll(async () => {
  stores = await freshStores("minhbach-api-empty-");
  publicUrl = stores.publicUrl;
  // requireRelease: false — the mode for a replica allowed to wait for the first publish (main.ts refuses instead).
  app = await startServer({ port: 0, host: "127.0.0.1", publicUrl, logger: pino({ level: "silent" }), requireRelease: false });
});
afterAll(async () => {
  await app?.close();
  await stores?.drop();
});

/** A store URL on the suite's provider that cannot be opened: a file in a missing folder, a database never created. */
function unreadableUrl(): string {
  if (TEST_STORE_PROVIDER === "sqlite") return "file:/nonexistent-dir/x/public.db";
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = "/minhbach_never_created";
  return url.toString();
}

describe("readiness", () => {
  it("is alive but not ready on an empty store, then ready once a release is written", async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(503);
    const res = await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ release { id } units { totalCount } }` }) });
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe("NO_RELEASE");
    const db = openPublicStore(publicUrl);
    await writeRelease(db, fixtureRelease());
    await db.$disconnect();
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", release: "2026.1" });
  });

  it("is not ready when the store cannot be read", async () => {
    const broken = await startServer({ port: 0, host: "127.0.0.1", publicUrl: unreadableUrl(), logger: pino({ level: "silent" }), requireRelease: false });
    try {
      expect((await fetch(`${broken.url}/readyz`)).status).toBe(503);
    } finally {
      await broken.close();
    }
  });
});
