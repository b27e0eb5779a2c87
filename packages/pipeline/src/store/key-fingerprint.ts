/**
 * The private store remembers which household key its households were hashed with, as a keyed fingerprint: an HMAC of
 * a fixed label under the key (never the key, and useless for hashing ids). Why: household ids are stored only as
 * keyed hashes, so a file imported under another key silently stops linking to the earlier years' households (newly
 * poor, escaped poverty and re-poor become wrong). The first import or demo that uses a key records it; an import
 * under another key is refused before it reads a row.
 */
import { createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { householdKeyFile, type AppConfig } from "@minhbach/core/config/config.ts";
import { openPrivateStore } from "@minhbach/db/private";

const LABEL = "minhbach household key fingerprint v1";
const ROW_ID = 1;

export function keyFingerprint(secret: string): string {
  return createHmac("sha256", Buffer.from(secret, "utf8")).update(LABEL).digest("hex");
}

/** An import refused because its key is not the one the store's households were hashed with. */
export class HouseholdKeyMismatch extends Error {
  constructor(source: AppConfig["householdKeySource"], dataDir: string) {
    const from = source === "key file" ? `the key in ${householdKeyFile(dataDir)}` : "HOUSEHOLD_KEY_SECRET";
    super(
      `${from} is not the key this private store's households were imported with: households imported with it would ` +
        `no longer link to the earlier years' (newly poor, escaped poverty and re-poor would be wrong), so nothing was ` +
        `imported. Set HOUSEHOLD_KEY_SECRET (in the environment or in .env) to the key used before — the office's ` +
        `backup of it (docs/deployment.md, Backups); for a store made by \`minhbach demo\` it is the key in ` +
        `${householdKeyFile(dataDir)}. If the store is to start afresh, run \`minhbach demo\` again or use a new store.`,
    );
    this.name = "HouseholdKeyMismatch";
  }
}

/** The store's recorded fingerprint, if any. */
export async function storedFingerprint(privateUrl: string): Promise<string | undefined> {
  const db = openPrivateStore(privateUrl);
  try {
    return (await db.householdKeyFingerprint.findUnique({ where: { id: ROW_ID } }))?.fingerprint;
  } finally {
    await db.$disconnect();
  }
}

/** Refuses a key whose fingerprint differs from the store's; a store without one accepts any key. */
export async function checkHouseholdKey(privateUrl: string, config: AppConfig, secret: string): Promise<void> {
  const stored = await storedFingerprint(privateUrl);
  if (stored !== undefined && stored !== keyFingerprint(secret)) throw new HouseholdKeyMismatch(config.householdKeySource, config.dataDir);
}

/** Records the key's fingerprint when the store has none; `replace` (a demo that reset the store) overwrites it. */
export async function recordHouseholdKey(privateUrl: string, secret: string, replace = false): Promise<void> {
  const db = openPrivateStore(privateUrl);
  const row = { fingerprint: keyFingerprint(secret), createdAt: new Date() };
  try {
    if (replace) await db.householdKeyFingerprint.upsert({ where: { id: ROW_ID }, create: { id: ROW_ID, ...row }, update: row });
    else if (!(await db.householdKeyFingerprint.findUnique({ where: { id: ROW_ID } }))) {
      await db.householdKeyFingerprint.create({ data: { id: ROW_ID, ...row } });
    }
  } catch (err) {
    // the store has one already (another import recorded one meanwhile): the check stands
    if (!isUniqueViolation(err)) throw err;
  } finally {
    await db.$disconnect();
  }
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "P2002";
}

/**
 * The key `minhbach demo` hashes with: HOUSEHOLD_KEY_SECRET (or the data folder's key file) when there is one, else a
 * new random key written to the data folder's key file (git-ignored, readable by its owner only). Why a file and not a
 * fixed demo key: an import into the demo store right after must use the same key, and then does with no set-up.
 */
export function demoHouseholdKey(config: AppConfig): { secret: string; generated?: string } {
  if (config.HOUSEHOLD_KEY_SECRET) return { secret: config.HOUSEHOLD_KEY_SECRET };
  const file = householdKeyFile(config.dataDir);
  const secret = randomBytes(32).toString("hex");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
  return { secret, generated: file };
}
