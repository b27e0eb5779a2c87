import { describe, expect, it } from "vitest";
import { CsvSplitter, CsvSyntaxError, type SplitRecord } from "./csv-split.js";

function split(text: string, chunkSize = text.length, delimiter = ","): SplitRecord[] {
  const s = new CsvSplitter(delimiter);
  const out: SplitRecord[] = [];
  for (let i = 0; i < text.length; i += chunkSize) s.push(text.slice(i, i + chunkSize), out);
  s.end(out);
  return out;
}

describe("CSV splitter", () => {
  it("splits plain lines, CRLF and a last line without newline, skipping blank lines", () => {
    expect(split("a,b\r\n\r\n1,2\n3,")).toEqual([{ line: 1, cells: ["a", "b"] }, { line: 3, cells: ["1", "2"] }, { line: 4, cells: ["3", ""] }]);
  });

  it("handles quoted separators, doubled quotes and line breaks inside quotes, whatever the chunking", () => {
    const text = 'a,"b,c","say ""hi"""\n"multi\r\nline",x\nlast,"q"\n';
    const expected = [
      { line: 1, cells: ["a", "b,c", 'say "hi"'] },
      { line: 2, cells: ["multi\nline", "x"] },
      { line: 4, cells: ["last", "q"] },
    ];
    for (const size of [1, 3, 7, text.length]) expect(split(text, size)).toEqual(expected);
  });

  it("keeps quotes inside unquoted cells and text after a closing quote (relaxed, like Excel)", () => {
    expect(split('=HYPERLINK("x"),b\n"a"b,c\n')).toEqual([{ line: 1, cells: ['=HYPERLINK("x")', "b"] }, { line: 2, cells: ["ab", "c"] }]);
  });

  it("uses the given delimiter", () => {
    expect(split("a;b\t;c\n", undefined, ";")[0]!.cells).toEqual(["a", "b\t", "c"]);
  });

  it("reports a quote never closed, with its line", () => {
    expect(() => split('a,b\n"open,x\ny\n')).toThrow(CsvSyntaxError);
    try {
      split('a,b\n"open,x\ny\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(2);
    }
  });
});
