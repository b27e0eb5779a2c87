import { describe, expect, it } from "vitest";
import { freshStoreUrls } from "@minhbach/db/test-stores.ts";
import { openApiStore } from "./public-store.js";

describe("statement counter", () => {
  it("counts every SQL statement the public store runs", async () => {
    const store = openApiStore(freshStoreUrls("minhbach-api-count-").publicUrl);
    const before = store.statements.total;
    await store.db.release.findMany();
    await store.db.pubUnit.count();
    expect(store.statements.total - before).toBe(2);
    expect(store.statements.recent.at(-1)).toMatch(/COUNT/i);
    await store.close();
  });
});
