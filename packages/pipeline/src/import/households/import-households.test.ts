import { afterEach, describe, expect, it } from "vitest";
import { queryStore, queryValue } from "@minhbach/db/test-query.ts";
import { ImportError } from "../shared/problems.js";
import { tempDir, writeCsv, writeXlsx } from "../shared/test-files.js";
import { importHouseholds as importOn, type ImportHouseholdsOptions } from "./import-households.js";
import { HEADER, SECRET, dropHouseholdStores, household, seededStores } from "./test-fixtures.js";

afterEach(dropHouseholdStores);

// Every scenario runs on both paths: the file read and checked on this thread, and on the check worker.
describe.each([false, true])("household import (check worker: %s)", (worker) => {
  const importHouseholds = (opts: ImportHouseholdsOptions) => importOn({ ...opts, worker });

  async function store(): Promise<string> {
    return (await seededStores()).privateUrl;
  }

  async function refused(opts: ImportHouseholdsOptions): Promise<ImportError> {
    const err = await importHouseholds(opts).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(await queryValue(opts.privateUrl, `SELECT COUNT(*) FROM "HouseholdRecord"`)).toBe(0);
    expect(await queryValue(opts.privateUrl, `SELECT COUNT(*) FROM "ImportBatch"`)).toBe(0);
    return err as ImportError;
  }

  describe("household import: good files", () => {
    it("imports a CSV: records, classes, an ImportBatch with sha256 and summary", async () => {
      const privateUrl = await store();
      const file = writeCsv(tempDir(), "ho.csv", [
        HEADER,
        household("H1"),
        household("H2", { village_code: "01990-02", review_category: "cận nghèo", lacks_latrine: "" }),
        household("H3", { village_code: "01993-01", area: "thành thị", income_per_person_month: "2.500.000", review_category: "không nghèo" }),
      ]);
      const s = await importHouseholds({ privateUrl, file, year: 2024, secret: SECRET });
      expect(s).toMatchObject({ rows: 3, year: 2024, standard: "ND07-2021", file: "ho.csv" });
      expect(s.totals.after).toEqual({ households: 3, POOR: 1, NEAR_POOR: 1, NOT_POOR: 1 });
      expect(s.communes.map((c) => [c.commune, c.added])).toEqual([["01990", 2], ["01993", 1]]);
      expect(s.classMismatches.count).toBe(0);
      const [batch] = await queryStore<{ kind: string; sha256: string; rows: number; summary: string; year: number }>(privateUrl, `SELECT * FROM "ImportBatch"`);
      expect(batch!).toMatchObject({ kind: "HOUSEHOLDS", rows: 3, year: 2024 });
      expect(batch!.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.parse(batch!.summary).totals.after.households).toBe(3);
      const [h1] = await queryStore(privateUrl, `SELECT * FROM "HouseholdRecord" WHERE "size" = 4 AND "villageCode" = '01990-01'`);
      expect(h1).toMatchObject({ urban: 0, incomePerMonth: 1_200_000, deprivations: 0b1000000101, reviewCategory: "POOR", ethnicMinority: 0 });
    });

    it("imports the same rows from an XLSX file", async () => {
      const privateUrl = await store();
      const file = await writeXlsx(tempDir(), "ho.xlsx", [{ name: "Hộ", rows: [HEADER, household("H1"), household("H2", { size: 2, income_per_person_month: 900000 })] }]);
      const s = await importHouseholds({ privateUrl, file, year: 2025, secret: SECRET });
      expect(s.totals.after).toEqual({ households: 2, POOR: 2, NEAR_POOR: 0, NOT_POOR: 0 });
    });

    it("warns (does not refuse) when the recorded category disagrees with the standard", async () => {
      const privateUrl = await store();
      const file = writeCsv(tempDir(), "ho.csv", [
        HEADER,
        household("H1", { income_per_person_month: 1_500_001 }), // recorded nghèo, income above the line
        household("H2", { review_category: "thoát nghèo", lacks_latrine: "" }), // escaped poverty, now near-poor: consistent
      ]);
      const s = await importHouseholds({ privateUrl, file, year: 2024, secret: SECRET });
      expect(s.classMismatches).toEqual({ count: 1, examples: [{ row: 2, recorded: "nghèo", computed: "NOT_POOR" }] });
    });
  });

  describe("household import: every problem is reported with file, row and column, and nothing is stored", () => {
    const cases: [string, Parameters<typeof household>[1], string, RegExp][] = [
      ["unknown village", { village_code: "99999-01" }, "Mã thôn", /unknown village code/],
      ["village not valid in the year", { village_code: "01990-09" }, "Mã thôn", /did not exist at the 2024 review/],
      ["area", { area: "miền núi" }, "Khu vực", /nông thôn/],
      ["size 0", { size: 0 }, "Số nhân khẩu", /1 to 50/],
      ["size 51", { size: 51 }, "Số nhân khẩu", /1 to 50/],
      ["size not a number", { size: "4.5" }, "Số nhân khẩu", /whole number/],
      ["income too high", { income_per_person_month: 1_000_000_001 }, "Thu nhập bình quân (đồng/người/tháng)", /0 to 1,000,000,000/],
      ["income not a number", { income_per_person_month: "abc" }, "Thu nhập bình quân (đồng/người/tháng)", /number of VND/],
      ["A score only", { income_per_person_month: "", a_score: 120 }, "Thu nhập bình quân (đồng/người/tháng)", /A-score thresholds are not available/],
      ["A score out of range", { a_score: 1001 }, "Điểm A", /0 to 1000/],
      ["flag", { ethnic_minority: "2" }, "Dân tộc thiểu số", /1\/0, x\/blank or có\/không/],
      ["indicator flag", { lacks_housing_area: "yes please" }, "Thiếu hụt: Diện tích nhà ở bình quân đầu người", /có\/không/],
      ["review category", { review_category: "khá giả" }, "Phân loại", /unknown review category/],
      ["empty household id", { household_id: "" }, "Mã hộ", /required/],
    ];
    it.each(cases)("%s", async (_name, fields, column, reason) => {
      const privateUrl = await store();
      const file = writeCsv(tempDir(), "ho.csv", [HEADER, household("H1"), household("H2", fields)]);
      const err = await refused({ privateUrl, file, year: 2024, secret: SECRET });
      expect(err.problems).toEqual([expect.objectContaining({ file, row: 3, column })]);
      expect(err.problems[0]!.reason).toMatch(reason);
    });

    it("reports both rows of a duplicate household id (ids compared without case or extra spaces)", async () => {
      const privateUrl = await store();
      const file = writeCsv(tempDir(), "ho.csv", [HEADER, household("H 1"), household("H2"), household(" h  1 ")]);
      const err = await refused({ privateUrl, file, year: 2024, secret: SECRET });
      expect(err.problems).toEqual([expect.objectContaining({ row: 4, column: "Mã hộ", reason: expect.stringContaining("rows 2 and 4") })]);
    });

    it("collects all problems of all rows, capped with a count", async () => {
      const privateUrl = await store();
      const rows = [HEADER, ...Array.from({ length: 1200 }, (_, i) => household(`H${i}`, { size: 0 }))];
      const err = await refused({ privateUrl, file: writeCsv(tempDir(), "ho.csv", rows), year: 2024, secret: SECRET });
      expect(err.problems).toHaveLength(1000);
      expect(err.total).toBe(1200);
      expect(err.message).toMatch(/1200 problem\(s\)[\s\S]*… and 1180 more/);
    });

    it("refuses a year without a standard, and a missing or short secret", async () => {
      const privateUrl = await store();
      const file = writeCsv(tempDir(), "ho.csv", [HEADER, household("H1")]);
      expect((await refused({ privateUrl, file, year: 2031, secret: SECRET })).message).toMatch(/No poverty standard covers review year 2031/);
      await expect(importHouseholds({ privateUrl, file, year: 2024, secret: undefined })).rejects.toThrow(/HOUSEHOLD_KEY_SECRET is not set/);
      await expect(importHouseholds({ privateUrl, file, year: 2024, secret: "short" })).rejects.toThrow(/too short/);
    });

    it("refuses formula cells and personal columns through the shared reader", async () => {
      const privateUrl = await store();
      const dir = tempDir();
      const formula = writeCsv(dir, "f.csv", [HEADER, household("H1", { review_category: "=HYPERLINK(\"http://x\")" })]);
      expect((await refused({ privateUrl, file: formula, year: 2024, secret: SECRET })).problems).toEqual([
        expect.objectContaining({ row: 2, column: "Phân loại", reason: expect.stringMatching(/formula/) }),
      ]);
      const personal = writeCsv(dir, "p.csv", [[...HEADER, "Họ tên chủ hộ"], [...household("H1"), "Nguyễn Văn A"]]);
      expect((await refused({ privateUrl, file: personal, year: 2024, secret: SECRET })).message).toMatch(/Họ tên chủ hộ.*--drop-personal-columns/);
    });
  });
});
