/**
 * Child process for the browser tests: builds the portal from the API's fixture release, then serves it through the
 * API app (with the live oEmbed route mounted as in production) on one loopback port, and a "news site" on a
 * second loopback port (another origin), and the national-shaped test release (test/national-fixture.ts) on a third.
 * Prints one JSON line {base, host, outDir, national} when ready.
 * Why a child process: Astro's Vite and the API's decorators stay out of the test runner's module graph.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { createApp } from "@minhbach/api/index.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildFixtureSite } from "./fixture-site.js";
import { writeNationalStore } from "./national-fixture.js";
import { buildPortal } from "../build/pipeline.js";
import { handleOEmbed } from "../server/oembed.js";

const listen = (server: http.Server) => new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));

const portal = http.createServer();
const port = await listen(portal);
const base = `http://127.0.0.1:${port}`;
const site = await buildFixtureSite(base);
// The live /oembed mounted exactly as packages/api/src/main.ts mounts it (the API's route over the served release).
const app = await createApp({ publicUrl: site.publicUrl, staticDir: site.outDir, logger: pino({ level: "warn" }), oembed: { origin: base, handle: handleOEmbed } });
portal.on("request", (req, res) => app.handler(req, res));

/** The national-shaped release (63 + 34 provinces, official figures, communes with no data), built and served the same way. */
const nationalServer = http.createServer();
const nationalBase = `http://127.0.0.1:${await listen(nationalServer)}`;
const nationalStore = await writeNationalStore();
const nationalWork = fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-portal-national-"));
process.once("exit", () => fs.rmSync(nationalWork, { recursive: true, force: true }));
await buildPortal({ publicUrl: nationalStore.publicUrl, outDir: path.join(nationalWork, "dist"), snapshotDir: path.join(nationalWork, "snapshot"), origin: nationalBase, quiet: true });
const nationalApp = await createApp({ publicUrl: nationalStore.publicUrl, staticDir: path.join(nationalWork, "dist"), logger: pino({ level: "warn" }) });
nationalServer.on("request", (req, res) => nationalApp.handler(req, res));

/** The "news site": a page embedding a card through the loader, served from a different origin. */
const news = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  const src = `${base}/embed/unit/${url.searchParams.get("unit") ?? "01990"}/card/${url.searchParams.get("q") ?? ""}`;
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Báo</title></head>
<body><h1>Bài báo</h1><iframe id="w" src="${src}" title="Minh Bạch" width="100%" height="40" style="border:0;max-width:480px" data-minhbach-embed></iframe>
<script async src="${base}/embed.js"></script></body></html>`);
});
const host = `http://127.0.0.1:${await listen(news)}`;

// The browser tests' teardown sends SIGTERM: drop the fixture store (a database when the suite runs on PostgreSQL).
process.once("SIGTERM", () => {
  portal.closeAllConnections();
  news.closeAllConnections();
  nationalServer.closeAllConnections();
  void Promise.all([app.close().then(site.drop), nationalApp.close().then(nationalStore.drop)]).finally(() => process.exit(0));
});
console.log(JSON.stringify({ base, host, outDir: site.outDir, report: site.report, national: nationalBase, nationalOutDir: path.join(nationalWork, "dist") }));
