/**
 * Fixture for the test the attacker must FAIL: a small HTTP proxy in front of the API that gives every hidden figure
 * its per-cell reason again, as the API did before issue #16 (Measure.reason PRIMARY | SMALL_UNIT | SECONDARY | …,
 * and a note in words such as "this group (or the rest of the unit) has fewer than 5 households"). The reasons come
 * from the operators' record in the PRIVATE store (table "Suppression", kind CELL), or — for a store written before
 * that table existed — from the public store's old PubCell.reason column.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { queryStore } from "../../packages/db/src/test-query.ts";

export interface ReasonSource {
  source: string;
  /** `${unit code}|${year}|${measure}` → PRIMARY | SMALL_UNIT | SECONDARY | HISTORY | DIFFERENCING */
  reasons: Map<string, string>;
}

/** The per-cell reasons of `releaseId`: the private store's Suppression table, else the public store's PubCell.reason. */
export async function loadReasons(privateUrl: string, publicUrl: string, releaseId: string): Promise<ReasonSource> {
  const tryRows = async (url: string, sql: string) => {
    try {
      return await queryStore<{ code: string; year: number; measure: string; reason: string }>(url, sql, [releaseId]);
    } catch {
      return []; // no such table or column in this store
    }
  };
  const fromPrivate = await tryRows(privateUrl,
    `SELECT "subject" AS "code", "year", "measure", "reason" FROM "Suppression" WHERE "releaseId" = ? AND "kind" = 'CELL'`);
  if (fromPrivate.length) return { source: "private store, table Suppression", reasons: toMap(fromPrivate) };
  const fromPublic = await tryRows(publicUrl,
    `SELECT "unitCode" AS "code", "year", "measure", "reason" FROM "PubCell" WHERE "releaseId" = ? AND "status" = 'SUPPRESSED' AND "reason" IS NOT NULL`);
  if (fromPublic.length) return { source: "public store, column PubCell.reason (a store from before issue #16)", reasons: toMap(fromPublic) };
  throw new Error(`no per-cell suppression reasons for release ${releaseId}: neither the private store's "Suppression" table nor the public store's PubCell.reason has any`);
}

const toMap = (rows: { code: string; year: number; measure: string; reason: string }[]) =>
  new Map(rows.map((r) => [`${r.code}|${Number(r.year)}|${r.measure}`, r.reason]));

/** The API's wording before issue #16 (English; the attacker asks for English). */
export function reasonNote(reason: string, k: number): string {
  switch (reason) {
    case "PRIMARY":
      return `Hidden to protect households: this group (or the rest of the unit) has fewer than ${k} households.`;
    case "SMALL_UNIT":
      return `Hidden to protect households: the unit has fewer than ${k} households, so no breakdown is published.`;
    case "SECONDARY":
      return "Hidden so that another hidden figure cannot be worked out from it.";
    case "HISTORY":
      return "Hidden because it was hidden in an earlier release; a hidden figure is never revealed later.";
    default:
      return "Hidden to protect households.";
  }
}

const isMeasure = (x: unknown): x is { status: string; reason?: unknown; note?: unknown } =>
  typeof x === "object" && x !== null && !Array.isArray(x) && typeof (x as { status?: unknown }).status === "string";

/**
 * Fills the reason (and note) of every SUPPRESSED Measure in a GraphQL response whose unit (an object with `code` and
 * `poverty`), year (a PovertyStat's `year`) and measure (the field name; `lacking.<indicator>` inside `deprivations`)
 * it can tell. Returns how many it filled.
 */
export function fillReasons(node: unknown, reasons: Map<string, string>, k: number, ctx: { code?: string; year?: number } = {}): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + fillReasons(x, reasons, k, ctx), 0);
  if (typeof node !== "object" || node === null) return 0;
  const o = node as Record<string, unknown>;
  const code = typeof o.code === "string" && "poverty" in o ? o.code : ctx.code;
  const year = typeof o.year === "number" && code !== undefined && ctx.code !== undefined ? o.year : ctx.year;
  let filled = 0;
  for (const [field, value] of Object.entries(o)) {
    if (isMeasure(value)) {
      if (value.status !== "SUPPRESSED" || code === undefined || year === undefined) continue;
      const indicator = (o.indicator as { code?: string } | undefined)?.code;
      const measure = indicator && field === "households" ? `lacking.${indicator}` : field;
      const reason = reasons.get(`${code}|${year}|${measure}`);
      if (!reason) continue;
      if ("reason" in value) value.reason = reason === "DIFFERENCING" ? "SECONDARY" : reason;
      if ("note" in value) value.note = reasonNote(reason, k);
      filled++;
    } else filled += fillReasons(value, reasons, k, { code, year });
  }
  return filled;
}

export interface ReasonProxy {
  url: string;
  filled: number;
  close(): Promise<void>;
}

/** Listens on a free loopback port and forwards everything to `upstream`, filling reasons into GraphQL answers. */
export async function startReasonProxy(upstream: string, reasons: Map<string, string>, k: number): Promise<ReasonProxy> {
  const state = { filled: 0 };
  const server = http.createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers: Record<string, string> = {};
      for (const [name, v] of Object.entries(req.headers)) {
        if (typeof v === "string" && !["host", "accept-encoding", "if-none-match", "content-length", "connection"].includes(name)) headers[name] = v;
      }
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const up = await fetch(upstream + (req.url ?? "/"), { method: req.method, headers, ...(hasBody ? { body: Buffer.concat(chunks) } : {}) });
      let body = Buffer.from(await up.arrayBuffer());
      if ((req.url ?? "").startsWith("/graphql") && (up.headers.get("content-type") ?? "").includes("json")) {
        const json = JSON.parse(body.toString("utf8")) as { data?: unknown };
        state.filled += fillReasons(json.data, reasons, k);
        body = Buffer.from(JSON.stringify(json), "utf8");
      }
      const out: Record<string, string> = {};
      up.headers.forEach((v, name) => {
        if (!["content-length", "content-encoding", "etag", "transfer-encoding", "connection", "keep-alive"].includes(name)) out[name] = v;
      });
      res.writeHead(up.status, { ...out, "content-length": String(body.length) });
      res.end(body);
    })().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get filled() {
      return state.filled;
    },
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}
