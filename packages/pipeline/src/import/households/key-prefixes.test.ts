/**
 * The sorted key prefixes (key-prefixes.ts): the same prefix from a key's hex and its bytes, stored and read back
 * whatever the buffer's alignment, and the merge that finds the candidates, against a plain search over random lists.
 */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PrefixList, decodePrefixes, encodePrefixes, matchingRanges, prefixOfHex, prefixesOfSortedKeys } from "./key-prefixes.js";

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function ranges(staged: Uint32Array, stored: Uint32Array): [number, number][] {
  const out: [number, number][] = [];
  matchingRanges(staged, stored, (start, end) => out.push([start, end]));
  return out;
}

/** The same answer the slow way: every index whose prefix is in `stored`, joined into ranges. */
function slowRanges(staged: Uint32Array, stored: Uint32Array): [number, number][] {
  const set = new Set(stored);
  const out: [number, number][] = [];
  staged.forEach((p, i) => {
    if (!set.has(p)) return;
    const last = out[out.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else out.push([i, i + 1]);
  });
  return out;
}

describe("a key's prefix", () => {
  it("is the same number from the hex key and from its digest bytes, and keeps the keys' order", () => {
    const keys = Array.from({ length: 200 }, (_, i) => createHmac("sha256", "s").update(`id-${i}`).digest());
    for (const k of keys) expect(prefixOfHex(k.toString("hex"))).toBe(k.readUInt32BE(0)); // what the stage reads
    const hex = keys.map((k) => k.toString("hex")).sort();
    const prefixes = hex.map(prefixOfHex);
    expect([...prefixes].sort((a, b) => a - b)).toEqual(prefixes);
    expect(prefixOfHex("FFFFFFFF00")).toBe(0xffffffff);
  });

  it("refuses what is not a key", () => {
    expect(() => prefixOfHex("abc")).toThrow(/not a household key/);
    expect(() => prefixOfHex("abcdefgh")).toThrow(/not a household key/);
  });
});

describe("storing prefixes", () => {
  it("reads back what it wrote, from an aligned or an unaligned buffer", () => {
    const list = new PrefixList();
    const next = random(1);
    for (let i = 0; i < 70_000; i++) list.push(Math.floor(next() * 2 ** 32)); // past the first growth
    const sorted = list.sorted();
    expect(sorted.length).toBe(70_000);
    expect(sorted.every((p, i) => i === 0 || p >= sorted[i - 1]!)).toBe(true);
    const bytes = encodePrefixes(sorted);
    expect(decodePrefixes(bytes)).toEqual(sorted);
    const shifted = Buffer.alloc(bytes.length + 1);
    bytes.copy(shifted, 1);
    expect(decodePrefixes(shifted.subarray(1))).toEqual(sorted);
    expect(() => decodePrefixes(Buffer.alloc(6))).toThrow(/whole 32-bit words/);
  });

  it("builds a run's prefixes from its keys, which must come in order", () => {
    expect(prefixesOfSortedKeys(["00000001aa", "00000001bb", "0000000f00"])).toEqual(Uint32Array.from([1, 1, 15]));
    expect(prefixesOfSortedKeys([])).toEqual(new Uint32Array(0));
    const many = Array.from({ length: 70_000 }, (_, i) => i.toString(16).padStart(8, "0")); // past the first growth
    expect(prefixesOfSortedKeys(many)).toEqual(Uint32Array.from(many, (_, i) => i));
    expect(() => prefixesOfSortedKeys(["0000000f00", "0000000100"])).toThrow(/not in ascending order/);
  });
});

describe("finding the candidates", () => {
  it("agrees with a plain search on 300 random pairs of lists, with repeated prefixes on both sides", () => {
    const next = random(7);
    for (let trial = 0; trial < 300; trial++) {
      const span = 1 + Math.floor(next() * 60); // small ranges make repeats and matches common
      const list = (n: number) => Uint32Array.from({ length: n }, () => Math.floor(next() * span)).sort();
      const staged = list(Math.floor(next() * 40));
      const stored = list(Math.floor(next() * 40));
      expect(ranges(staged, stored)).toEqual(slowRanges(staged, stored));
    }
  });

  it("gives one range for a file matched everywhere (a re-import), none for disjoint lists", () => {
    const a = Uint32Array.from([1, 2, 2, 5, 9]);
    expect(ranges(a, a)).toEqual([[0, 5]]);
    expect(ranges(a, Uint32Array.from([0, 3, 4, 10]))).toEqual([]);
    expect(ranges(a, Uint32Array.from([2, 9]))).toEqual([[1, 3], [4, 5]]);
    expect(ranges(new Uint32Array(0), a)).toEqual([]);
  });
});
