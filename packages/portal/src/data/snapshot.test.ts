import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { indexEntry, loadSite } from "./snapshot.js";

const dirs: string[] = [];
const saved = process.env.MINHBACH_SNAPSHOT;
afterEach(() => {
  process.env.MINHBACH_SNAPSHOT = saved;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A snapshot folder whose index holds the given unit codes (only what loadSite/indexEntry read). */
function snapshot(codes: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "minhbach-snapshot-test-"));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, "site.json"), JSON.stringify({ units: codes.map((code) => ({ code })) }));
  return dir;
}

describe("snapshot index", () => {
  // Astro runs a second build in one process on the first build's module instances (prerender chunks at one path).
  it("follows the snapshot folder of the build, not the first one read in the process", () => {
    process.env.MINHBACH_SNAPSHOT = snapshot(["06"]);
    expect(loadSite().units).toHaveLength(1);
    expect(indexEntry("06")).toBeDefined();
    process.env.MINHBACH_SNAPSHOT = snapshot(["01", "02", "03"]);
    expect(loadSite().units).toHaveLength(3);
    expect(indexEntry("06")).toBeUndefined();
    expect(indexEntry("02")?.code).toBe("02");
  });

  it("rereads a snapshot extracted again into the same folder", () => {
    const dir = snapshot(["06"]);
    process.env.MINHBACH_SNAPSHOT = dir;
    expect(indexEntry("01")).toBeUndefined();
    const file = path.join(dir, "site.json");
    fs.writeFileSync(file, JSON.stringify({ units: [{ code: "01" }] }));
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    expect(indexEntry("01")?.code).toBe("01");
  });
});
