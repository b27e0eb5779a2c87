import { describe, expect, it } from "vitest";
import { openPublicStore } from "./public.js";
import { emptyReleaseContent } from "./release-fixtures.js";
import { releaseChecksum, writeRelease } from "./release-writer.js";
import { freshStores } from "./test-stores.js";

describe("release writer", () => {
  it("writes a complete release with a checksum, and refuses to overwrite it", async () => {
    const stores = await freshStores("minhbach-writer-");
    const db = openPublicStore(stores.publicUrl);
    const content = emptyReleaseContent("t.1");
    content.cells.push({ unitCode: "06", year: 2021, measure: "households", value: 100, status: "PUBLISHED" });
    const written = await writeRelease(db, content);
    expect(written.checksum).toBe(releaseChecksum(content));
    const row = await db.release.findUniqueOrThrow({ where: { id: "t.1" } });
    expect(row.complete).toBe(true);
    expect(row.seq).toBe(1);
    await expect(writeRelease(db, content)).rejects.toThrow(/immutable/);
    expect(await db.pubCell.count()).toBe(1);
    await db.$disconnect();
    await stores.drop();
  });

  it("changes the checksum when any published value changes", () => {
    const a = emptyReleaseContent("t.2");
    const b = emptyReleaseContent("t.2");
    a.cells.push({ unitCode: "06", year: 2021, measure: "poor", value: 10, status: "PUBLISHED" });
    b.cells.push({ unitCode: "06", year: 2021, measure: "poor", value: 11, status: "PUBLISHED" });
    expect(releaseChecksum(a)).not.toBe(releaseChecksum(b));
  });
});
