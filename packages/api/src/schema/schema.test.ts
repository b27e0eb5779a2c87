/** schema.graphql is generated from the code and committed; every type, field, argument and enum value is described. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, type GraphQLSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { buildApiSchema } from "./build-schema.js";
import { SCHEMA_FILE, schemaText } from "./emit.js";

export function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || (isScalarType(type) && ["String", "Int", "Float", "Boolean", "ID"].includes(type.name))) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of "args" in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
  }
  return missing;
}

describe("schema.graphql", () => {
  it("matches the schema emitted from the code (run `pnpm --filter @minhbach/api schema:emit` after changing types)", async () => {
    expect(fs.readFileSync(SCHEMA_FILE, "utf8")).toBe(await schemaText());
  });

  it("builds the same schema under tsx, which emits no decorator metadata (how `pnpm start` runs the server)", () => {
    const pkg = path.resolve(import.meta.dirname, "../..");
    const tsx = path.resolve(pkg, "../../node_modules/.bin/tsx");
    // cwd = packages/api, as `pnpm --filter @minhbach/api start` runs it (its tsconfig enables decorators)
    expect(() => execFileSync(tsx, ["src/schema/emit.ts", "--check"], { cwd: pkg, stdio: "pipe" })).not.toThrow();
  });

  it("describes every type, field, argument and enum value", async () => {
    expect(undescribed(await buildApiSchema())).toEqual([]);
  });

  it("keeps the contract's names and types", async () => {
    const schema = await buildApiSchema();
    const contract: Record<string, Record<string, string>> = {
      Query: { release: "Release", releases: "[Release!]!", unit: "Unit", units: "UnitConnection!", search: "[Unit!]!", project: "Project",
        projects: "ProjectConnection!", indicators: "[Indicator!]!" },
      Measure: { value: "Float", status: "MeasureStatus!", note: "String" },
      Unit: { code: "ID!", name: "String!", level: "UnitLevel!", parent: "Unit", ancestors: "[Unit!]!", children: "UnitConnection!", validFrom: "Date",
        validTo: "Date", successors: "[UnitChange!]!", predecessors: "[UnitChange!]!", centroid: "LatLng", geometry: "GeoJSON",
        poverty: "[PovertyStat!]!", projects: "ProjectConnection!", credit: "[CreditStat!]!", jobs: "[JobsStat!]!", officialFigures: "[OfficialFigure!]!",
        synthetic: "Boolean!" },
      PovertyStat: { year: "Int!", standard: "PovertyStandard!", households: "Measure!", poor: "Measure!", nearPoor: "Measure!", poorRate: "Measure!",
        nearPoorRate: "Measure!", deprivations: "[DeprivationShare!]!", sources: "[Source!]!", synthetic: "Boolean!" },
      Project: { code: "ID!", name: "String!", programme: "String", component: "String", budgetVnd: "SafeInt", disbursedVnd: "SafeInt",
        households: "Measure!", villages: "[Unit!]!", startDate: "Date", endDate: "Date", status: "String", sources: "[Source!]!", synthetic: "Boolean!" },
      CreditStat: { year: "Int!", loanTurns: "Measure!", outstandingVnd: "SafeInt", sources: "[Source!]!" },
      JobsStat: { year: "Int!", domestic: "Measure!", abroad: "Measure!", sources: "[Source!]!" },
      OfficialFigure: { year: "Int!", poorHouseholds: "Int", poorRate: "Float", nearPoorHouseholds: "Int", nearPoorRate: "Float",
        poorAndNearPoorHouseholds: "Int", poorAndNearPoorRate: "Float", totalHouseholds: "Int", quality: "OfficialFigureQuality!",
        qualityNote: "String", sourceDate: "String", source: "Source!" },
      UnitConnection: { edges: "[UnitEdge!]!", nodes: "[Unit!]!", pageInfo: "PageInfo!", totalCount: "Int!" },
    };
    for (const [typeName, fields] of Object.entries(contract)) {
      const type = schema.getType(typeName);
      expect(isObjectType(type), typeName).toBe(true);
      const actual = (type as import("graphql").GraphQLObjectType).getFields();
      for (const [field, shape] of Object.entries(fields)) expect(String(actual[field]?.type), `${typeName}.${field}`).toBe(shape);
    }
    const args = (t: string, f: string) => Object.fromEntries((schema.getType(t) as import("graphql").GraphQLObjectType).getFields()[f]!.args.map((a) => [a.name, String(a.type)]));
    expect(args("Query", "release")).toEqual({ id: "ID" });
    expect(args("Query", "units")).toMatchObject({ level: "UnitLevel", parentCode: "ID", first: "Int", after: "String", release: "ID" });
    expect(args("Query", "search")).toMatchObject({ text: "String!", first: "Int" });
    expect(args("Query", "projects")).toMatchObject({ unitCode: "ID", first: "Int", after: "String" });
    expect(args("Unit", "poverty")).toEqual({ year: "Int" });
    expect(args("Unit", "officialFigures")).toEqual({ year: "Int" });
    expect((schema.getType("UnitLevel") as import("graphql").GraphQLEnumType).getValues().map((v) => v.name).sort()).toEqual(["COMMUNE", "COUNTRY", "DISTRICT", "PROVINCE", "REGION", "VILLAGE"]);
    expect((schema.getType("OfficialFigureQuality") as import("graphql").GraphQLEnumType).getValues().map((v) => v.name).sort()).toEqual(["PRELIMINARY", "REPORTED", "SECONDARY", "UNCERTAIN"]);
    expect((schema.getType("MeasureStatus") as import("graphql").GraphQLEnumType).getValues().map((v) => v.name).sort()).toEqual(["NOT_AVAILABLE", "PUBLISHED", "SUPPRESSED"]);
  });
});
