import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPublicStore } from "@minhbach/db/public.ts";
import { startTestApp, type TestApp } from "../test/test-app.js";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ freshStore: true });
  // A release being written (complete = false) must never be served, even with a higher seq.
  const db = openPublicStore(app.publicUrl);
  await db.release.create({ data: { id: "2026.3", seq: 3, createdAt: new Date(), title: "half-written", standards: "[]", parameters: "{}",
    checksum: "x", gateReport: "{}", synthetic: true, complete: false } });
  await db.pubUnit.create({ data: { releaseId: "2026.3", code: "01990", level: "COMMUNE", name: "SHOULD NOT APPEAR", nameAscii: "x", type: "XA",
    geometryIllustrative: false, synthetic: true } });
  await db.$disconnect();
  await app.releases.refresh();
});
afterAll(async () => { await app.close(); });

describe("releases", () => {
  it("serves the latest complete release by seq when none is named, with its correction note", async () => {
    const { body } = await app.gql(`{ release { id seq latest changeNote disclosureK years synthetic supersedes { id supersededBy { id } } standards { id } sources { id } } }`);
    expect(body.data!.release).toMatchObject({ id: "2026.2", seq: 2, latest: true, disclosureK: 5, years: [2021, 2022, 2023, 2024, 2025, 2026],
      supersedes: { id: "2026.1", supersededBy: { id: "2026.2" } }, standards: [{ id: "ND07-2021" }] });
    expect(body.data!.release.changeNote).toMatch(/Vi Hương/);
    expect(body.data!.release.sources.map((s: { id: string }) => s.id)).toEqual(["baobackan-lucbinh", "synthetic-demo"]);
  });

  it("never serves an incomplete release", async () => {
    const { body } = await app.gql(`{ releases { id } r3: release(id: "2026.3") { id } unit(code: "01990") { name } }`);
    expect(body.data!.releases.map((r: { id: string }) => r.id)).toEqual(["2026.2", "2026.1"]);
    expect(body.data!.r3).toBeNull();
    expect(body.data!.unit.name).toBe("Lục Bình");
    const named = await app.gql(`{ unit(code: "01990", release: "2026.3") { name } }`);
    expect(named.body.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });
});
