/**
 * The demo release, attacked. Scenarios: the public store's schema and contents hold nothing household-level; no
 * sensitive count in 1..k−1 is published; hidden figures all look alike (no reason anywhere public; the reasons are
 * in the private store, one per hidden figure); every unit-year is complete but the new Thái Nguyên's, which only
 * partly lies in the demo; the officially reported figures are published as their sources give them; the calibrated
 * real figures come out
 * exactly; releases are immutable and a second publish keeps every earlier decision; a real (not synthetic) review
 * of three villages in a new year publishes their figures, unlabelled synthetic, and nothing for their commune and
 * province as if complete.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isSqliteUrl } from "../../packages/db/src/sqlite-url.ts";
import { queryStore, queryValue } from "../../packages/db/src/test-query.ts";
import { buildDemoRelease, type DemoRelease } from "./demo-release.js";

let demo: DemoRelease;
const K = 5;

beforeAll(async () => {
  demo = await buildDemoRelease();
}, 600_000);
afterAll(async () => demo?.drop());

/** Rows of the public store (SQL with quoted identifiers and `?` parameters, on either provider). */
const rows = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => queryStore<T>(demo.publicUrl, sql, params);
const value = <T = number>(sql: string, params: unknown[] = []) => queryValue<T>(demo.publicUrl, sql, params);

/** Every table of the public store with its columns. */
async function tableColumns(): Promise<Map<string, string[]>> {
  const list = isSqliteUrl(demo.publicUrl)
    ? await rows<{ t: string; c: string }>(`SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'`)
    : await rows<{ t: string; c: string }>(`SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'public'`);
  const out = new Map<string, string[]>();
  for (const { t, c } of list) (out.get(t) ?? out.set(t, []).get(t)!).push(c);
  return out;
}

/** Columns that would mean a household-level row leaked into the public store. */
const HOUSEHOLD_COLUMNS = /household(key|id)|^income|ascore|deprivations|reviewcategory|ethnicminority|^size$|cccd|cmnd|phone|address|name_of_head/i;

describe("the public store cannot hold a household", () => {
  it("has no table with a household-level column", async () => {
    const tables = await tableColumns();
    expect(tables.size).toBeGreaterThan(10);
    expect([...tables.keys()]).not.toContain("HouseholdRecord");
    for (const [table, columns] of tables) {
      for (const column of columns) expect(`${table}.${column}`).not.toMatch(HOUSEHOLD_COLUMNS);
    }
  });

  it("holds no row per household: every cell is an aggregate over a unit", async () => {
    const households = await value(`SELECT SUM("value") FROM "PubCell" WHERE "measure" = 'households' AND "unitCode" = '06' AND "year" = 2021`);
    const cells = await value(`SELECT COUNT(*) FROM "PubCell"`);
    const units = await value(`SELECT COUNT(*) FROM "PubUnit"`);
    expect(households).toBeGreaterThan(50_000);
    // far fewer rows than households × years: cells scale with units, not households
    expect(cells).toBeLessThan(units * 5 * 40);
  });
});

describe("hidden figures all look alike", () => {
  it("has no column for a reason in any table of the public store", async () => {
    for (const [table, columns] of await tableColumns()) {
      for (const column of columns) expect(`${table}.${column}`).not.toMatch(/reason/i);
    }
  });

  it("keeps in the private store one reason per hidden figure of the release", async () => {
    const [release] = await rows<{ id: string }>(`SELECT "id" FROM "Release" ORDER BY "seq"`);
    const hidden = await rows<{ unitCode: string; year: number; measure: string }>(
      `SELECT "unitCode", "year", "measure" FROM "PubCell" WHERE "releaseId" = ? AND "status" = 'SUPPRESSED'`, [release!.id],
    );
    const reasons = await queryStore<{ subject: string; year: number; measure: string; reason: string }>(
      demo.privateUrl, `SELECT "subject", "year", "measure", "reason" FROM "Suppression" WHERE "releaseId" = ? AND "kind" = 'CELL'`, [release!.id],
    );
    expect(hidden.length).toBeGreaterThan(100);
    const key = (unit: string, year: number, measure: string) => `${unit}|${year}|${measure}`;
    expect(new Set(reasons.map((r) => key(r.subject, r.year, r.measure)))).toEqual(new Set(hidden.map((c) => key(c.unitCode, c.year, c.measure))));
    expect(new Set(reasons.map((r) => r.reason))).toEqual(new Set(["PRIMARY", "SECONDARY"]));
    const jobs = await value(`SELECT SUM(CASE WHEN "domesticStatus" = 'SUPPRESSED' THEN 1 ELSE 0 END + CASE WHEN "abroadStatus" = 'SUPPRESSED' THEN 1 ELSE 0 END) FROM "PubJobs" WHERE "releaseId" = ?`, [release!.id]);
    expect(await queryValue(demo.privateUrl, `SELECT COUNT(*) FROM "Suppression" WHERE "releaseId" = ? AND "kind" = 'JOBS'`, [release!.id])).toBe(jobs);
    expect(await queryValue(demo.privateUrl, `SELECT COUNT(*) FROM "PublishReport" WHERE "releaseId" = ?`, [release!.id])).toBe(1);
  });
});

