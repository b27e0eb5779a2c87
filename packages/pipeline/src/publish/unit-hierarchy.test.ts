import { describe, expect, it } from "vitest";
import { UnitHierarchy } from "./unit-hierarchy.js";

const d = (s: string) => new Date(s + "T00:00:00Z");
const REFORM = d("2025-07-01");
const BEFORE = d("2025-06-30");

/** Bạch Thông fragment: Lục Bình and TT Phủ Thông merge into the new xã Phủ Thông (01969) on 2025-07-01. */
function phuThong(): UnitHierarchy {
  return new UnitHierarchy(
    [
      { code: "06", level: "PROVINCE", validFrom: null, validTo: BEFORE },
      { code: "19", level: "PROVINCE", validFrom: REFORM, validTo: null },
      { code: "063", level: "DISTRICT", validFrom: null, validTo: BEFORE },
      { code: "01990", level: "COMMUNE", validFrom: null, validTo: BEFORE },
      { code: "01969.2025", level: "COMMUNE", validFrom: null, validTo: BEFORE },
      { code: "01969", level: "COMMUNE", validFrom: REFORM, validTo: null },
      { code: "01990-01", level: "VILLAGE", validFrom: null, validTo: null },
      { code: "01969.2025-01", level: "VILLAGE", validFrom: null, validTo: null },
    ],
    [
      { unitCode: "063", parentCode: "06", validFrom: d("2000-01-01"), validTo: BEFORE },
      { unitCode: "01990", parentCode: "063", validFrom: d("2000-01-01"), validTo: BEFORE },
      { unitCode: "01969.2025", parentCode: "063", validFrom: d("2000-01-01"), validTo: BEFORE },
      { unitCode: "01969", parentCode: "19", validFrom: REFORM, validTo: null },
      { unitCode: "01990-01", parentCode: "01990", validFrom: d("2000-01-01"), validTo: BEFORE },
      { unitCode: "01990-01", parentCode: "01969", validFrom: REFORM, validTo: null },
      { unitCode: "01969.2025-01", parentCode: "01969.2025", validFrom: d("2000-01-01"), validTo: BEFORE },
      { unitCode: "01969.2025-01", parentCode: "01969", validFrom: REFORM, validTo: null },
    ],
  );
}

describe("unit hierarchy across the 2025 reform", () => {
  it("puts a village under its old commune, district and province before the reform, and rebuilds today's units", () => {
    const groups = phuThong().groupsOfVillage("01990-01", 2023);
    expect(groups).toEqual([
      { unit: "01990", rebuilt: false },
      { unit: "063", rebuilt: false },
      { unit: "06", rebuilt: false },
      { unit: "01969", rebuilt: true },
      { unit: "19", rebuilt: true },
    ]);
  });

  it("puts a village only under the new units at the 2025 review", () => {
    expect(phuThong().groupsOfVillage("01990-01", 2025)).toEqual([
      { unit: "01969", rebuilt: false },
      { unit: "19", rebuilt: false },
    ]);
  });

  it("rebuilds the new commune's earlier years exactly from the villages it holds today", () => {
    const g = phuThong().groupingsForYear(2024, ["01990-01", "01969.2025-01"]);
    const newCommune = g.find((x) => x.unit === "01969")!;
    expect(newCommune.villages.sort()).toEqual(["01969.2025-01", "01990-01"]);
    expect(newCommune.rebuilt).toBe(true);
    expect(g.find((x) => x.unit === "01990")!.villages).toEqual(["01990-01"]);
  });
});
