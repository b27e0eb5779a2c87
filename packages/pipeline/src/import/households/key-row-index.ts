/**
 * Household key → first row number, for duplicate detection, in ~40 bytes per household instead of ~120 for a
 * Map of 64-character strings. Why: it is the one structure that grows with the file, and a national file must stay
 * within the import's memory budget. Keys are HMAC-SHA256 hex digests; 128 bits of them identify a household (a
 * collision is as unlikely as one of HMAC itself), so the table keeps only those.
 */
const WORDS = 4; // 4 × 32 bits of the digest

export class KeyRowIndex {
  private capacity = 1 << 16;
  private keys = new Uint32Array(this.capacity * WORDS);
  private rows = new Int32Array(this.capacity); // 0 = empty slot; row numbers start at 2 (row 1 is the header)
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The row first seen with this key, or undefined. */
  get(hexKey: string): number | undefined {
    const w = words(hexKey);
    const slot = this.find(w);
    const row = this.rows[slot]!;
    return row === 0 ? undefined : row;
  }

  /** The row first seen with the raw digest at bytes[offset…], or undefined (same table as the hex form). */
  getBytes(bytes: Uint8Array, offset: number): number | undefined {
    const row = this.rows[this.find(wordsOfBytes(bytes, offset))]!;
    return row === 0 ? undefined : row;
  }

  /** Remembers the key's first row; a key already present keeps its first row. */
  set(hexKey: string, row: number): void {
    this.setWords(words(hexKey), row);
  }

  /** The first row of the raw digest at bytes[offset…] if seen before; otherwise remembers `row` and returns undefined.
   *  One probe instead of getBytes + setBytes: this runs once per household on the import's busiest thread. */
  claimBytes(bytes: Uint8Array, offset: number, row: number): number | undefined {
    if (row < 1) throw new Error(`row numbers start at 1 (got ${row})`);
    if ((this.count + 1) * 2 > this.capacity) this.grow();
    const w = wordsOfBytes(bytes, offset);
    const slot = this.find(w);
    if (this.rows[slot] !== 0) return this.rows[slot];
    this.put(slot, w, 0, row);
    return undefined;
  }

  /** set() for a raw digest at bytes[offset…]. Why: the import gets keys as bytes; parsing hex cost more than the lookup. */
  setBytes(bytes: Uint8Array, offset: number, row: number): void {
    this.setWords(wordsOfBytes(bytes, offset), row);
  }

  private setWords(w: Uint32Array, row: number): void {
    if (row < 1) throw new Error(`row numbers start at 1 (got ${row})`);
    if ((this.count + 1) * 2 > this.capacity) this.grow(); // grow() does not touch the scratch words in w
    const slot = this.find(w);
    if (this.rows[slot] !== 0) return;
    this.put(slot, w, 0, row);
  }

  /** Stores the 4 words at w[at…] and the row in an empty slot. Why not keys.set(subarray): a typed-array view per
   *  key was a tenth of the main thread's duplicate-index time, most of it in grow(). */
  private put(slot: number, w: Uint32Array, at: number, row: number): void {
    const k = this.keys;
    const o = slot * WORDS;
    k[o] = w[at]!; k[o + 1] = w[at + 1]!; k[o + 2] = w[at + 2]!; k[o + 3] = w[at + 3]!;
    this.rows[slot] = row;
    this.count++;
  }

  /** Forget every key and give the memory back. */
  clear(): void {
    this.capacity = 1 << 16;
    this.keys = new Uint32Array(this.capacity * WORDS);
    this.rows = new Int32Array(this.capacity);
    this.count = 0;
  }

  /** Linear probing from the key's first word (the 4 words at w[at…]); returns its slot or the empty slot where it
   *  would go. */
  private find(w: Uint32Array, at = 0): number {
    const mask = this.capacity - 1;
    const k = this.keys;
    const w0 = w[at]!, w1 = w[at + 1]!, w2 = w[at + 2]!, w3 = w[at + 3]!;
    for (let slot = w0 & mask; ; slot = (slot + 1) & mask) {
      if (this.rows[slot] === 0) return slot;
      const o = slot * WORDS;
      if (k[o] === w0 && k[o + 1] === w1 && k[o + 2] === w2 && k[o + 3] === w3) return slot;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldRows = this.rows;
    this.capacity *= 2;
    this.keys = new Uint32Array(this.capacity * WORDS);
    this.rows = new Int32Array(this.capacity);
    this.count = 0;
    for (let slot = 0; slot < oldRows.length; slot++) {
      if (oldRows[slot] !== 0) this.put(this.find(oldKeys, slot * WORDS), oldKeys, slot * WORDS, oldRows[slot]!);
    }
  }
}

const scratch = new Uint32Array(WORDS);

/** The first 128 bits, big-endian, so that a digest and its hex form land on the same words. */
function wordsOfBytes(b: Uint8Array, o: number): Uint32Array {
  if (b.length < o + WORDS * 4) throw new Error("household keys are digests of at least 128 bits");
  for (let i = 0; i < WORDS; i++, o += 4) scratch[i] = ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
  return scratch;
}

function words(hexKey: string): Uint32Array {
  if (hexKey.length < WORDS * 8) throw new Error("household keys are hex digests of at least 128 bits");
  for (let i = 0; i < WORDS; i++) scratch[i] = parseInt(hexKey.slice(i * 8, i * 8 + 8), 16);
  return scratch;
}
