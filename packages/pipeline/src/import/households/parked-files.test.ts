/**
 * An XLSX import leaves none of the file's rows on disk: what the reader parks in temp files (exceljs writes worksheets
 * that come before the shared strings there) goes to a private folder removed when the import ends, whether the file
 * was stored or refused; a folder left by a killed import is removed by the next import.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempDir, writeXlsx } from "../shared/test-files.js";
import { importHouseholds } from "./import-households.js";
import { HEADER, SECRET, dropHouseholdStores, household, seededStores } from "./test-fixtures.js";

const savedTmpdir = process.env.TMPDIR;
afterEach(async () => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  await dropHouseholdStores();
});

/** Points this process's temp root at a new, empty folder (call once the stores and files are made): what the import
 *  leaves in the temp root is then all it holds. */
function emptyTmpRoot(): string {
  const root = tempDir("minhbach-tmproot-");
  process.env.TMPDIR = root;
  return root;
}

/** A process id that no process has now. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

describe("temp files of XLSX imports", () => {
  it("are gone after a refused import that stopped reading mid-sheet, and after a stored one", async () => {
    const { privateUrl } = await seededStores();
    const dir = tempDir();
    // A required column missing: refused at the header, with the sheet parked and not read to its end.
    const refused = await writeXlsx(dir, "refused.xlsx", [{ name: "Hộ", rows: [HEADER.slice(1), household("H1").slice(1), household("H2").slice(1)] }]);
    const stored = await writeXlsx(dir, "stored.xlsx", [{ name: "Hộ", rows: [HEADER, household("H1"), household("H2")] }]);
    const tmpRoot = emptyTmpRoot();
    await expect(importHouseholds({ privateUrl, file: refused, year: 2024, secret: SECRET })).rejects.toThrow(/Mã hộ/);
    expect(fs.readdirSync(tmpRoot)).toEqual([]);
    expect((await importHouseholds({ privateUrl, file: stored, year: 2024, secret: SECRET })).rows).toBe(2);
    expect(fs.readdirSync(tmpRoot)).toEqual([]);
  });

  it("left by a killed import are removed by the next import; a running import's are not", async () => {
    const { privateUrl } = await seededStores();
    const file = await writeXlsx(tempDir(), "ho.xlsx", [{ name: "Hộ", rows: [HEADER, household("H1")] }]);
    const tmpRoot = emptyTmpRoot();
    const orphan = path.join(tmpRoot, `minhbach-parked-${await deadPid()}-aB3xYz`);
    const running = path.join(tmpRoot, `minhbach-parked-${process.pid}-Qw7rTy`);
    const unrelated = path.join(tmpRoot, "minhbach-parked-notes");
    for (const d of [orphan, running, unrelated]) {
      fs.mkdirSync(d);
      fs.writeFileSync(path.join(d, "tmp-1-sheet"), "<worksheet/>");
    }
    await importHouseholds({ privateUrl, file, year: 2024, secret: SECRET });
    expect(fs.readdirSync(tmpRoot).sort()).toEqual([path.basename(running), path.basename(unrelated)].sort());
  });
});
