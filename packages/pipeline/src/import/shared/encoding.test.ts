import { describe, expect, it } from "vitest";
import { HOUSEHOLD_COLUMNS } from "@minhbach/core/households/columns.ts";
import { guessLegacyEncoding, legacyFontMojibake } from "./encoding.js";
import { ImportError } from "./problems.js";
import { readTable } from "./table.js";
import { csvText, encodeText, tempDir, writeCsv, writeXlsx, type FileEncoding } from "./test-files.js";
import { decodeVni, encodeVni } from "./vni.js";
import { parseFlag, parseWholeNumber } from "./values.js";

const ROWS = [
  ["Mã hộ", "Mã thôn", "Khu vực", "Số nhân khẩu", "Phân loại", "Dân tộc thiểu số", "Thiếu hụt: Dinh dưỡng"],
  ["H1", "01990-03", "nông thôn", "4", "nghèo", "có", "1"],
  ["H2", "01990-03", "thành thị", "3", "cận nghèo", "không", "0"],
];

async function readError(file: string): Promise<ImportError | undefined> {
  try {
    for await (const _ of readTable(file, { columns: HOUSEHOLD_COLUMNS })) void _;
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  return undefined;
}

describe("encodings: legacy byte encodings in CSV are refused with the encoding named", () => {
  it.each([
    ["TCVN3", /TCVN3 \(ABC\).*UniKey/s],
    ["VNI", /looks like VNI.*UniKey/s],
    ["WINDOWS-1258", /Windows-1258.*iconv -f WINDOWS-1258/s],
  ] as [FileEncoding, RegExp][])("%s", async (encoding, message) => {
    const file = writeCsv(tempDir(), "ho.csv", ROWS, encoding);
    const err = await readError(file);
    expect(err?.problems).toHaveLength(1);
    expect(err!.problems[0]!.file).toBe(file);
    expect(err!.message).toMatch(message);
  });

  it("accepts UTF-8 with or without a BOM", async () => {
    for (const enc of ["UTF-8", "UTF-8-BOM"] as FileEncoding[]) {
      const file = writeCsv(tempDir(), "ho.csv", ROWS, enc);
      expect(await readError(file)).toBeUndefined();
    }
  });

  it("guesses each encoding from a small sample, and nothing from plain ASCII or random bytes", () => {
    const text = csvText(ROWS);
    expect(guessLegacyEncoding(encodeText(text, "TCVN3"))).toBe("TCVN3");
    expect(guessLegacyEncoding(encodeText(text, "VNI"))).toBe("VNI");
    expect(guessLegacyEncoding(encodeText(text, "WINDOWS-1258"))).toBe("WINDOWS-1258");
    expect(guessLegacyEncoding(Buffer.from("household_id,village_code\nH1,01990-03\n"))).toBeUndefined();
    expect(guessLegacyEncoding(Buffer.from([0xff, 0xfe, 0x80, 0x81, 0x9f, 0x90]))).toBeUndefined();
  });

  it("refuses UTF-16 and a file truncated inside a UTF-8 character", async () => {
    const dir = tempDir();
    const utf16 = writeCsv(dir, "u16.csv", []);
    const { writeFileSync } = await import("node:fs");
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvText(ROWS), "utf16le")]));
    expect((await readError(utf16))?.message).toMatch(/UTF-16/);
    const cut = writeCsv(dir, "cut.csv", []);
    const bytes = Buffer.from(csvText(ROWS) + "H3,01990-03,nông thôn,2,nghèo,1,ộ", "utf8");
    writeFileSync(cut, bytes.subarray(0, bytes.length - 1));
    expect((await readError(cut))?.message).toMatch(/truncated|not valid UTF-8/);
  });
});

describe("encodings: text typed with a legacy font (valid Unicode, wrong letters)", () => {
  const asFont = (s: string, enc: "TCVN3" | "VNI") => encodeText(s, enc).toString("latin1");

  it("detects TCVN3 and VNI mojibake in headers of an XLSX file", async () => {
    for (const enc of ["TCVN3", "VNI"] as const) {
      const file = await writeXlsx(tempDir(), "ho.xlsx", [{ name: "Sheet1", rows: ROWS.map((r) => r.map((c) => asFont(c, enc))) }]);
      const err = await readError(file);
      expect(err?.message).toMatch(new RegExp(`typed with a ${enc === "VNI" ? "VNI" : "TCVN3 \\(ABC\\)"} font`));
    }
  });

  it("detects it in data rows under a correct Unicode header", async () => {
    const rows = [ROWS[0]!, ROWS[1]!.map((c) => asFont(c, "TCVN3")), ROWS[2]!];
    const file = writeCsv(tempDir(), "ho.csv", rows);
    expect((await readError(file))?.problems[0]).toMatchObject({ row: 2 });
  });

  it("never flags correct Vietnamese whose letters are all Latin-1 (có, không, nông thôn)", () => {
    for (const s of ["có", "không", "nông thôn", "Mã hộ", "thành thị", "Hà Giang", "Bà Rịa", "José Müller"]) expect(legacyFontMojibake(s)).toBeUndefined();
  });
});

describe("VNI codec (hand-written: iconv-lite has none)", () => {
  it("round-trips every Vietnamese letter and matches the well-known spelling of Đường", () => {
    const all = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
    expect(decodeVni(encodeVni(all))).toBe(all);
    expect(decodeVni(encodeVni(all.toUpperCase()))).toBe(all.toUpperCase());
    expect(encodeVni("Đường").toString("latin1")).toBe("Ñöôøng");
  });
});

describe("cell values", () => {
  it.each([
    ["1", true], ["x", true], ["X", true], ["có", true], ["Có", true], ["0", false], ["", false], ["không", false], ["Không", false], ["2", undefined], ["maybe", undefined],
  ] as const)("flag %j → %j", (text, value) => expect(parseFlag(text)).toBe(value));

  it.each([
    ["1500000", 1_500_000], ["1.500.000", 1_500_000], ["1,500,000", 1_500_000], ["1 500 000", 1_500_000], ["1500000.6", 1_500_001],
    ["1234,4", 1234], ["1.500,000", undefined], ["1.50.000", undefined], ["-5", undefined], ["abc", undefined], ["", undefined],
  ] as const)("number %j → %j", (text, value) => expect(parseWholeNumber(text)).toBe(value));
});
