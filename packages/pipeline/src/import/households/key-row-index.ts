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

  /** Remembers the key's first row; a key already present keeps its first row. */
  set(hexKey: string, row: number): void {
    if (row < 1) throw new Error(`row numbers start at 1 (got ${row})`);
    if ((this.count + 1) * 2 > this.capacity) this.grow();
    const w = words(hexKey);
    const slot = this.find(w);
    if (this.rows[slot] !== 0) return;
    this.count++;
    this.keys.set(w, slot * WORDS);
    this.rows[slot] = row;
  }

  /** Forget every key and give the memory back. */
  clear(): void {
    this.capacity = 1 << 16;
    this.keys = new Uint32Array(this.capacity * WORDS);
    this.rows = new Int32Array(this.capacity);
    this.count = 0;
  }

  /** Linear probing from the first word; returns the key's slot or the empty slot where it would go. */
  private find(w: Uint32Array): number {
    const mask = this.capacity - 1;
    for (let slot = w[0]! & mask; ; slot = (slot + 1) & mask) {
      if (this.rows[slot] === 0) return slot;
      const at = slot * WORDS;
      if (this.keys[at] === w[0] && this.keys[at + 1] === w[1] && this.keys[at + 2] === w[2] && this.keys[at + 3] === w[3]) return slot;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldRows = this.rows;
    this.capacity *= 2;
    this.keys = new Uint32Array(this.capacity * WORDS);
    this.rows = new Int32Array(this.capacity);
    for (let slot = 0; slot < oldRows.length; slot++) {
      if (oldRows[slot] === 0) continue;
      const w = oldKeys.subarray(slot * WORDS, slot * WORDS + WORDS);
      const to = this.find(w);
      this.keys.set(w, to * WORDS);
      this.rows[to] = oldRows[slot]!;
    }
  }
}

const scratch = new Uint32Array(WORDS);

function words(hexKey: string): Uint32Array {
  if (hexKey.length < WORDS * 8) throw new Error("household keys are hex digests of at least 128 bits");
  for (let i = 0; i < WORDS; i++) scratch[i] = parseInt(hexKey.slice(i * 8, i * 8 + 8), 16);
  return scratch;
}
