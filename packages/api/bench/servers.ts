/**
 * Benchmark servers, in a child process so autocannon (in the parent) does not share their event loop: the API with
 * its response cache, the API with the cache off (every request executes), and a bare node:http server returning the
 * exact bytes and headers of the API's cached answer. Prints their URLs as one JSON line.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { startServer } from "../src/app/create-app.js";

const publicUrl = process.env.BENCH_PUBLIC_URL!;
const path = process.env.BENCH_PATH!;
const silent = pino({ level: "silent" });

const cached = await startServer({ port: 0, host: "127.0.0.1", publicUrl, logger: silent });
const uncached = await startServer({ port: 0, host: "127.0.0.1", publicUrl, logger: silent, responseCacheEntries: 0 });

const sample = await fetch(`${cached.url}${path}`);
const bytes = Buffer.from(await sample.arrayBuffer());
if (sample.status !== 200 || bytes.includes('"errors"')) throw new Error(`benchmark query failed: ${bytes.toString()}`);
const headers: Record<string, string> = {};
sample.headers.forEach((v, k) => { if (k !== "date" && k !== "connection" && k !== "keep-alive" && k !== "transfer-encoding") headers[k] = v; });

const bare = http.createServer({ keepAliveTimeout: 65_000 }, (_req, res) => {
  res.writeHead(200, headers);
  res.end(bytes);
});
await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));

process.stdout.write(JSON.stringify({
  cached: cached.url, uncached: uncached.url, bare: `http://127.0.0.1:${(bare.address() as AddressInfo).port}`, bytes: bytes.length,
}) + "\n");
process.on("SIGTERM", () => void Promise.all([cached.close(), uncached.close()]).then(() => process.exit(0)));
