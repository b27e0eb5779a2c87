import { describe, expect, it } from "vitest";
import { householdKeyDigest } from "./key.js";
import { HouseholdKeyer, MAX_SENT_ID_BYTES, NormalisedIdBytes } from "./key-hasher.js";

const ALPHABET = "ABCxyz0129 -_/.ĐđÔôƯưẠạỆệỹ😀\t";

function randomId(rand: () => number): string {
  const n = Math.floor(rand() * (rand() < 0.05 ? 300 : 70));
  let s = "";
  for (let i = 0; i < n; i++) s += [...ALPHABET][Math.floor(rand() * [...ALPHABET].length)];
  return s;
}

describe("the JavaScript household key equals node:crypto's HMAC-SHA256, byte for byte", () => {
  it.each(["test-secret-0123456789", "x".repeat(64), "y".repeat(65), "bí mật của xã Tân Hòa 2024 🙂".repeat(5)])("secret %#", (secret) => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
    const keyer = new HouseholdKeyer(secret);
    const ids = ["H001", "h 001 ", "", " ", "x".repeat(55), "x".repeat(56), "x".repeat(64), "Hộ-Đ01", ...Array.from({ length: 3000 }, () => randomId(rand))];
    for (const id of ids) expect(keyer.key(id).toString("hex"), JSON.stringify(id)).toBe(householdKeyDigest(secret, id).toString("hex"));
  });
});

describe("ids sent as bytes (the check worker) are keyed the same on the main thread", () => {
  it("keyOfBytes of the normalised bytes, and long ids keyed where they are read, equal node:crypto's key", () => {
    const secret = "test-secret-0123456789";
    let seed = 777;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
    const sender = new NormalisedIdBytes(new HouseholdKeyer(secret));
    const receiver = new HouseholdKeyer(secret);
    const long = "Đ".repeat(MAX_SENT_ID_BYTES); // 2 bytes a character: over the limit
    const ids = ["H001", " h  001", "Hộ-Đ01", "", "x".repeat(52), "x".repeat(55), "x".repeat(56), "x".repeat(400), long, ...Array.from({ length: 2000 }, () => randomId(rand))];
    let keyedHere = 0;
    for (const id of ids) {
      const sent = Buffer.from(sender.key(id));
      const key = sender.keyed ? sent : receiver.keyOfBytes(sent, 0, sent.length);
      if (sender.keyed) keyedHere++;
      expect(key.toString("hex"), JSON.stringify(id)).toBe(householdKeyDigest(secret, id).toString("hex"));
    }
    expect(keyedHere).toBe(1);
  });
});