describe("every unit-year of the demo is complete, but the new Thái Nguyên's", () => {
  it("gives every commune, district and province a full coverage; the new Thái Nguyên (19), 37 of 92, publishes no total", async () => {
    const coverage = await rows<{ n: number; full: number; villages: number }>(
      `SELECT COUNT(*) AS n, SUM(CASE WHEN "coverageReported" = "coverageExpected" THEN 1 ELSE 0 END) AS full,
       SUM(CASE WHEN "coverageExpected" IS NULL THEN 1 ELSE 0 END) AS villages FROM "PubUnitYear" WHERE "unitCode" <> '19'`,
    );
    expect(coverage[0]!.full).toBeGreaterThan(600);
    expect(coverage[0]!.full + coverage[0]!.villages).toBe(coverage[0]!.n);
    // The province of 1 July 2025 joined Bắc Kạn (reviewed in the demo) and the old Thái Nguyên (no review data): its
    // figures in every year would cover part of it, so it publishes none, and says how many communes reported.
    expect(await rows(`SELECT "year", "coverageReported" AS r, "coverageExpected" AS e FROM "PubUnitYear" WHERE "unitCode" = '19' ORDER BY "year"`))
      .toEqual([2021, 2022, 2023, 2024, 2025].map((year) => ({ year, r: 37, e: 92 })));
    expect(await value(`SELECT COUNT(*) FROM "PubCell" WHERE "status" = 'NOT_AVAILABLE' AND "unitCode" <> '19'`)).toBe(0);
    expect(await value(`SELECT COUNT(*) FROM "PubCell" WHERE "status" <> 'NOT_AVAILABLE' AND "unitCode" = '19'`)).toBe(0);
    expect(await value(`SELECT "coverageExpected" FROM "PubUnitYear" WHERE "unitCode" = '01990' AND "year" = 2023`)).toBe(11);
  });
});

describe("officially reported figures", () => {
  it("are published as their sources give them, with the source, beside (never inside) the computed counts", async () => {
    expect(await value(`SELECT COUNT(*) FROM "PubOfficialFigure"`)).toBe(72);
    const figure = (unit: string, year: number) => rows<{ poorRate: number; url: string; quality: string }>(
      `SELECT f."poorRate", s."url", f."quality" FROM "PubOfficialFigure" f JOIN "PubSource" s ON s."id" = f."sourceId" AND s."releaseId" = f."releaseId"
       WHERE f."unitCode" = ? AND f."year" = ?`, [unit, year]);
    expect(await figure("64", 2023)).toEqual([{ poorRate: 8.11, url: expect.stringContaining("baogialai.com.vn"), quality: "REPORTED" }]);
    expect(await figure("06", 2021)).toEqual([{ poorRate: 26.93, url: expect.stringContaining("backan.gov.vn"), quality: "REPORTED" }]);
    expect(await figure("VN", 2022)).toEqual([{ poorRate: 4.03, url: expect.stringMatching(/^https:/), quality: "REPORTED" }]);
    // Gia Lai is outside the demo's household review: nothing is computed for it.
    expect(await value(`SELECT COUNT(*) FROM "PubCell" WHERE "unitCode" = '64'`)).toBe(0);
  });
});

