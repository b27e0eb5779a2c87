/**
 * The demo release, attacked. Scenarios: the public store's schema and contents hold nothing household-level; no
 * sensitive count in 1..k−1 is published; the calibrated real figures come out exactly; releases are immutable and
 * a second publish keeps every earlier decision.
 */
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDemoRelease, type DemoRelease } from "./demo-release.js";

let demo: DemoRelease;
let pub: Database.Database;
const K = 5;

beforeAll(() => {
  demo = buildDemoRelease();
  pub = new Database(demo.publicUrl.slice("file:".length), { readonly: true });
}, 600_000);

/** Columns that would mean a household-level row leaked into the public store. */
const HOUSEHOLD_COLUMNS = /household(key|id)|^income|ascore|deprivations|reviewcategory|ethnicminority|^size$|cccd|cmnd|phone|address|name_of_head/i;

describe("the public store cannot hold a household", () => {
  it("has no table with a household-level column", () => {
    const tables = pub.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
    expect(tables).not.toContain("HouseholdRecord");
    for (const table of tables) {
      const columns = pub.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
      for (const column of columns) expect(`${table}.${column}`).not.toMatch(HOUSEHOLD_COLUMNS);
    }
  });

  it("holds no row per household: every cell is an aggregate over a unit", () => {
    const households = pub.prepare(`SELECT SUM(value) FROM PubCell WHERE measure = 'households' AND unitCode = '06' AND year = 2021`).pluck().get() as number;
    const cells = pub.prepare(`SELECT COUNT(*) FROM PubCell`).pluck().get() as number;
    const units = pub.prepare(`SELECT COUNT(*) FROM PubUnit`).pluck().get() as number;
    expect(households).toBeGreaterThan(50_000);
    // far fewer rows than households × years: cells scale with units, not households
    expect(cells).toBeLessThan(units * 5 * 40);
  });
});

describe("disclosure control holds on the published cells", () => {
  it("publishes no sensitive count between 1 and k−1", () => {
    const rows = pub
      .prepare(`SELECT unitCode, year, measure, value FROM PubCell WHERE status = 'PUBLISHED' AND measure != 'households' AND value BETWEEN 1 AND ?`)
      .all(K - 1);
    expect(rows).toEqual([]);
  });

  it("publishes no count that nearly all households of the unit share (n − c < k)", () => {
    const rows = pub
      .prepare(
        `SELECT c.unitCode, c.year, c.measure, c.value, h.value AS n FROM PubCell c
         JOIN PubCell h ON h.releaseId = c.releaseId AND h.unitCode = c.unitCode AND h.year = c.year AND h.measure = 'households'
         WHERE c.status = 'PUBLISHED' AND c.measure NOT IN ('households', 'projectParticipants') AND c.value >= 1 AND h.value - c.value < ?`,
      )
      .all(K);
    expect(rows).toEqual([]);
  });

  it("never publishes a suppressed figure as a number", () => {
    expect(pub.prepare(`SELECT COUNT(*) FROM PubCell WHERE status != 'PUBLISHED' AND value IS NOT NULL`).pluck().get()).toBe(0);
  });

  it("records a passing gate for every table", () => {
    const release = pub.prepare(`SELECT gateReport FROM Release`).get() as { gateReport: string };
    const tables = JSON.parse(release.gateReport) as { table: string; ok: boolean }[];
    expect(tables.length).toBeGreaterThan(10);
    expect(tables.every((t) => t.ok)).toBe(true);
  });
});

describe("the demo is calibrated to the published figures", () => {
  const rate = (unit: string, year: number, measure: string) => {
    const row = pub
      .prepare(
        `SELECT c.value AS c, h.value AS n FROM PubCell c JOIN PubCell h ON h.releaseId = c.releaseId AND h.unitCode = c.unitCode
         AND h.year = c.year AND h.measure = 'households' WHERE c.unitCode = ? AND c.year = ? AND c.measure = ? AND c.status = 'PUBLISHED'`,
      )
      .get(unit, year, measure) as { c: number; n: number } | undefined;
    return row ? (100 * row.c) / row.n : undefined;
  };

  it("gives Lục Bình 13.6 % poor at the 2022 review and 8.9 % at the 2023 review", () => {
    expect(rate("01990", 2022, "poor")?.toFixed(1)).toBe("13.6");
    expect(rate("01990", 2023, "poor")?.toFixed(1)).toBe("8.9");
  });

  it("gives Bắc Kạn 26.93 % poor and 9.74 % near-poor at the 2021 review", () => {
    expect(rate("06", 2021, "poor")?.toFixed(2)).toBe("26.93");
    expect(rate("06", 2021, "nearPoor")?.toFixed(2)).toBe("9.74");
  });

  it("labels every demo figure synthetic (the households are made up, even where the rate matches a source)", () => {
    const real = pub.prepare(`SELECT COUNT(*) FROM PubUnitYear WHERE synthetic = 0`).pluck().get();
    expect(real).toBe(0);
    const cited = pub.prepare(`SELECT sourceIds FROM PubUnitYear WHERE unitCode = '01990' AND year = 2023`).pluck().get() as string;
    expect(JSON.parse(cited)).toContain("baobackan-2023-luc-binh");
  });

  it("publishes the goat project's 20 households and 500,000,000 VND", () => {
    const goat = pub.prepare(`SELECT * FROM PubProject WHERE name LIKE '%dê%'`).get() as { householdsValue: number; budgetVnd: bigint | number };
    expect(goat.householdsValue).toBe(20);
    expect(Number(goat.budgetVnd)).toBe(500_000_000);
  });
});

describe("releases are immutable and consistent over time", () => {
  it("keeps every earlier decision in a second release, and leaves the first one untouched", () => {
    const before = pub.prepare(`SELECT id, checksum FROM Release`).all() as { id: string; checksum: string }[];
    demo.cli("publish", "--note", "Second release for the history test");
    const after = new Database(demo.publicUrl.slice("file:".length), { readonly: true });
    try {
      const releases = after.prepare(`SELECT id, checksum, supersedes FROM Release ORDER BY seq`).all() as { id: string; checksum: string; supersedes: string }[];
      expect(releases).toHaveLength(2);
      expect(releases[0]).toMatchObject(before[0]!);
      expect(releases[1]!.supersedes).toBe(before[0]!.id);
      const changed = after
        .prepare(
          `SELECT a.unitCode, a.year, a.measure, a.status AS was, b.status AS now FROM PubCell a JOIN PubCell b
           ON b.unitCode = a.unitCode AND b.year = a.year AND b.measure = a.measure
           WHERE a.releaseId = ? AND b.releaseId = ? AND a.status != b.status`,
        )
        .all(releases[0]!.id, releases[1]!.id);
      expect(changed).toEqual([]);
    } finally {
      after.close();
    }
  });
});
