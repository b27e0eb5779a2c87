import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BITS_PER_KEY, KeyFilter, blocksFor, keyWords } from "./key-filter.js";

/** Evenly spread 64-hex-digit keys, as the HMAC gives them, reproducible from a label. */
const keys = (label: string, n: number) => Array.from({ length: n }, (_, i) => createHash("sha256").update(`${label}-${i}`).digest("hex"));

describe("KeyFilter", () => {
  it("never misses a key it holds", () => {
    const held = keys("held", 50_000);
    const f = KeyFilter.forKeys(held.length);
    for (const k of held) f.add(keyWords(k));
    expect(held.filter((k) => !f.mayHave(keyWords(k)))).toEqual([]);
  });

  it("answers 'maybe' for under 0.15 % of the keys it does not hold, at its design load", () => {
    const f = KeyFilter.forKeys(50_000);
    for (const k of keys("held", 50_000)) f.add(keyWords(k));
    const falseHits = keys("other", 200_000).filter((k) => f.mayHave(keyWords(k))).length;
    expect(falseHits / 200_000).toBeLessThan(0.0015);
    expect(falseHits).toBeGreaterThan(0); // the filter is not simply larger than designed
  });

  it("is sized at BITS_PER_KEY bits per key in whole 64-byte blocks, one block at least", () => {
    expect(KeyFilter.forKeys(0).bits.length).toBe(64);
    expect(KeyFilter.forKeys(1000).bits.length).toBe(blocksFor(1000) * 64);
    expect(blocksFor(1000)).toBe(Math.ceil((1000 * BITS_PER_KEY) / 512));
  });

  it("reads back from its stored bytes, and refuses bytes that are not whole blocks or keys too short", () => {
    const f = KeyFilter.forKeys(10);
    const k = keys("x", 1)[0]!;
    f.add(keyWords(k));
    expect(new KeyFilter(Buffer.from(f.bits)).mayHave(keyWords(k))).toBe(true);
    expect(() => new KeyFilter(new Uint8Array(100))).toThrow(/64-byte blocks/);
    expect(() => new KeyFilter(new Uint8Array(0))).toThrow(/64-byte blocks/);
    expect(() => keyWords("abc")).toThrow(/not a household key/);
    expect(() => keyWords("g".repeat(64))).toThrow(/not a household key/);
    expect(keyWords("00000001ffffffff0000000a" + "F".repeat(40))).toEqual({ block: 1, a: 0xffffffff, b: 10, c: 0xffffffff });
  });
});
