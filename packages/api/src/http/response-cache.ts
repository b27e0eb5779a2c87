/**
 * In-memory LRU of finished GraphQL responses. Why: releases are immutable, so a response is valid until a new
 * release appears — keys include the release registry's version, so a new release simply stops old keys matching.
 * A hit is answered without Apollo and without the database. Compressed variants are made once, on first demand.
 */
import { compress, type Encoding } from "./respond.js";

export interface CachedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  etag: string;
  variants: Partial<Record<Exclude<Encoding, "identity">, Buffer>>;
}

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

  /** The body in the given encoding, compressing once and keeping the result. */
  encoded(entry: CachedResponse, encoding: Encoding): Buffer {
    if (encoding === "identity" || entry.body.length < 1024) return entry.body;
    return (entry.variants[encoding] ??= compress(entry.body, encoding));
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
    this.bytes = 0;
  }
}
