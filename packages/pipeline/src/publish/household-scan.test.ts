/** The publish scan: the result of the serial scan against a plain reference, and the parallel scan (key ranges on
 *  worker threads) against the serial one, down to the order of the maps. */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INDICATORS } from "@minhbach/core/standards/indicators.ts";
import { classifyHousehold, standardForYear } from "@minhbach/core/standards/index.ts";
import { sqlitePathFromUrl } from "@minhbach/db/sqlite-url.ts";
import { TEST_STORE_PROVIDER, freshStoreUrls, freshStores } from "@minhbach/db/test-stores.ts";
import { connectPg } from "../store/pg.js";
import { FLOW_CATEGORIES, POVERTY_CATEGORIES, flowIndex } from "./categories.js";
import { scanHouseholds, type ScanResult } from "./household-scan.js";
import { keyRanges } from "./scan-part.js";

const YEARS = [2021, 2022, 2023, 2025, 2026, 2027]; // a gap (2024) and a change of standard (2027)
const VILLAGES = Array.from({ length: 30 }, (_, i) => `V${String(i).padStart(2, "0")}`);
const CATEGORIES = ["NOT_POOR", "POOR", "NEAR_POOR", "NEWLY_POOR", "RE_POOR", "ESCAPED_POOR", "NEWLY_NEAR_POOR", "ESCAPED_NEAR_POOR", "RE_NEAR_POOR"];

