import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { KeyRowIndex } from "./key-row-index.js";

const key = (i: number) => createHash("sha256").update(`household-${i}`).digest("hex");

describe("the key → first-row index used for duplicate detection", () => {
  it("finds every key it holds, and none it does not, across many growths", () => {
    const index = new KeyRowIndex();
    for (let i = 0; i < 200_000; i++) index.set(key(i), i + 2);
    expect(index.size).toBe(200_000);
    for (let i = 0; i < 200_000; i += 997) expect(index.get(key(i))).toBe(i + 2);
    for (let i = 200_000; i < 201_000; i++) expect(index.get(key(i))).toBeUndefined();
  });

  it("keeps the first row when a key is set again", () => {
    const index = new KeyRowIndex();
    index.set(key(1), 5);
    expect(index.get(key(1))).toBe(5);
    index.set(key(1), 9);
    expect(index.get(key(1))).toBe(5);
    expect(index.size).toBe(1);
  });

  it("finds a key set as hex by its raw bytes and the other way round", () => {
    const index = new KeyRowIndex();
    for (let i = 0; i < 1000; i++) {
      if (i % 2) index.set(key(i), i + 2);
      else index.setBytes(Buffer.concat([Buffer.alloc(3), Buffer.from(key(i), "hex")]), 3, i + 2);
    }
    for (let i = 0; i < 1000; i++) {
      expect(index.get(key(i))).toBe(i + 2);
      expect(index.getBytes(Buffer.from(key(i), "hex"), 0)).toBe(i + 2);
    }
    expect(index.getBytes(Buffer.from(key(1000), "hex"), 0)).toBeUndefined();
    expect(index.claimBytes(Buffer.from(key(7), "hex"), 0, 5000)).toBe(9);
    expect(index.claimBytes(Buffer.from(key(1000), "hex"), 0, 5000)).toBeUndefined();
    expect(index.get(key(1000))).toBe(5000);
    for (let i = 2000; i < 200_000; i++) index.claimBytes(Buffer.from(key(i), "hex"), 0, i); // across growths
    expect(index.size).toBe(1001 + 198_000);
    expect(index.get(key(1999 + 100_000))).toBe(1999 + 100_000);
  });

  it("uses far less memory per household than a Map of hex strings", () => {
    const index = new KeyRowIndex();
    const before = process.memoryUsage().arrayBuffers;
    for (let i = 0; i < 500_000; i++) index.set(key(i), i + 2);
    const perKey = (process.memoryUsage().arrayBuffers - before) / 500_000;
    console.log(`[key-row-index] ${perKey.toFixed(1)} bytes per household`);
    expect(perKey).toBeLessThan(60);
  });
});
