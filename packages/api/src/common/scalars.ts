/** Custom scalars. Why: dates without times (review dates, legal dates), VND amounts beyond 2^31, and raw GeoJSON. */
import { GraphQLScalarType, Kind } from "graphql";
import { GraphQLDate, GraphQLDateTimeISO, GraphQLSafeInt } from "graphql-scalars";

export const DateScalar = GraphQLDate;
export const DateTimeScalar = GraphQLDateTimeISO;
export const SafeIntScalar = GraphQLSafeInt;

/** A GeoJSON geometry object, passed through as JSON. */
export const GeoJSONScalar = new GraphQLScalarType({
  name: "GeoJSON",
  description: "A GeoJSON geometry object (RFC 7946), e.g. { \"type\": \"Polygon\", \"coordinates\": [...] }.",
  serialize(value) {
    return typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  },
  parseValue(value) {
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return JSON.parse(ast.value) as unknown;
    throw new TypeError("GeoJSON literals must be JSON strings");
  },
});

/** BigInt amounts from the store as safe numbers (VND amounts stay far below 2^53). */
export function safeNumber(value: bigint | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`Amount ${value} exceeds the safe integer range`);
  return Number(value);
}
