/** The PostgreSQL helpers: COPY text escaping, and the byte-order key ordering the publish scan merges by. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_STORE_PROVIDER, freshStores, type TestStores } from "@minhbach/db/test-stores.ts";
import { queryStore } from "@minhbach/db/test-query.ts";
import { byteOrderedKey, connectPg, copyText } from "./pg.js";

describe("COPY text values", () => {
  it("escapes backslashes, tabs and line breaks, and writes null as \\N", () => {
    expect(copyText("01990-01")).toBe("01990-01");
    expect(copyText("a\\b\tc\nd\re")).toBe("a\\\\b\\tc\\nd\\re");
    expect(copyText(null)).toBe("\\N");
    expect(copyText(1_200_000)).toBe("1200000");
  });
});

describe.skipIf(TEST_STORE_PROVIDER !== "postgresql")("household keys in byte order on PostgreSQL", () => {
  let stores: TestStores;
  beforeAll(async () => {
    stores = await freshStores("minhbach-pg-order-");
  });
  afterAll(async () => stores?.drop());

  it("orders keys as JS compares strings, whatever the database collation, and uses the index order when it is already bytes", async () => {
    const keys = ["b-1", "B-2", "a_1", "a-2", "A1", "ab", "a b", "é", "z"];
    await queryStore(stores.privateUrl, `CREATE TABLE "KeyOrder" ("householdKey" text PRIMARY KEY)`);
    for (const k of keys) await queryStore(stores.privateUrl, `INSERT INTO "KeyOrder" VALUES (?)`, [k]);
    const client = await connectPg(stores.privateUrl);
    try {
      const read = async () => {
        const order = await byteOrderedKey(client, "KeyOrder");
        return { order, keys: (await client.query<{ k: string }>(`SELECT "householdKey" AS k FROM "KeyOrder" ORDER BY ${order}`)).rows.map((r) => r.k) };
      };
      const sorted = [...keys].sort(); // JS: UTF-16 code units, = bytes for these keys
      const byDefault = await read();
      expect(byDefault.keys).toEqual(sorted);
      await client.query(`ALTER TABLE "KeyOrder" ALTER COLUMN "householdKey" TYPE text COLLATE "C"`);
      const byColumn = await read();
      expect(byColumn).toEqual({ order: `"householdKey"`, keys: sorted });
    } finally {
      await client.end();
    }
  });
});
