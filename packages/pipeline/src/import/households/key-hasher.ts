/**
 * The household key (HMAC-SHA256 of the normalised id, key.ts) computed in plain JavaScript, with the secret's inner
 * and outer pad blocks hashed once per import. Why: node:crypto costs ~5 µs per row (a native Hmac object, its key
 * set-up and two calls across to C++), a third of the check worker's time; short ids need only two SHA-256 blocks
 * here. The result is byte for byte the same as householdKey() (tested against node:crypto), so stored keys match.
 */
import { normaliseHouseholdId } from "./key.js";

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const W = new Int32Array(64);

/** One SHA-256 compression of the 64 bytes at b[o…] into state h. */
function compress(h: Int32Array, b: Uint8Array, o: number): void {
  for (let i = 0; i < 16; i++, o += 4) W[i] = (b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!;
  compressWords(h);
}

/** One SHA-256 compression of the block already in W[0…15] into state h. */
function compressWords(h: Int32Array): void {
  for (let i = 16; i < 64; i++) {
    const x = W[i - 15]!, y = W[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = h[0]!, bb = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!, f = h[5]!, g = h[6]!, hh = h[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (hh + S1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & bb) ^ (a & c) ^ (bb & c))) | 0;
    hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = bb; bb = a; a = (t1 + t2) | 0;
  }
  h[0] = (h[0]! + a) | 0; h[1] = (h[1]! + bb) | 0; h[2] = (h[2]! + c) | 0; h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0; h[5] = (h[5]! + f) | 0; h[6] = (h[6]! + g) | 0; h[7] = (h[7]! + hh) | 0;
}

/** Message bytes that fit in one block with their padding (the 0x80 byte and the 8-byte length): ids are that short. */
const ONE_BLOCK_BYTES = 55;

/** Puts `len` (≤ ONE_BLOCK_BYTES) bytes at src[o…] with their padding into W as one block, `prefix` bytes already
 *  hashed. Why not through a byte buffer: copying, padding and reading it back cost more than a third of the key. */
function loadOneBlock(src: Uint8Array, o: number, len: number, prefix: number): void {
  let i = 0;
  let w = 0;
  for (; i + 4 <= len; i += 4) W[w++] = (src[o + i]! << 24) | (src[o + i + 1]! << 16) | (src[o + i + 2]! << 8) | src[o + i + 3]!;
  let last = 0;
  let shift = 24;
  for (; i < len; i++, shift -= 8) last |= src[o + i]! << shift;
  W[w++] = last | (0x80 << shift);
  while (w < 15) W[w++] = 0;
  W[15] = (prefix + len) * 8;
}

/** Hashes `len` message bytes at msg[0…] (msg has room for padding) continuing from state h, `prefix` bytes already in. */
function finish(h: Int32Array, msg: Uint8Array, len: number, prefix: number): void {
  const total = len + 9;
  const padded = Math.ceil(total / 64) * 64;
  msg.fill(0, len, padded);
  msg[len] = 0x80;
  const bits = (prefix + len) * 8; // ids are short: the length fits in 32 bits
  msg[padded - 4] = bits >>> 24; msg[padded - 3] = (bits >>> 16) & 255; msg[padded - 2] = (bits >>> 8) & 255; msg[padded - 1] = bits & 255;
  for (let o = 0; o < padded; o += 64) compress(h, msg, o);
}

/** What checkRows turns each household id into before handing the row to its sink. */
export interface IdKeyer {
  /** Bytes for the id, valid until the next call. */
  key(id: string): Buffer;
}

/** Writes the normalised id as UTF-8 into buffer.room(…)'s array; returns the byte length. */
function encodeNormalisedId(id: string, buffer: { room(len: number): Uint8Array }): number {
  const text = normaliseHouseholdId(id);
  const msg = buffer.room(text.length * 3);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return encoder.encodeInto(text, msg).written;
    msg[i] = c;
  }
  return text.length;
}
const encoder = new TextEncoder();

/** Longer normalised ids are keyed where they are read: only refused rows have them (ids are at most 64 characters). */
export const MAX_SENT_ID_BYTES = 1024;

/**
 * The normalised id's UTF-8 bytes, not hashed. Why: the check worker is the busier of the import's two threads, so
 * it sends these and the main thread computes the HMAC (HouseholdKeyer.keyOfBytes), which balances the two. An id
 * longer than MAX_SENT_ID_BYTES is keyed here instead (`keyed`), so that a batch stays small whatever the file holds.
 */
