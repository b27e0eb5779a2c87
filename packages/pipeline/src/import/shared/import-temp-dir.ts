/**
 * A private folder for what reading an import file parks on disk, removed with the import. Why: exceljs writes every
 * worksheet that comes before the shared strings (Excel's usual order) to a temp file, and removes it only once that
 * sheet has been read to the end or the process exits normally, so a refused or killed import left a copy of the
 * file's rows in /tmp. The worker reading the file (the household check worker, xlsx-thread.ts for the other
 * importers) points its TMPDIR here, as a worker's environment is its own; a folder left by a killed import is removed
 * by the next one.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const PREFIX = "minhbach-parked-";
/** PREFIX, the owning process's id, "-" and mkdtemp's six random characters. */
const NAME = /^minhbach-parked-(\d+)-[A-Za-z0-9]{6}$/;

/** A new folder, readable by this user only, named with this process's id; removes those of dead processes first. */
export function makeImportTempDir(): string {
  const root = os.tmpdir();
  removeOrphans(root);
  return fs.mkdtempSync(path.join(root, `${PREFIX}${process.pid}-`)); // mkdtemp: mode 0700
}

export function removeImportTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

function removeOrphans(root: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return; // an unreadable temp root: nothing of ours can be found there either
  }
  for (const name of names) {
    const pid = Number(NAME.exec(name)?.[1]);
    if (pid > 0 && !alive(pid)) removeImportTempDir(path.join(root, name));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}
