/**
 * The README's commands as written: `pnpm minhbach template households > ho.csv` must put the template alone on stdout.
 * Why through pnpm: pnpm used to print its script banner ("> minh-bach@ minhbach …") to stdout first, which broke the
 * CSV and corrupted the XLSX; the repository's .npmrc (reporter=silent) keeps it quiet.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../../..");

function pnpm(...args: string[]): Buffer {
  const r = spawnSync("pnpm", args, { cwd: ROOT, env: process.env, maxBuffer: 16 * 1024 * 1024 });
  expect(r.status, r.stderr.toString()).toBe(0);
  return r.stdout;
}

describe("pnpm minhbach template households > FILE", () => {
  it("writes a clean CSV (UTF-8 BOM, then the Vietnamese headers) and a clean XLSX (a zip)", () => {
    const csv = pnpm("minhbach", "template", "households");
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.toString("utf8").slice(1)).toMatch(/^Mã hộ,Mã thôn,/);
    const xlsx = pnpm("minhbach", "template", "households", "--format", "xlsx");
    expect(xlsx.subarray(0, 4)).toEqual(Buffer.from("PK\x03\x04", "latin1"));
  }, 60_000);
});
