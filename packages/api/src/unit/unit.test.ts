import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.js";

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

describe("units", () => {
  it("answers a commune with its parent, ancestors and poverty series, oldest first", async () => {
    const { status, body } = await app.gql(`{ unit(code: "01990") { code name level parent { code name } ancestors { code }
      poverty { year poorRate { value status note } households { value } } } }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const u = body.data!.unit;
    expect(u).toMatchObject({ code: "01990", name: "Lục Bình", level: "COMMUNE", parent: { code: "063", name: "Bạch Thông" } });
    expect(u.ancestors.map((a: { code: string }) => a.code)).toEqual(["063", "06"]);
    expect(u.poverty.map((p: { year: number }) => p.year)).toEqual([2021, 2022, 2023, 2024]);
    expect(u.poverty[1].poorRate).toEqual({ value: 13.6, status: "PUBLISHED", note: null });
    expect(u.poverty[2].poorRate.value).toBe(8.9);
  });

  it("returns null for an unknown unit and NOT_FOUND for an unknown release", async () => {
    expect((await app.gql(`{ unit(code: "99999") { code } }`)).body.data!.unit).toBeNull();
    const { body } = await app.gql(`{ unit(code: "01990", release: "1999.1") { code } }`);
    expect(body.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });

  it("pages units Relay-style with totalCount, cursors and a capped `first`", async () => {
    const first = await app.gql(`{ units(level: COMMUNE, first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code } } nodes { code } } }`);
    const c = first.body.data!.units;
    expect(c.totalCount).toBe(5);
    expect(c.nodes.map((n: { code: string }) => n.code)).toEqual(["01969", "01969.2025"]);
    expect(c.edges[1].cursor).toBe(c.pageInfo.endCursor);
    const next = await app.gql(`query($after: String) { units(level: COMMUNE, first: 10, after: $after) { pageInfo { hasNextPage hasPreviousPage } nodes { code } } }`, { after: c.pageInfo.endCursor });
    expect(next.body.data!.units.nodes.map((n: { code: string }) => n.code)).toEqual(["01975", "01990", "01993"]);
    expect(next.body.data!.units.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    const tooMany = await app.gql(`{ units(first: 101) { totalCount } }`);
    expect(tooMany.body.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const defaults = await app.gql(`{ units { nodes { code } } }`);
    expect(defaults.body.data!.units.nodes.length).toBe(12);
  });

  it("lists a commune's villages, including those that moved to the new commune in the reform", async () => {
    const { body } = await app.gql(`{ old: unit(code: "01990") { children { totalCount nodes { code name } } }
      new: unit(code: "01969") { children(first: 2) { totalCount nodes { code parent { code } } } } }`);
    expect(body.data!.old.children.nodes.map((n: { name: string }) => n.name)).toEqual(["Lủng Chang", "Nam Lanh Chang", "Bắc Lanh Chang", "Pác Chang"]);
    expect(body.data!.new.children.totalCount).toBe(4);
    expect(body.data!.new.children.nodes[0].parent.code).toBe("01969");
  });

  it("finds units ignoring diacritics and case", async () => {
    for (const text of ["luc binh", "LỤC BÌNH", "xa luc binh", "01990"]) {
      const { body } = await app.gql(`query($t: String!) { search(text: $t) { code name } }`, { t: text });
      expect(body.data!.search[0], text).toEqual({ code: "01990", name: "Lục Bình" });
    }
    const phu = await app.gql(`{ search(text: "phu thong") { code validTo } }`);
    expect(phu.body.data!.search.map((u: { code: string }) => u.code)).toEqual(["01969", "01969.2025"]);
    expect((await app.gql(`{ search(text: "  ") { code } }`)).body.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  });

  it("answers the 2025 reform with successors and predecessors, dates and legal basis", async () => {
    const { body } = await app.gql(`{ unit(code: "01969.2025") { gsoCode typeLabel(lang: VI) validTo
      successors { kind effectiveDate legalBasis from { code } to { code name level parent { code name } } } } 
      merged: unit(code: "01969") { validFrom predecessors { from { code } } } }`);
    const u = body.data!.unit;
    expect(u).toMatchObject({ gsoCode: "01969", typeLabel: "Thị trấn", validTo: "2025-06-30" });
    expect(u.successors).toEqual([{ kind: "MERGE", effectiveDate: "2025-07-01", legalBasis: "Nghị quyết 1683/NQ-UBTVQH15",
      from: { code: "01969.2025" }, to: { code: "01969", name: "Phủ Thông", level: "COMMUNE", parent: { code: "19", name: "Thái Nguyên" } } }]);
    expect(body.data!.merged.predecessors.map((c: { from: { code: string } }) => c.from.code).sort()).toEqual(["01969.2025", "01975", "01990", "01993"]);
  });

  it("gives a village its parent history and the map fields", async () => {
    const { body } = await app.gql(`{ unit(code: "01990-01") { parentHistory { parentCode validFrom validTo parent { name } } }
      merged: unit(code: "01969") { centroid { lat lng } geometry geometryIllustrative } }`);
    expect(body.data!.unit.parentHistory).toEqual([
      { parentCode: "01990", validFrom: "2020-01-01", validTo: "2025-06-30", parent: { name: "Lục Bình" } },
      { parentCode: "01969", validFrom: "2025-07-01", validTo: null, parent: { name: "Phủ Thông" } },
    ]);
    expect(body.data!.merged.geometry.type).toBe("Polygon");
    expect(body.data!.merged.centroid).toEqual({ lat: 22.25, lng: 105.85 });
  });
});
