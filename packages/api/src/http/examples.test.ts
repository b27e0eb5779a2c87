/** The ten journalist queries of the explorer validate and run without errors on the API fixture. Whether they return
 *  data is checked on the demo release, whose codes they use (src/test/docs-queries.test.ts). */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.js";
import { EXAMPLE_QUERIES } from "./examples.js";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

describe("example queries", () => {
  it("has ten", () => expect(EXAMPLE_QUERIES).toHaveLength(10));

  it.each(EXAMPLE_QUERIES.map((q) => [q.title, q] as const))("%s", async (_title, q) => {
    const { status, body } = await app.gql(q.query, q.variables);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
  });

  it("are all shown in docs/api.md", () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, "../../../../docs/api.md"), "utf8");
    for (const q of EXAMPLE_QUERIES) expect(doc, q.title).toContain(q.query.split("\n")[0]!);
  });
});
