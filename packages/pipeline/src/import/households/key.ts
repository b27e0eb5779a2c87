/**
 * Household ids become keyed hashes before anything is stored. Why HMAC and not a plain hash: ids are short and
 * guessable ("H001"), so an unkeyed hash could be reversed by trying them all; without the secret it cannot.
 */
import { createHmac, createSecretKey, type KeyObject } from "node:crypto";

export const MIN_SECRET_LENGTH = 16;

export function checkSecret(secret: string | undefined): string {
  if (!secret || secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `HOUSEHOLD_KEY_SECRET is ${secret ? "too short" : "not set"}: household ids are stored only as keyed hashes, ` +
        `so a secret of at least ${MIN_SECRET_LENGTH} characters is required (set it in the environment or .env; keep it the same for every import)`,
    );
  }
  return secret;
}

/** Ids are compared without case or extra spaces: "h 001" and "H 001 " are the same household. */
export function normaliseHouseholdId(id: string): string {
  return alreadyNormal(id) ? id : id.normalize("NFC").trim().replace(/\s+/g, " ").toUpperCase();
}

/** Printable ASCII without spaces or lower-case letters ("HH-30733-01-0001"): what most files hold, and unchanged by
 *  the normalisation, whose three string passes were a twentieth of the check worker's time. */
function alreadyNormal(id: string): boolean {
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || (c >= 0x61 && c <= 0x7a)) return false;
  }
  return true;
}

let cachedSecret: string | undefined;
let cachedKey: KeyObject | undefined;

/** HMAC-SHA256(secret, normalised id), hex. The KeyObject is reused: importing the key per row was measurable. */
export function householdKey(secret: string, id: string): string {
  return householdKeyDigest(secret, id).toString("hex");
}

/** The same HMAC as 32 raw bytes: the import's check worker sends keys this way (half the size of hex, no strings). */
export function householdKeyDigest(secret: string, id: string): Buffer {
  if (secret !== cachedSecret) {
    cachedKey = createSecretKey(Buffer.from(secret, "utf8"));
    cachedSecret = secret;
  }
  return createHmac("sha256", cachedKey!).update(normaliseHouseholdId(id)).digest();
}