/** Village → commune (5 villages each; V04 moves to commune C1 from 2025), district (3 communes), province. */
function groupsOf(village: string, year: number): string[] {
  const i = Number(village.slice(1));
  const commune = i === 4 && year >= 2025 ? 1 : Math.floor(i / 5);
  return [village, `C${commune}`, `D${Math.floor(commune / 3)}`, "P"];
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let dir: string;
let privateUrl: string;

beforeAll(() => {
  ({ dir, privateUrl } = freshStoreUrls("minhbach-scan-"));
  const rnd = random(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  // Hex digests like real keys, plus keys at and around range boundaries ("80" of 2 ranges; "55", "aa" of 3).
  const keys = [...Array.from({ length: 4000 }, (_, i) => createHash("sha256").update(`h${i}`).digest("hex")), "8", "80", "55", "aa", "a", "0", "ff", "ffff"];
  const db = new Database(sqlitePathFromUrl(privateUrl));
  const insert = db.prepare(`INSERT INTO HouseholdRecord (year, householdKey, villageCode, urban, size, incomePerMonth, aScore, deprivations,
    reviewCategory, ethnicMinority, importId) VALUES (?, ?, ?, ?, 4, ?, NULL, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (const key of keys) {
      let village = pick(VILLAGES);
      const urban = rnd() < 0.2 ? 1 : 0;
      const first = Math.floor(rnd() * YEARS.length);
      for (let yi = first; yi < YEARS.length; yi++) {
        if (yi > first && rnd() < 0.1) break; // left
        if (rnd() < 0.08) continue; // missed a review
        if (rnd() < 0.1) village = pick(VILLAGES); // moved
        const poor = rnd() < 0.3;
        const income = poor ? 800_000 + Math.floor(rnd() * 2_000_000) : 3_000_000;
        const deprivations = poor ? Math.floor(rnd() * (1 << 14)) : rnd() < 0.2 ? 1 << Math.floor(rnd() * 14) : 0;
        // Year i holds i + 1 imports (runs of the primary key, merged by the scan): the first year one, the last six.
        const importId = 10 * yi + 1 + (key.charCodeAt(key.length - 1) % (yi + 1));
        insert.run(YEARS[yi], key, village, urban, income, deprivations, pick(CATEGORIES), rnd() < 0.3 ? 1 : 0, importId);
      }
    }
  })();
  db.close();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Everything, with the maps as entry lists (so that the order counts) and the sets as lists. */
function plain(scan: ScanResult) {
  return {
    ...scan,
    villageYears: [...scan.villageYears.entries()],
    pairs: [...scan.pairs.entries()].map(([k, p]) => [k, { ...p, changed: [...p.changed] }]),
  };
}

/** The scan as plainly as possible: every record in (key, year) order from one query, per household in turn. */
function reference(): ScanResult {
  const db = new Database(sqlitePathFromUrl(privateUrl), { readonly: true });
  const rows = db.prepare(`SELECT year, householdKey, villageCode, urban, incomePerMonth, aScore, deprivations, reviewCategory, ethnicMinority
    FROM HouseholdRecord ORDER BY householdKey, year`).all() as {
    year: number; householdKey: string; villageCode: string; urban: number; incomePerMonth: number | null; aScore: number | null;
    deprivations: number; reviewCategory: string; ethnicMinority: number }[];
  db.close();
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const villageYears: ScanResult["villageYears"] = new Map();
  const pairs: ScanResult["pairs"] = new Map();
  let classMismatches = 0;
  const pair = (unit: string, fromYear: number) => {
    const key = `${unit}|${fromYear}`;
    if (!pairs.has(key)) pairs.set(key, { unit, fromYear, toYear: fromYear + 1, movers: 0, changed: new Set() });
    return pairs.get(key)!;
  };
  const classes = ["poor", "nearPoor", "other"];
  const recorded: Record<string, number[]> = { POOR: [0], NEWLY_POOR: [0], RE_POOR: [0], NEAR_POOR: [1], NEWLY_NEAR_POOR: [1], RE_NEAR_POOR: [1], ESCAPED_POOR: [1, 2] };
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j < rows.length && rows[j]!.householdKey === rows[i]!.householdKey) j++;
    const h = rows.slice(i, j).map((r) => {
      const c = classifyHousehold({ urban: r.urban === 1, incomePerMonth: r.incomePerMonth, aScore: r.aScore, deprivations: r.deprivations }, standardForYear(r.year));
      const cls = c === "POOR" ? 0 : c === "NEAR_POOR" ? 1 : 2;
      if (!(recorded[r.reviewCategory] ?? [2]).includes(cls)) classMismatches++;
      const key = `${r.villageCode}|${r.year}`;
      if (!villageYears.has(key)) {
        villageYears.set(key, { village: r.villageCode, year: r.year, households: 0, poverty: [0, 0, 0], flows: FLOW_CATEGORIES.map(() => 0),
          lacking: INDICATORS.map(() => 0), ethnicMinority: 0 });
      }
      const vy = villageYears.get(key)!;
      vy.households++;
      vy.poverty[cls]!++;
      vy.flows[flowIndex(r.reviewCategory)]!++;
      vy.ethnicMinority += r.ethnicMinority;
      for (const ind of INDICATORS) if (r.deprivations & (1 << ind.bit)) vy.lacking[ind.bit]!++;
      return { ...r, cls, flow: flowIndex(r.reviewCategory), groups: groupsOf(r.villageCode, r.year) };
    });
    h.forEach((cur, k) => {
      const prev = h[k - 1]?.year === cur.year - 1 ? h[k - 1] : undefined;
      const next = h[k + 1]?.year === cur.year + 1 ? h[k + 1] : undefined;
      for (const u of cur.groups) {
        const p = pair(u, cur.year - 1);
        if (!prev?.groups.includes(u)) p.movers++;
        else {
          if (prev.cls !== cur.cls) p.changed.add(`poverty|${classes[prev.cls]}`).add(`poverty|${classes[cur.cls]}`);
          if (prev.flow !== cur.flow) p.changed.add(`flows|${FLOW_CATEGORIES[prev.flow]}`).add(`flows|${FLOW_CATEGORIES[cur.flow]}`);
          for (const ind of INDICATORS) if ((prev.deprivations ^ cur.deprivations) & (1 << ind.bit)) p.changed.add(`lacking.${ind.code}|*`);
        }
      }
      for (const u of cur.groups) if (!next?.groups.includes(u)) pair(u, cur.year).movers++;
    });
    i = j;
  }
  // Changed categories in bit order (poverty, flows, indicators), as the scan lists them; pairs need both reviews.
  const order = [...POVERTY_CATEGORIES.map((c) => `poverty|${c}`), ...FLOW_CATEGORIES.map((c) => `flows|${c}`), ...INDICATORS.map((d) => `lacking.${d.code}|*`)];
  for (const [key, p] of pairs) {
    if (!years.includes(p.fromYear) || !years.includes(p.toYear)) pairs.delete(key);
    else p.changed = new Set(order.filter((c) => p.changed.has(c)));
  }
  return { villageYears, pairs, years, records: rows.length, classMismatches };
}

describe("scanHouseholds", () => {
  let serial: ScanResult;
  beforeAll(async () => {
    serial = await scanHouseholds(privateUrl, groupsOf, { parts: 1 });
  });

  it("counts what a plain pass over (household, year) order counts, in the same order", () => {
    expect(serial.records).toBeGreaterThan(10_000);
    expect(serial.pairs.size).toBeGreaterThan(100);
    expect(plain(serial)).toEqual(plain(reference()));
  });

  it("gives the serial result, map order included, in 2, 3 and 4 parts and with batches that end mid-household", async () => {
    const cases = [
      // one range per part: part 0 scans the first half, part 1 the second
      { parts: 2, ranges: 2, fixedAssignment: true },
      // ranges round-robin: each part's entries interleave with the others' in key order
      { parts: 3, ranges: 3, fixedAssignment: true },
      { parts: 3, ranges: 16, fixedAssignment: true },
      { parts: 4, ranges: 64, fixedAssignment: true, batchSize: 7 },
      // on demand (as in a publish): whichever part is free takes the next range
      { parts: 2 },
      { parts: 3, batchSize: 7 },
      { parts: 1, batchSize: 7 },
    ];
    for (const opts of cases) {
      const scan = await scanHouseholds(privateUrl, groupsOf, opts);
      expect(plain(scan), JSON.stringify(opts)).toEqual(plain(serial));
    }
  });

  it.runIf(TEST_STORE_PROVIDER === "postgresql")("gives the same result from a PostgreSQL store (serial, cursors in one transaction)", async () => {
    const lite = new Database(sqlitePathFromUrl(privateUrl), { readonly: true });
    const columns = ["year", "householdKey", "villageCode", "urban", "size", "incomePerMonth", "aScore", "deprivations", "reviewCategory", "ethnicMinority", "importId"];
    const rows = lite.prepare(`SELECT ${columns.join(", ")} FROM HouseholdRecord`).raw().all() as unknown[][];
    lite.close();
    const stores = await freshStores("minhbach-scan-pg-");
    try {
      const client = await connectPg(stores.privateUrl);
      try {
        const types = ["int", "text", "text", "bool", "int", "int", "int", "int", "text", "bool", "int"];
        for (let i = 0; i < rows.length; i += 5000) {
          const chunk = rows.slice(i, i + 5000);
          await client.query(
            `INSERT INTO "HouseholdRecord" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT * FROM unnest(${types.map((t, j) => `$${j + 1}::${t}[]`).join(", ")})`,
            columns.map((_, j) => chunk.map((r) => (types[j] === "bool" ? r[j] === 1 : r[j]))),
          );
        }
      } finally {
        await client.end();
      }
      expect(plain(await scanHouseholds(stores.privateUrl, groupsOf, { parts: 3 }))).toEqual(plain(serial));
    } finally {
      await stores.drop();
    }
  });

  it("lets writers in again once the scan is done (the coordinator's lock is released)", async () => {
    await scanHouseholds(privateUrl, groupsOf, { parts: 2 });
    const db = new Database(sqlitePathFromUrl(privateUrl), { timeout: 0 });
    try {
      expect(() => db.exec("BEGIN IMMEDIATE; ROLLBACK")).not.toThrow();
    } finally {
      db.close();
    }
  });
});

describe("the parallel scan's snapshot", () => {
  it("is one for all parts while a writer keeps committing", async () => {
    // A copy of the store, and a writer process that commits pairs of households: one whose key falls in the first
    // part's range (village W0), one in the last part's (W1). Parts reading different snapshots would count more of
    // one than of the other; one snapshot sees whole pairs only.
    const copy = fs.mkdtempSync(path.join(dir, "copy-"));
    const file = path.join(copy, "private.db");
    fs.copyFileSync(sqlitePathFromUrl(privateUrl), file);
    const writer = spawn(process.execPath, ["-e", `
      const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve("better-sqlite3"))});
      const db = new Database(${JSON.stringify(file)}, { timeout: 60000 });
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = OFF"); // no fsync under the write lock: on a busy disk that starved the scan's lock
      const insert = db.prepare("INSERT INTO HouseholdRecord (year, householdKey, villageCode, urban, size, incomePerMonth, aScore, deprivations, reviewCategory, ethnicMinority, importId) VALUES (2021, ?, ?, 0, 4, 3000000, NULL, 0, 'NOT_POOR', 0, 1)");
      const pair = db.transaction((i) => { insert.run("0w" + i, "W0"); insert.run("fw" + i, "W1"); });
      for (let i = 0; ; i++) {
        pair(i);
        if (i === 0) process.stdout.write("ready\\n");
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3); // the lock free most of the time, as between real commits
      }
    `], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      await new Promise((resolve, reject) => {
        writer.stdout!.once("data", resolve);
        writer.once("exit", (code) => reject(new Error(`the writer exited (code ${code})`)));
      });
      for (let i = 0; i < 3; i++) {
        const scan = await scanHouseholds(`file:${file}`, groupsOf, { parts: 2, ranges: 2, fixedAssignment: true });
        const w0 = scan.villageYears.get("W0|2021")?.households ?? 0;
        expect(w0).toBeGreaterThan(0);
        expect(scan.villageYears.get("W1|2021")?.households).toBe(w0);
      }
    } finally {
      writer.kill();
    }
  });
});

describe("keyRanges", () => {
  it("splits on the leading hex digits into consecutive ranges from the first key to the last", () => {
    expect(keyRanges(1)).toEqual([{ from: "" }]);
    expect(keyRanges(2)).toEqual([{ from: "", to: "80" }, { from: "80" }]);
    expect(keyRanges(3)).toEqual([{ from: "", to: "55" }, { from: "55", to: "aa" }, { from: "aa" }]);
    expect(keyRanges(4).map((r) => r.from)).toEqual(["", "40", "80", "c0"]);
    expect(keyRanges(256).slice(0, 3)).toEqual([{ from: "", to: "01" }, { from: "01", to: "02" }, { from: "02", to: "03" }]);
  });
});
