import { describe, expect, it } from "vitest";
import { freshStores } from "@minhbach/db/test-stores.ts";
import { openApiStore } from "./public-store.js";

describe("statement counter", () => {
  it("counts every SQL statement the public store runs", async () => {
    const stores = await freshStores("minhbach-api-count-");
    const store = openApiStore(stores.publicUrl);
    const before = store.statements.total;
    await store.db.release.findMany();
    await store.db.pubUnit.count();
    expect(store.statements.total - before).toBe(2);
    expect(store.statements.recent.at(-1)).toMatch(/COUNT/i);
    await store.close();
    await stores.drop();
  });
});
