/** The API reads the public store only: no file under packages/api may import the private store module. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.name === "node_modules" || d.name === "dist") return [];
    const p = path.join(dir, d.name);
    return d.isDirectory() ? files(p) : /\.(c|m)?[jt]sx?$/.test(d.name) ? [p] : [];
  });
}

/** Matches imports of packages/db's private module by package name or relative path, static or dynamic. */
export const PRIVATE_IMPORT = /(from\s+|import\s*\(\s*|require\s*\(\s*)["'][^"']*(@minhbach\/db\/private|db\/src\/private|generated\/private)[^"']*["']|@minhbach\/db["']/;

describe("public store only", () => {
  it("detects a private-store import when there is one", () => {
    expect(PRIVATE_IMPORT.test(`import { openPrivateStore } from "@minhbach/db/private.ts";`)).toBe(true);
    expect(PRIVATE_IMPORT.test(`const m = await import("../../../db/src/private.js");`)).toBe(true);
    expect(PRIVATE_IMPORT.test(`import { x } from "@minhbach/db";`)).toBe(true);
    expect(PRIVATE_IMPORT.test(`import { openPublicStore } from "@minhbach/db/public.ts";`)).toBe(false);
  });

  it("finds no file under packages/api importing the private store (or the db index that re-exports everything)", () => {
    const all = files(root);
    expect(all.length).toBeGreaterThan(20);
    const offenders = all.filter((f) => f !== import.meta.filename && PRIVATE_IMPORT.test(fs.readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("never reads DATABASE_URL", () => {
    const offenders = files(root).filter((f) => f !== import.meta.filename && /process\.env\.DATABASE_URL|privateStoreUrl/.test(fs.readFileSync(f, "utf8")));
    expect(offenders.map((f) => path.relative(root, f))).toEqual(["src/main.ts"]);
  });
});
