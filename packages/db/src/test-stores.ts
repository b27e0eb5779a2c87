/** Fresh, migrated SQLite stores in a temp folder. Why: every test gets its own real database, not a mock. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateSqlite } from "./migrate.js";

export function freshStoreUrls(prefix = "minhbach-test-"): { dir: string; privateUrl: string; publicUrl: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const privateUrl = "file:" + path.join(dir, "private.db");
  const publicUrl = "file:" + path.join(dir, "public.db");
  migrateSqlite("private", privateUrl);
  migrateSqlite("public", publicUrl);
  return { dir, privateUrl, publicUrl };
}
