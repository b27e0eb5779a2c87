/**
 * A blocked Bloom filter over the household keys of one import batch: "certainly not in this batch" for nearly every
 * key, in memory. Why: household keys are unique per year, so each import must look up its keys in every batch of the
 * year; probing each batch's rows (a B-tree descent per key and batch) would grow with the number of batches, while
 * a filter test is a few bit reads. A hit is only a candidate: the import then looks the key up exactly.
 *
 * Why blocked: all of a key's bits lie in one 64-byte block (one cache line), so a test costs one memory miss. Why no
 * hash function: the keys are HMAC-SHA256 digests in hex (key.ts), already evenly spread; their leading 128 bits choose
 * the block and, 9 bits each, the 8 bits set. With 16 bits per key, about 1 test in 1,000 is a false hit (measured:
 * key-filter.test.ts); positions stepped from one start (a + i·b) gave twice as many.
 */

/** Filter bits per key. */
export const BITS_PER_KEY = 16;
const BLOCK_BITS = 512;
const BLOCK_BYTES = BLOCK_BITS / 8;
/** Bits set per key, within its block. */
const PROBES = 8;

/** The leading 128 bits of a hex key, as four unsigned 32-bit words: what a filter test needs of it. */
export interface KeyWords {
  block: number;
  a: number;
  b: number;
  c: number;
}

/** Hex digit value by character code (-1: not a hex digit). */
const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX["0123456789abcdef".charCodeAt(i)] = HEX["0123456789ABCDEF".charCodeAt(i)] = i;

/** The 32-bit word of hex digits at[o … o+8). Why not parseInt(slice): it made reading a key 5 times slower. */
function word(hexKey: string, o: number): number {
  let x = 0;
  for (let i = o; i < o + 8; i++) {
    const d = HEX[hexKey.charCodeAt(i)] ?? -1;
    if (d < 0) throw new Error(`not a household key: ${JSON.stringify(hexKey)}`);
    x = (x << 4) | d;
  }
  return x >>> 0;
}

export function keyWords(hexKey: string): KeyWords {
  if (hexKey.length < 32) throw new Error(`not a household key: ${hexKey.length} hex digits`);
  return { block: word(hexKey, 0), a: word(hexKey, 8), b: word(hexKey, 16), c: word(hexKey, 24) };
}

/** The i-th bit of a key within its block: 9 bits of a, b or c (three from a, three from b, two from c). */
function position(w: KeyWords, i: number): number {
  const word = i < 3 ? w.a : i < 6 ? w.b : w.c;
  return (word >>> (9 * (i % 3))) & (BLOCK_BITS - 1);
}

/** Blocks for a filter of `keys` keys (at least one, so that an empty batch has a valid filter). */
export function blocksFor(keys: number): number {
  return Math.max(1, Math.ceil((keys * BITS_PER_KEY) / BLOCK_BITS));
}

/** The block of a key in a filter of `blocks` blocks: multiply-shift instead of a modulo, which would favour low blocks. */
function blockOf(w: KeyWords, blocks: number): number {
  return Math.floor((w.block / 2 ** 32) * blocks);
}

export class KeyFilter {
  private readonly blocks: number;

  /** `bits`: a filter's bytes, as stored in HouseholdKeyFilter.bits (a whole number of 64-byte blocks). */
  constructor(readonly bits: Uint8Array) {
    if (bits.length === 0 || bits.length % BLOCK_BYTES !== 0) throw new Error(`a key filter of ${bits.length} bytes is not whole 64-byte blocks`);
    this.blocks = bits.length / BLOCK_BYTES;
  }

  /** An empty filter with room for `keys` keys. */
  static forKeys(keys: number): KeyFilter {
    return new KeyFilter(Buffer.alloc(blocksFor(keys) * BLOCK_BYTES)); // a Buffer: what SQLite drivers bind as a blob
  }

  add(w: KeyWords): void {
    const base = blockOf(w, this.blocks) * BLOCK_BITS;
    for (let i = 0; i < PROBES; i++) {
      const bit = base + position(w, i);
      this.bits[bit >>> 3]! |= 1 << (bit & 7);
    }
  }

  /** False: the key is certainly not in the batch. True: it may be (look it up). */
  mayHave(w: KeyWords): boolean {
    const base = blockOf(w, this.blocks) * BLOCK_BITS;
    for (let i = 0; i < PROBES; i++) {
      const bit = base + position(w, i);
      if ((this.bits[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  }
}
