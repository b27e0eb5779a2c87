/**
 * Household id normalisation: ids written with other case or spacing are the same household, and the shortcut for
 * ids that are already normal ("HH-30733-01-0001") never changes what an id becomes.
 */
import { describe, expect, it } from "vitest";
import { householdKey, normaliseHouseholdId } from "./key.js";

/** The rule itself, written out in full. */
const byTheRule = (id: string) => id.normalize("NFC").trim().replace(/\s+/g, " ").toUpperCase();

describe("household id normalisation", () => {
  it("folds case, outer and repeated spaces, and Unicode forms", () => {
    expect(normaliseHouseholdId("HH-30733-01-0001")).toBe("HH-30733-01-0001");
    expect(normaliseHouseholdId(" h  001\t")).toBe("H 001");
    expect(normaliseHouseholdId("H\u00a0001")).toBe("H 001"); // no-break space
    expect(normaliseHouseholdId("ho\u0302\u0323-01")).toBe("HỘ-01"); // decomposed ộ
    expect(normaliseHouseholdId("straße")).toBe("STRASSE");
    const secret = "test-secret-0123456789";
    expect(householdKey(secret, " hh-001 ")).toBe(householdKey(secret, "HH-001"));
  });

  it("gives what the full rule gives for every id, shortcut or not", () => {
    let seed = 99;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
    const alphabet = [..."AZaz09-_/.~!@#$%^&*() \t\u00a0\u007f\u0080ĐđỆệß😀"];
    const ids = [...Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(rand() * 20) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(""))];
    for (let c = 0; c < 0x80; c++) ids.push(`A${String.fromCharCode(c)}B`, String.fromCharCode(c));
    for (const id of ids) expect(normaliseHouseholdId(id), JSON.stringify(id)).toBe(byTheRule(id));
  });
});