describe("disclosure control holds on the published cells", () => {
  it("publishes no sensitive count between 1 and k−1", async () => {
    const found = await rows(
      `SELECT "unitCode", "year", "measure", "value" FROM "PubCell" WHERE "status" = 'PUBLISHED' AND "measure" != 'households' AND "value" BETWEEN 1 AND ?`,
      [K - 1],
    );
    expect(found).toEqual([]);
  });

  it("publishes no count that nearly all households of the unit share (n − c < k)", async () => {
    const found = await rows(
      `SELECT c."unitCode", c."year", c."measure", c."value", h."value" AS n FROM "PubCell" c
       JOIN "PubCell" h ON h."releaseId" = c."releaseId" AND h."unitCode" = c."unitCode" AND h."year" = c."year" AND h."measure" = 'households'
       WHERE c."status" = 'PUBLISHED' AND c."measure" NOT IN ('households', 'projectParticipants') AND c."value" >= 1 AND h."value" - c."value" < ?`,
      [K],
    );
    expect(found).toEqual([]);
  });

  it("never publishes a suppressed figure as a number", async () => {
    expect(await value(`SELECT COUNT(*) FROM "PubCell" WHERE "status" != 'PUBLISHED' AND "value" IS NOT NULL`)).toBe(0);
  });

  it("records a passing gate for every table", async () => {
    const [release] = await rows<{ gateReport: string }>(`SELECT "gateReport" FROM "Release"`);
    const tables = JSON.parse(release!.gateReport) as { table: string; ok: boolean; parts: number }[];
    expect(tables.length).toBeGreaterThan(10);
    expect(tables.every((t) => t.ok)).toBe(true);
    // One line per table, summed over the parts it was protected in (per province and group of years).
    expect(new Set(tables.map((t) => t.table)).size).toBe(tables.length);
    expect(tables.every((t) => t.parts >= 1)).toBe(true);
  });
});

describe("the demo is calibrated to the published figures", () => {
  const rate = async (unit: string, year: number, measure: string) => {
    const [row] = await rows<{ c: number; n: number }>(
      `SELECT c."value" AS c, h."value" AS n FROM "PubCell" c JOIN "PubCell" h ON h."releaseId" = c."releaseId" AND h."unitCode" = c."unitCode"
       AND h."year" = c."year" AND h."measure" = 'households' WHERE c."unitCode" = ? AND c."year" = ? AND c."measure" = ? AND c."status" = 'PUBLISHED'`,
      [unit, year, measure],
    );
    return row ? (100 * row.c) / row.n : undefined;
  };

  it("gives Lục Bình 13.6 % poor at the 2022 review and 8.9 % at the 2023 review", async () => {
    expect((await rate("01990", 2022, "poor"))?.toFixed(1)).toBe("13.6");
    expect((await rate("01990", 2023, "poor"))?.toFixed(1)).toBe("8.9");
  });

  it("gives Bắc Kạn 26.93 % poor and 9.74 % near-poor at the 2021 review", async () => {
    expect((await rate("06", 2021, "poor"))?.toFixed(2)).toBe("26.93");
    expect((await rate("06", 2021, "nearPoor"))?.toFixed(2)).toBe("9.74");
  });

  it("labels every demo figure synthetic (the households are made up, even where the rate matches a source)", async () => {
    expect(await value(`SELECT COUNT(*) FROM "PubUnitYear" WHERE NOT "synthetic"`)).toBe(0);
    const cited = await value<string>(`SELECT "sourceIds" FROM "PubUnitYear" WHERE "unitCode" = '01990' AND "year" = 2023`);
    expect(JSON.parse(cited)).toContain("baobackan-2023-luc-binh");
  });

  it("publishes the goat project's 20 households and 500,000,000 VND", async () => {
    const [goat] = await rows<{ householdsValue: number; budgetVnd: bigint | number }>(`SELECT * FROM "PubProject" WHERE "name" LIKE '%dê%'`);
    expect(goat!.householdsValue).toBe(20);
    expect(Number(goat!.budgetVnd)).toBe(500_000_000);
  });
});

