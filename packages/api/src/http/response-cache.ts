/**
 * In-memory LRU of finished GraphQL responses. Why: releases are immutable, so a response is valid until a new
 * release appears — keys include the release registry's version, so a new release simply stops old keys matching.
 * A hit is answered without Apollo and without the database. Compressed variants are made once, on first demand.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { acceptedEncoding, codingEtag, compress, httpDate, notModified, type Encoding } from "./respond.js";

export interface CachedResponse {
  status: number;
  /** Sent as they are, except `etag`, which is replaced by the ETag of the coding sent (see sendCached). */
  headers: Record<string, string>;
  body: Buffer;
  etag: string;
  /** When the release the answer comes from was created (Last-Modified; If-Modified-Since). */
  lastModified?: Date;
  variants: Partial<Record<Exclude<Encoding, "identity">, Buffer>>;
  /** The ETag and Last-Modified header values per coding, made on first use: a cache hit should only copy strings. */
  sent?: Partial<Record<Encoding, { etag: string; lastModified?: string }>>;
}

/** Bodies below this size are sent as they are: compressing them saves less than the header costs. */
const MIN_COMPRESSED_BYTES = 1024;

export class ResponseCache {
  private readonly map = new Map<string, CachedResponse>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries = 2000, private readonly maxBytes = 64 * 1024 * 1024) {}

  get(key: string): CachedResponse | undefined {
    const entry = this.map.get(key);
    if (!entry) {
      this.misses += 1;
      return undefined;
    }
    this.map.delete(key);
    this.map.set(key, entry);
    this.hits += 1;
    return entry;
  }

  set(key: string, entry: CachedResponse): void {
    if (this.maxEntries === 0 || entry.body.length > this.maxBytes / 8) return;
    const old = this.map.get(key);
    if (old) {
      this.bytes -= old.body.length;
      this.map.delete(key);
    }
    this.map.set(key, entry);
    this.bytes += entry.body.length;
    while (this.map.size > this.maxEntries || this.bytes > this.maxBytes) {
      const [oldestKey, oldest] = this.map.entries().next().value as [string, CachedResponse];
      this.map.delete(oldestKey);
      this.bytes -= oldest.body.length;
    }
  }

  /** The coding an entry is sent in to a client accepting `encoding`. */
  coding(entry: CachedResponse, encoding: Encoding): Encoding {
    return entry.body.length < MIN_COMPRESSED_BYTES ? "identity" : encoding;
  }

  /** The body in the given encoding, compressing once and keeping the result. */
  encoded(entry: CachedResponse, encoding: Encoding): Buffer {
    const coding = this.coding(entry, encoding);
    if (coding === "identity") return entry.body;
    return (entry.variants[coding] ??= compress(entry.body, coding));
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
    this.bytes = 0;
  }
}

/**
 * Sends a cached answer: 304 when the client's copy is current (GET with an ETag only: a POST is never "not
 * modified"), else the body in the best coding the client accepts, with that coding's ETag. HEAD gets the same
 * headers; Node drops the body of a HEAD response by itself.
 */
function sentTags(entry: CachedResponse, coding: Encoding): { etag: string; lastModified?: string } {
  return { etag: codingEtag(entry.etag, coding), ...(entry.lastModified ? { lastModified: httpDate(entry.lastModified) } : {}) };
}

export function sendCached(req: IncomingMessage, res: ServerResponse, cache: ResponseCache, entry: CachedResponse, extra: Record<string, string> = {}): void {
  const coding = cache.coding(entry, acceptedEncoding(req));
  const headers: Record<string, string | number> = { ...entry.headers, ...extra };
  const tags = headers.etag === undefined ? undefined : ((entry.sent ??= {})[coding] ??= sentTags(entry, coding));
  if (tags) headers.etag = tags.etag;
  if (tags?.lastModified) headers["last-modified"] = tags.lastModified;
  if (tags && notModified(req, tags.etag, entry.lastModified)) {
    delete headers["content-type"];
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const body = cache.encoded(entry, coding);
  if (coding !== "identity") headers["content-encoding"] = coding;
  headers["content-length"] = body.length;
  res.writeHead(entry.status, headers);
  res.end(body);
}
