/**
 * The public store on PostgreSQL goes away while the API serves: requests fail fast with 503 and a clear message,
 * /readyz turns 503, and service comes back by itself when the database returns — no restart. The outage is a TCP
 * proxy between the API and the machine's PostgreSQL that the test closes and reopens.
 */
import net from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateStore } from "@minhbach/db/migrate.ts";
import { openPublicStore } from "@minhbach/db/public.ts";
import { writeRelease } from "@minhbach/db/release-writer.ts";
import { freshPostgresDatabase, postgresAvailable } from "@minhbach/db/test-postgres.ts";
import { startServer, type App } from "../app/create-app.js";
import { fixtureRelease } from "../test/fixture-release.js";

const available = await postgresAvailable();

/** A loopback TCP proxy to PostgreSQL that can be cut (every connection destroyed) and restored on the same port. */
class CuttableProxy {
  private server?: net.Server;
  private sockets = new Set<net.Socket>();
  constructor(private readonly target: { host: string; port: number }, public port = 0) {}
  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server!.address() as net.AddressInfo).port;
  }
  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

let database: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined;
let proxy: CuttableProxy;
let app: App & { url: string };

beforeAll(async () => {
  if (!available) return;
  database = await freshPostgresDatabase("minhbach_outage");
  await migrateStore("public", database.url);
  const writer = openPublicStore(database.url);
  await writeRelease(writer, fixtureRelease());
  await writer.$disconnect();
  const direct = new URL(database.url);
  proxy = new CuttableProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  await proxy.open();
  direct.port = String(proxy.port);
  app = await startServer({ port: 0, host: "127.0.0.1", publicUrl: direct.toString(), logger: pino({ level: "silent" }), responseCacheEntries: 0, rowCacheRows: 0 });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const query = (code: string) =>
  fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query: `{ unit(code: "${code}") { name poverty { year poorRate { value } } } }` }),
  });

describe.skipIf(!available)("PostgreSQL stops while the API serves", () => {
  it("answers normally while the database is there", async () => {
    const res = await query("01990");
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain("Lục Bình");
  });

  it("fails fast with 503, Retry-After and a clear message, and /readyz turns 503", async () => {
    await proxy.cut();
    const started = Date.now();
    const res = await query("01969");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("STORE_UNAVAILABLE");
    expect(body.errors[0]!.message).toMatch(/public store is unavailable/);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(503);
  }, 30_000);

  it("recovers by itself when the database returns", async () => {
    await proxy.open(); // same port
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      status = (await query("01990")).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
  }, 30_000);
});
