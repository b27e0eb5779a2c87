/**
 * The sorted 32-bit prefixes of one import batch's household keys (HouseholdKeyPrefixes.prefixes): how the import finds,
 * among all the batches of a year, the few stored households that may have one of its keys. Why prefixes and not one
 * Bloom filter per batch: the file's own prefixes, sorted, are merged with each batch's in one forward pass over two
 * arrays, where a filter needed a random memory read per key and batch (1.43 M keys against the 63 batches of a
 * national year: 4.4 s of filter tests, against ~0.2 s of merging). A matching prefix is only a candidate, looked up
 * exactly; keys are HMAC digests, so 32 bits match by chance for about 1 key in 4 × 10⁹ / (keys stored that year).
 * Stored as little-endian 32-bit words, ascending (the byte order of the platforms Node runs on in practice; checked).
 */
import os from "node:os";

if (os.endianness() !== "LE") throw new Error("household key prefixes are stored little-endian; this platform is big-endian");

/** Hex digit value by character code (-1: not a hex digit). */
const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX["0123456789abcdef".charCodeAt(i)] = HEX["0123456789ABCDEF".charCodeAt(i)] = i;

/** The first 32 bits of a hex household key. Why not parseInt(slice): it made reading a key several times slower. */
export function prefixOfHex(hexKey: string): number {
  if (hexKey.length < 8) throw new Error(`not a household key: ${JSON.stringify(hexKey)}`);
  let x = 0;
  for (let i = 0; i < 8; i++) {
    const d = HEX[hexKey.charCodeAt(i)] ?? -1;
    if (d < 0) throw new Error(`not a household key: ${JSON.stringify(hexKey)}`);
    x = (x << 4) | d;
  }
  return x >>> 0;
}

/** The prefixes of the rows staged so far, in arrival order: 4 bytes per row, the import's only per-row memory. */
export class PrefixList {
  private words = new Uint32Array(1 << 16);
  length = 0;

  push(prefix: number): void {
    if (this.length === this.words.length) {
      const grown = new Uint32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    this.words[this.length++] = prefix;
  }

  /** The prefixes in arrival order (a view: valid until the next push). */
  values(): Uint32Array {
    return this.words.subarray(0, this.length);
  }

  /** The prefixes in ascending order (sorted in place; the list is done with). */
  sorted(): Uint32Array {
    return this.values().sort();
  }
}

/** The stored form: a copy-free view of the words' bytes. */
export function encodePrefixes(sorted: Uint32Array): Buffer {
  return Buffer.from(sorted.buffer, sorted.byteOffset, sorted.byteLength);
}

/** The words of a stored blob (copied when the driver's buffer is not 4-byte aligned). */
export function decodePrefixes(bytes: Uint8Array): Uint32Array {
  if (bytes.byteLength % 4 !== 0) throw new Error(`household key prefixes of ${bytes.byteLength} bytes are not whole 32-bit words`);
  if (bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const copy = new Uint32Array(bytes.byteLength / 4);
  new Uint8Array(copy.buffer).set(bytes);
  return copy;
}

/** Sorted prefixes of household keys given in key order (a batch's run): checks the order on the way. Read in one
 *  pass, growing as it goes: counting the run first read all of it twice. */
export function prefixesOfSortedKeys(keys: Iterable<string>): Uint32Array {
  const list = new PrefixList();
  let last = 0;
  for (const key of keys) {
    const p = prefixOfHex(key);
    if (p < last) throw new Error("household keys are not in ascending order");
    list.push((last = p));
  }
  return list.values();
}

/**
 * The indices of `staged` whose prefix occurs in `stored` (both ascending), as ranges [start, end) in ascending order,
 * adjacent ranges joined: a re-imported file matches its old batch everywhere, one range. One forward pass over both.
 */
export function matchingRanges(staged: Uint32Array, stored: Uint32Array, onRange: (start: number, end: number) => void): void {
  let i = 0;
  let j = 0;
  let open = -1; // start of the range being built
  let end = -1;
  const n = staged.length;
  const m = stored.length;
  while (i < n && j < m) {
    const a = staged[i]!;
    const b = stored[j]!;
    if (a !== b) {
      // Steps without a branch on which side is smaller: random keys made that branch mispredict half the time
      // (63 batches against 1.43 M keys: 0.46 s this way, 0.63 s with if/else).
      i += +(a < b);
      j += +(b < a);
      continue;
    }
    const start = i;
    while (i < n && staged[i] === a) i++;
    while (j < m && stored[j] === a) j++;
    if (start === end) end = i; // continues the open range
    else {
      if (open >= 0) onRange(open, end);
      open = start;
      end = i;
    }
  }
  if (open >= 0) onRange(open, end);
}