describe("releases are immutable and consistent over time", () => {
  it("keeps every earlier decision in a second release, and leaves the first one untouched", async () => {
    const before = await rows<{ id: string; checksum: string }>(`SELECT "id", "checksum" FROM "Release"`);
    demo.cli("publish", "--note", "Second release for the history test");
    const releases = await rows<{ id: string; checksum: string; supersedes: string }>(`SELECT "id", "checksum", "supersedes" FROM "Release" ORDER BY "seq"`);
    expect(releases).toHaveLength(2);
    expect(releases[0]).toMatchObject(before[0]!);
    expect(releases[1]!.supersedes).toBe(before[0]!.id);
    const changed = await rows(
      `SELECT a."unitCode", a."year", a."measure", a."status" AS was, b."status" AS now FROM "PubCell" a JOIN "PubCell" b
       ON b."unitCode" = a."unitCode" AND b."year" = a."year" AND b."measure" = a."measure"
       WHERE a."releaseId" = ? AND b."releaseId" = ? AND a."status" != b."status"`,
      [releases[0]!.id, releases[1]!.id],
    );
    expect(changed).toEqual([]);
  });
});

describe("a real review of three villages in a new year", () => {
  const VILLAGES = ["01990-01", "01990-02", "01990-03"]; // of xã Phủ Thông (01969) since the 2025 reform
  let next: DemoRelease;
  const unitYear = (unit: string, year: number) =>
    queryStore<{ synthetic: number; coverageReported: number | null; coverageExpected: number | null }>(
      next.publicUrl, `SELECT "synthetic", "coverageReported", "coverageExpected" FROM "PubUnitYear" WHERE "unitCode" = ? AND "year" = ?`, [unit, year],
    ).then((r) => r[0]);

  beforeAll(async () => {
    next = await buildDemoRelease("minhbach-e2e-2026-");
    // Their 2025 households, imported as the 2026 review without --synthetic (as a commune officer would).
    const lines = fs.readFileSync(path.join(next.dir, "demo", "households-2025.csv"), "utf8").split("\n");
    const picked = lines.filter((l, i) => i === 0 || VILLAGES.some((v) => l.split(",")[1] === v));
    const file = path.join(next.dir, "households-2026.csv");
    fs.writeFileSync(file, picked.join("\n") + "\n");
    // No HOUSEHOLD_KEY_SECRET: the CLI takes the key `demo` generated into the data folder, so households match.
    next.cli("import", "households", file, "--year", "2026");
    next.cli("publish", "--note", "2026 review of three villages");
  }, 600_000);
  afterAll(async () => next?.drop());

  it("publishes the villages' figures, not labelled synthetic", async () => {
    for (const v of VILLAGES) {
      expect((await unitYear(v, 2026))!.synthetic).toBe(0);
      const households = await queryStore<{ status: string; value: number }>(next.publicUrl,
        `SELECT c."status", c."value" FROM "PubCell" c JOIN "Release" r ON r."id" = c."releaseId" WHERE r."seq" = 2 AND c."unitCode" = ? AND c."year" = 2026 AND c."measure" = 'households'`, [v]);
      expect(households[0]).toMatchObject({ status: "PUBLISHED" });
      expect(households[0]!.value).toBeGreaterThan(0);
    }
  });

  it("publishes nothing as if complete for their commune and province: NOT_AVAILABLE, with coverage", async () => {
    const commune = await unitYear("01969", 2026);
    expect(commune).toMatchObject({ synthetic: 0, coverageReported: 3, coverageExpected: (await unitYear("01969", 2025))!.coverageExpected });
    const province = await unitYear("19", 2026);
    expect(province).toMatchObject({ synthetic: 0, coverageReported: 0, coverageExpected: (await unitYear("19", 2025))!.coverageExpected });
    const cells = await queryStore<{ unitCode: string; status: string; value: number | null }>(next.publicUrl,
      `SELECT c."unitCode", c."status", c."value" FROM "PubCell" c JOIN "Release" r ON r."id" = c."releaseId"
       WHERE r."seq" = 2 AND c."year" = 2026 AND c."unitCode" IN ('01969', '19')`);
    expect(cells.length).toBeGreaterThan(20);
    expect(cells.filter((c) => c.status !== "NOT_AVAILABLE" || c.value !== null)).toEqual([]);
  });

  it("keeps the earlier years complete and the release labelled synthetic (the demo's figures are)", async () => {
    const earlier = await queryStore(next.publicUrl,
      `SELECT c."unitCode" FROM "PubCell" c JOIN "Release" r ON r."id" = c."releaseId" WHERE r."seq" = 2 AND c."year" < 2026 AND c."status" = 'NOT_AVAILABLE' AND c."unitCode" <> '19'`);
    expect(earlier).toEqual([]);
    expect(await queryValue(next.publicUrl, `SELECT "synthetic" FROM "Release" WHERE "seq" = 2`)).toBe(1);
  });
});
