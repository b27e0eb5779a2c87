/**
 * Issue #16: hidden figures look alike everywhere. Every SUPPRESSED figure of a GraphQL answer (several units, every
 * kind of figure) carries the identical note per language and a null reason, and neither the answers nor the CSV
 * exports name a rule. Why a walk over whole answers: a new field that leaks a reason must fail here without a new test.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./test-app.js";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

const NOTES = { VI: "Ẩn để bảo vệ hộ gia đình (quy tắc công bố tối thiểu 5 hộ)", EN: "Hidden to protect households (minimum 5 households rule)" };
const RULE_WORDS = /PRIMARY|SECONDARY|HISTORY|SMALL_UNIT|fewer than|ít hơn/i;
const M = "{ value status reason note }";
const FIGURES = `poverty { year households ${M} poor ${M} nearPoor ${M} poorRate ${M} nearPoorRate ${M} newlyPoor ${M} rePoor ${M} escapedPoor ${M}
  newlyNearPoor ${M} escapedNearPoor ${M} projectParticipants ${M} deprivations { households ${M} share ${M} } }
  credit { loanTurns ${M} } jobs { domestic ${M} abroad ${M} } projects(first: 5) { nodes { households ${M} } }`;

interface Found { value: unknown; status: string; reason: unknown; note: string | null }

/** Every Measure-shaped object in an answer. */
function measures(node: unknown, out: Found[] = []): Found[] {
  if (Array.isArray(node)) for (const x of node) measures(x, out);
  else if (node && typeof node === "object") {
    if ("status" in node && "note" in node) out.push(node as Found);
    else for (const v of Object.values(node)) measures(v, out);
  }
  return out;
}

describe("hidden figures look alike", () => {
  for (const lang of ["VI", "EN"] as const) {
    it(`gives every hidden figure of every unit, in every release, the same note (${lang}) and no reason`, async () => {
      for (const release of ["2026.2", "2026.1"]) {
        const { body } = await app.gql(`{ units(first: 20, release: "${release}") { nodes { code ${FIGURES} } } }`, undefined,
          { headers: { "accept-language": lang.toLowerCase() } });
        expect(body.errors).toBeUndefined();
        const all = measures(body.data);
        const hidden = all.filter((m) => m.status === "SUPPRESSED");
        expect(hidden.length).toBeGreaterThanOrEqual(10); // counts and rates of Pác Chang 2023/2024, Phủ Thông 2024, the small project
        for (const m of hidden) expect(m).toEqual({ value: null, status: "SUPPRESSED", reason: null, note: NOTES[lang] });
        for (const m of all) expect(m.reason).toBeNull();
        expect(JSON.stringify(body.data)).not.toMatch(RULE_WORDS);
      }
    });
  }

  it("exports hidden figures in CSV as empty SUPPRESSED cells and never names a rule", async () => {
    for (const path of ["units.csv", "units.csv?lang=EN", "units.csv?level=VILLAGE&release=2026.1", "projects.csv"]) {
      const text = await (await fetch(`${app.url}/export/${path}`)).text();
      expect(text).not.toMatch(RULE_WORDS);
      const [head, ...lines] = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
      const cols = head!.split(",");
      expect(cols.some((c) => /reason/i.test(c))).toBe(false);
      let hidden = 0;
      for (const line of lines) {
        const row = line.split(",");
        cols.forEach((c, i) => {
          if (!c.endsWith("_status")) return;
          expect(["PUBLISHED", "SUPPRESSED", "NOT_AVAILABLE"]).toContain(row[i]);
          if (row[i] !== "PUBLISHED") { expect(row[cols.indexOf(c.slice(0, -"_status".length))]).toBe(""); hidden += row[i] === "SUPPRESSED" ? 1 : 0; }
        });
      }
      expect(hidden, path).toBeGreaterThan(0);
    }
  });
});
