import { describe, expect, it } from "vitest";
import { buildShards, matchRows, shardKey, tokens } from "./search-index.js";
import type { IndexEntry } from "./model.js";

const entry = (code: string, name: string, level: IndexEntry["level"], parentCode: string | null, page = code): IndexEntry => ({
  code, name, level, type: "XA", parentCode, page, nameAscii: name, years: [], validTo: null, synthetic: false, hasGeometry: false, centroid: null, rates: [], syntheticYears: [],
  validFrom: null, official: null, templated: false,
});

describe("search index", () => {
  const units = [entry("063", "Bạch Thông", "DISTRICT", null), entry("01990", "Lục Bình", "COMMUNE", "063"),
    entry("01990-02", "Nam Lanh Chang", "VILLAGE", "01990", "01990"), entry("01993", "Tân Tú", "COMMUNE", "063")];
  const shards = buildShards(units);

  it("finds Lục Bình from 'luc binh' in the shard of the first query word, ignoring accents and case", () => {
    const shard = shards.get(shardKey(tokens("luc binh")[0]!))!;
    expect(matchRows(shard, "luc binh").map((r) => r[0])).toEqual(["01990"]);
    expect(matchRows(shard, "LỤC").map((r) => r[1])).toEqual(["Lục Bình"]);
  });

  it("links villages to their commune's page and finds units by code", () => {
    const row = matchRows(shards.get("la")!, "lanh")[0]!;
    expect(row[5]).toBe("01990/#v-01990-02");
    expect(row[4]).toBe("Lục Bình");
    expect(matchRows(shards.get("01")!, "01993").map((r) => r[1])).toEqual(["Tân Tú"]);
    expect(matchRows(shards.get("lu")!, "xyz")).toEqual([]);
  });
});
