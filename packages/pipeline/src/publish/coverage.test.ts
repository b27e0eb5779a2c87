/**
 * Coverage across the 2025 reform: the old commune counts its villages of that review, the district and province
 * count communes (complete only when all their villages reported), and a unit rebuilt from today's villages counts
 * today's communes. A village that did not exist at a review is not expected then.
 */
import { describe, expect, it } from "vitest";
import { unitCoverage } from "./coverage.js";
import { UnitHierarchy } from "./unit-hierarchy.js";

const d = (s: string) => new Date(s + "T00:00:00Z");
const REFORM = d("2025-07-01");
const BEFORE = d("2025-06-30");
const SINCE = d("2000-01-01");

/** Lục Bình (2 villages) and Phủ Thông (1) in district 063 of province 06 merge into xã 01969 of province 19. A third
 *  village of Lục Bình is founded in 2024. */
function reform(): UnitHierarchy {
  const villages = ["01990-01", "01990-02", "01990-03", "01969.2025-01"];
  return new UnitHierarchy(
    [
      { code: "06", level: "PROVINCE", validFrom: null, validTo: BEFORE },
      { code: "19", level: "PROVINCE", validFrom: REFORM, validTo: null },
      { code: "063", level: "DISTRICT", validFrom: null, validTo: BEFORE },
      { code: "01990", level: "COMMUNE", validFrom: null, validTo: BEFORE },
      { code: "01969.2025", level: "COMMUNE", validFrom: null, validTo: BEFORE },
      { code: "01969", level: "COMMUNE", validFrom: REFORM, validTo: null },
      ...villages.map((code) => ({ code, level: "VILLAGE" as const, validFrom: code === "01990-03" ? d("2024-03-01") : null, validTo: null })),
    ],
    [
      { unitCode: "063", parentCode: "06", validFrom: SINCE, validTo: BEFORE },
      { unitCode: "01990", parentCode: "063", validFrom: SINCE, validTo: BEFORE },
      { unitCode: "01969.2025", parentCode: "063", validFrom: SINCE, validTo: BEFORE },
      { unitCode: "01969", parentCode: "19", validFrom: REFORM, validTo: null },
      ...villages.flatMap((v) => [
        { unitCode: v, parentCode: v.startsWith("01990") ? "01990" : "01969.2025", validFrom: SINCE, validTo: BEFORE },
        { unitCode: v, parentCode: "01969", validFrom: REFORM, validTo: null },
      ]),
    ],
  );
}

describe("coverage of each unit-year", () => {
  it("counts villages of a commune and complete communes of a district or province, in the units of that review", () => {
    const reported = [{ village: "01990-01", year: 2023 }, { village: "01969.2025-01", year: 2023 }];
    const coverage = unitCoverage(reform(), [2023], reported);
    expect(coverage.get("01990|2023")).toEqual({ reported: 1, expected: 2 }); // 01990-03 did not exist yet
    expect(coverage.get("01969.2025|2023")).toEqual({ reported: 1, expected: 1 });
    expect(coverage.get("063|2023")).toEqual({ reported: 1, expected: 2 });
    expect(coverage.get("06|2023")).toEqual({ reported: 1, expected: 2 });
    // rebuilt from today's villages: xã 01969 holds all of them; province 19 counts today's commune, not complete
    expect(coverage.get("01969|2023")).toEqual({ reported: 2, expected: 3 });
    expect(coverage.get("19|2023")).toEqual({ reported: 0, expected: 1 });
    expect(coverage.has("01990-01|2023")).toBe(false); // villages report for themselves
  });

  it("follows the reform: after it, the old units are gone and the new commune expects every village", () => {
    const all = ["01990-01", "01990-02", "01990-03", "01969.2025-01"].map((village) => ({ village, year: 2025 }));
    const coverage = unitCoverage(reform(), [2024, 2025], all);
    expect(coverage.get("01969|2025")).toEqual({ reported: 4, expected: 4 });
    expect(coverage.get("19|2025")).toEqual({ reported: 1, expected: 1 });
    expect(coverage.has("01990|2025")).toBe(false);
    expect(coverage.get("01990|2024")).toEqual({ reported: 0, expected: 3 }); // nobody reported in 2024
  });
});
