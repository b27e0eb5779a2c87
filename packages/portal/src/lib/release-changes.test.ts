/** What changed between two releases (pure), and the Atom feed's entry text. */
import { describe, expect, it } from "vitest";
import type { Fig, KeyYear, ReleaseData } from "../data/model.js";
import { ChangeCollector, LIMITS, changesUrl, previousRelease } from "./release-changes.js";
import { entrySummary, escapeXml, feedXml, releaseTag } from "./feed.js";

const P = (value: number): Fig => ({ value, status: "PUBLISHED" });
const S: Fig = { value: null, status: "SUPPRESSED" };
const N: Fig = { value: null, status: "NOT_AVAILABLE" };

function year(y: number, poor: Fig, nearPoor: Fig = P(50), households = 1000): KeyYear {
  const rate = (f: Fig): Fig => (f.status === "PUBLISHED" ? P(Math.round((1000 * f.value!) / households) / 10) : f);
  return { year: y, standardId: "ND07-2021", coverage: null, households: P(households), poor, nearPoor, poorRate: rate(poor), nearPoorRate: rate(nearPoor) };
}

function release(id: string, seq: number, years: number[], extra: Partial<ReleaseData> = {}): ReleaseData {
  return { id, seq, title: `R ${id}`, createdAt: `2026-0${seq}-01T00:00:00.000Z`, checksum: "x", changeNote: null, supersedes: null,
    synthetic: false, disclosureK: 5, years, latest: false, ...extra };
}

const r1 = release("2026.1", 1, [2023, 2024]);
const r2 = release("2026.2", 2, [2023, 2024, 2025], { changeNote: "Sửa Vi Hương 2024" });

describe("ChangeCollector", () => {
  it("ranks moved unit-years by the largest count change, then rate change, and counts corrections per year", () => {
    const c = new ChangeCollector(r1, r2);
    c.add("A", [year(2023, P(10)), year(2024, P(62))], [year(2023, P(10)), year(2024, P(98)), year(2025, P(40))]);
    c.add("B", [year(2024, P(100))], [year(2024, P(105))]);
    c.add("C", [year(2024, P(7), P(50), 100)], [year(2024, P(7), P(50), 90)]); // households only: rates move, counts do not
    const out = c.result();
    expect(out.moved.map((m) => m.code)).toEqual(["A", "B", "C"]);
    expect(out.moved[0]).toEqual({ code: "A", year: 2024, figures: { poor: [62, 98], poorRate: [6.2, 9.8] } });
    expect(out.moved[2]?.figures).toEqual({ poorRate: [7, 7.8], nearPoorRate: [50, 55.6] });
    expect(out.figuresMoved).toBe(6);
    expect(out.corrections).toEqual([{ year: 2024, unitYears: 3, figures: 6 }]);
    expect(out.newYears).toEqual([2025]);
  });

  it("lists newly hidden and newly published figures, and new units, never a hidden value", () => {
    const c = new ChangeCollector(r1, r2);
    c.add("A", [year(2024, P(6))], [year(2024, S)]);
    c.add("B", [year(2024, S), year(2023, N)], [year(2024, P(9)), year(2023, P(4))]);
    c.add("NEW", undefined, [year(2025, P(3))]);
    c.add("GONE", [year(2024, P(3))], undefined);
    const out = c.result();
    expect(out.newlyHidden).toEqual({ total: 1, rows: [{ code: "A", year: 2024, measures: ["poor", "poorRate"] }] });
    expect(out.newlyPublished.rows).toEqual([{ code: "B", year: 2024, measures: ["poor", "poorRate"] }, { code: "B", year: 2023, measures: ["poor", "poorRate"] }]);
    expect(out.newUnits).toEqual({ total: 1, codes: ["NEW"] });
    expect(out.moved).toEqual([]);
    expect(JSON.stringify(out)).not.toContain("\"value\"");
  });

  it("keeps only the top rows however many moved", () => {
    const c = new ChangeCollector(r1, r2);
    for (let i = 0; i < 3000; i++) c.add(`U${i}`, [year(2024, P(100))], [year(2024, P(100 + (i % 997)))]);
    const out = c.result();
    expect(out.moved).toHaveLength(LIMITS.moved);
    expect(out.moved[0]?.figures.poor).toEqual([100, 1096]);
    expect(out.corrections[0]?.unitYears).toBe(3000 - 4); // i % 997 === 0 moves nothing
  });
});

describe("previousRelease", () => {
  it("prefers the release superseded, else the one published just before", () => {
    const r3 = release("2027.1", 3, [2025]);
    expect(previousRelease([r1, r2, r3], r3)?.id).toBe("2026.2");
    expect(previousRelease([r1, r2, r3], { ...r3, supersedes: "2026.1" })?.id).toBe("2026.1");
    expect(previousRelease([r1, r2, r3], r1)).toBeUndefined();
  });
});

describe("feed", () => {
  const changes = (() => { const c = new ChangeCollector(r1, r2); c.add("A", [year(2024, P(62))], [year(2024, P(98))]); return c.result(); })();

  it("says the change note and how many figures moved", () => {
    expect(entrySummary(r2, changes, "VI")).toBe("Sửa Vi Hương 2024. 2 số liệu đã công bố thay đổi so với bản 2026.1.");
    expect(entrySummary(r2, changes, "EN")).toBe("Sửa Vi Hương 2024. 2 published figures changed since release 2026.1.");
    expect(entrySummary(r1, undefined, "EN")).toBe("First release.");
  });

  it("gives each release a tag: id, newest first, links to its changes page, escaped", () => {
    expect(releaseTag("https://minhbach.example", r2)).toBe("tag:minhbach.example,2026-02-01:release/2026.2");
    const xml = feedXml([r1, { ...r2, title: "A & <B>" }], (id) => (id === "2026.2" ? changes : undefined), "EN", "https://minhbach.example");
    expect(xml.indexOf("release/2026.2")).toBeLessThan(xml.indexOf("release/2026.1"));
    expect(xml).toContain(`href="https://minhbach.example${changesUrl("EN", "2026.2")}"`);
    expect(xml).toContain(`href="https://minhbach.example/en/downloads/"`);
    expect(xml).toContain("A &amp; &lt;B&gt;");
    expect(escapeXml(`"'`)).toBe("&quot;&apos;");
  });
});