export class NormalisedIdBytes implements IdKeyer {
  private bytes = new Uint8Array(256);
  /** Whether the last key() returned the household key (a long id) rather than the id's bytes. */
  keyed = false;

  constructor(private readonly keyer: HouseholdKeyer) {}

  key(id: string): Buffer {
    const len = encodeNormalisedId(id, this);
    this.keyed = len > MAX_SENT_ID_BYTES;
    return this.keyed ? this.keyer.keyOfBytes(this.bytes, 0, len) : Buffer.from(this.bytes.buffer, this.bytes.byteOffset, len);
  }

  room(len: number): Uint8Array {
    if (this.bytes.length < len) this.bytes = new Uint8Array(len * 2);
    return this.bytes;
  }
}

export class HouseholdKeyer implements IdKeyer {
  private readonly inner = new Int32Array(8);
  private readonly outer = new Int32Array(8);
  private readonly state = new Int32Array(8);
  private msg = new Uint8Array(256);
  /** The digest of the last key(), 32 bytes; overwritten by the next call. */
  readonly digest = Buffer.alloc(32);

  constructor(secret: string) {
    let key: Uint8Array = Buffer.from(secret, "utf8");
    if (key.length > 64) {
      const h = Int32Array.from(IV);
      const m = new Uint8Array(Math.ceil((key.length + 9) / 64) * 64);
      m.set(key);
      finish(h, m, key.length, 0);
      key = this.bytesOf(h);
    }
    const pad = new Uint8Array(64);
    for (const [state, x] of [[this.inner, 0x36], [this.outer, 0x5c]] as const) {
      for (let i = 0; i < 64; i++) pad[i] = (key[i] ?? 0) ^ x;
      state.set(IV);
      compress(state, pad, 0);
    }
  }

  /** HMAC-SHA256(secret, normalised id) into this.digest (the same bytes as householdKeyDigest). */
  key(id: string): Buffer {
    const len = encodeNormalisedId(id, this); // first: it may give msg a bigger buffer (room)
    return this.hash(this.msg, 0, len);
  }

  /** The same key from the normalised id's UTF-8 bytes (NormalisedIdBytes), e.g. sent over by the check worker. */
  keyOfBytes(src: Uint8Array, offset: number, len: number): Buffer {
    return this.hash(src, offset, len);
  }

  /** Makes msg hold `len` bytes plus the padding of their last block. */
  room(len: number): Uint8Array {
    if (this.msg.length < len + 72) this.msg = new Uint8Array(len + 72);
    return this.msg;
  }

  /** HMAC of the `len` bytes at src[offset…]: an id short enough for one block goes straight into its words; a longer
   *  one is copied into msg (unless it is there already) and padded there. */
  private hash(src: Uint8Array, offset: number, len: number): Buffer {
    this.state.set(this.inner);
    if (len <= ONE_BLOCK_BYTES) {
      loadOneBlock(src, offset, len, 64);
      compressWords(this.state);
    } else {
      if (src !== this.msg) this.room(len).set(src.subarray(offset, offset + len));
      finish(this.state, this.msg, len, 64);
    }
    return this.outerHash();
  }

  /** The HMAC's outer hash of the inner digest in this.state, into this.digest. */
  private outerHash(): Buffer {
    const h = this.state;
    // The outer message is the inner digest, one block: its words go straight in, with its padding (0x80 after 32
    // bytes, the length 96 × 8 bits). Packing it into bytes and back cost a fifth of the key (~0.2 µs).
    for (let i = 0; i < 8; i++) W[i] = h[i]!;
    W[8] = 0x80000000 | 0;
    W.fill(0, 9, 15);
    W[15] = (64 + 32) * 8;
    h.set(this.outer);
    compressWords(h);
    const d = this.digest;
    for (let i = 0; i < 8; i++) d.writeInt32BE(h[i]!, i * 4);
    return d;
  }

  private readonly out = new Uint8Array(32);

  private bytesOf(h: Int32Array): Uint8Array {
    const out = this.out;
    for (let i = 0; i < 8; i++) {
      const v = h[i]!;
      out[i * 4] = v >>> 24; out[i * 4 + 1] = (v >>> 16) & 255; out[i * 4 + 2] = (v >>> 8) & 255; out[i * 4 + 3] = v & 255;
    }
    return out;
  }
}
