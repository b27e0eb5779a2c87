/**
 * Query limits: depth and aliases (validation rules, static) and cost (computed with variables, from `first`
 * arguments). Why: one public endpoint, anonymous clients — a query must not be able to ask for a million rows.
 * Introspection-only operations (GraphiQL's schema fetch) are exempt from depth and cost, not from aliases; their
 * nesting is bounded by introspection-limit.ts. Fragments are measured once each, so fragment bombs cost linear time.
 */
import {
  GraphQLError, getNamedType, getNullableType, isCompositeType, isListType, isObjectType, Kind, valueFromASTUntyped,
  type ASTVisitor, type DocumentNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule,
} from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { DEFAULT_FIRST } from "../common/connection.js";
import { ErrorCode } from "../common/errors.js";

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** Lexical tokens per document (the parser stops past it): bounds parse and validation work, nesting included. */
  maxTokens: number;
  /** Introspection lists (`types`, `fields`, `args`…) nested inside each other; GraphiQL's own query needs 3. */
  maxIntrospectionLists: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxCost: 50_000, maxTokens: 3_000, maxIntrospectionLists: 3 };

/** Lists without a `first` argument (years of a series, indicators, ancestors…) count as this many items. */
export const LIST_FACTOR = 10;

export function isIntrospectionOnly(op: OperationDefinitionNode): boolean {
  return op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith("__"));
}

function fragmentsOf(doc: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) map.set(d.name.value, d);
  return map;
}

export interface Shape {
  /** Deepest field nesting below (and including) this selection set. */
  depth: number;
  /** Aliased fields, counting a fragment once per spread (capped, so fragment bombs stay finite). */
  aliases: number;
}

const CAP = 1e9;

/**
 * Depth and alias count of a selection set. Why memoised per fragment: a fragment spread twice in each of 30 nested
 * fragments would otherwise be walked 2^30 times (a "fragment bomb"); here each fragment is measured once. A fragment
 * met again on its own path (a cycle, which validation rejects anyway) counts as empty.
 */
export function shapeOf(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, memo = new Map<string, Shape>(), path = new Set<string>()): Shape {
  let depth = 0;
  let aliases = 0;
  for (const s of set.selections) {
    let inner: Shape = { depth: 0, aliases: 0 };
    if (s.kind === Kind.FIELD) {
      const below = s.selectionSet ? shapeOf(s.selectionSet, fragments, memo, path) : { depth: 0, aliases: 0 };
      inner = { depth: below.depth + 1, aliases: below.aliases + (s.alias ? 1 : 0) };
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      inner = shapeOf(s.selectionSet, fragments, memo, path);
    } else {
      const name = s.name.value;
      const f = fragments.get(name);
      const known = memo.get(name);
      if (known) inner = known;
      else if (f && !path.has(name)) {
        path.add(name);
        inner = shapeOf(f.selectionSet, fragments, memo, path);
        path.delete(name);
        memo.set(name, inner);
      }
    }
    depth = Math.max(depth, inner.depth);
    aliases = Math.min(CAP, aliases + inner.aliases);
  }
  return { depth, aliases };
}

/** Rejects operations nested deeper than `max` fields (introspection-only operations are bounded by introspectionLimit). */
export function depthLimit(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(op) {
      if (isIntrospectionOnly(op)) return;
      const deepest = shapeOf(op.selectionSet, fragmentsOf(context.getDocument())).depth;
      if (deepest > max) {
        context.reportError(new GraphQLError(`Query is ${deepest} levels deep; the limit is ${max}`, { nodes: [op], extensions: { code: ErrorCode.QUERY_TOO_DEEP } }));
      }
    },
  });
}

/** Rejects operations with more than `max` aliased fields (aliases multiply work without deepening a query), introspection included. */
export function aliasLimit(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(op) {
      const aliases = shapeOf(op.selectionSet, fragmentsOf(context.getDocument())).aliases;
      if (aliases > max) {
        const shown = aliases >= CAP ? "more than a billion" : String(aliases);
        context.reportError(new GraphQLError(`Query uses ${shown} aliases; the limit is ${max}`, { nodes: [op], extensions: { code: ErrorCode.TOO_MANY_ALIASES } }));
      }
    },
  });
}

/**
 * Cost = number of objects the query can return: a field with `first` multiplies what is below it by `first`
 * (default 20), a plain list by LIST_FACTOR; the items inside a connection are counted once, at the connection.
 */
export function queryCost(schema: GraphQLSchema, doc: DocumentNode, op: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const fragments = fragmentsOf(doc);
  const root = op.operation === "query" ? schema.getQueryType() : op.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return 0;
  const perUnit = new Map<string, number>();
  const costOf = (set: SelectionSetNode, parentType: ReturnType<typeof getNamedType>, multiplier: number, seen: Set<string>): number => {
    let total = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) total += costOf(s.selectionSet, parentType, multiplier, seen);
      else if (s.kind === Kind.FRAGMENT_SPREAD) {
        // Cost is linear in the multiplier, so a fragment's cost per unit is computed once (fragment bombs stay linear).
        const f = fragments.get(s.name.value);
        if (f && !seen.has(f.name.value)) {
          const memoKey = `${f.name.value}\u0000${parentType?.name ?? ""}`;
          let unit = perUnit.get(memoKey);
          if (unit === undefined) perUnit.set(memoKey, (unit = costOf(f.selectionSet, parentType, 1, new Set([...seen, f.name.value]))));
          total += multiplier * unit;
        }
      } else if (isObjectType(parentType) && !s.name.value.startsWith("__")) {
        const def: GraphQLField<unknown, unknown> | undefined = parentType.getFields()[s.name.value];
        if (!def) continue;
        const type = getNamedType(def.type);
        if (!isCompositeType(type) || !s.selectionSet) continue;
        let factor = 1;
        if (def.args.some((a) => a.name === "first")) {
          const arg = s.arguments?.find((a) => a.name.value === "first");
          const value = arg ? valueFromASTUntyped(arg.value, variables) : undefined;
          factor = typeof value === "number" ? value : DEFAULT_FIRST;
        } else if (isListType(getNullableType(def.type)) && !parentType.name.endsWith("Connection")) {
          factor = LIST_FACTOR;
        }
        const n = multiplier * Math.max(factor, 1);
        total += n + costOf(s.selectionSet, type, n, seen);
      }
    }
    return Math.min(total, Number.MAX_SAFE_INTEGER);
  };
  return costOf(op.selectionSet, root, 1, new Set());
}

/**
 * Cost of an operation with its variables, memoised per parsed document (Apollo and the fast path each reuse one
 * parsed document per query text). Why: the cost walk is pure, and the same document arrives again and again.
 */
export class CostMemo {
  private readonly memo = new WeakMap<DocumentNode, Map<string, number>>();

  cost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): number {
    let byVariables = this.memo.get(document);
    if (!byVariables) this.memo.set(document, (byVariables = new Map()));
    const key = `${operation.name?.value ?? ""}\u0000${JSON.stringify(variables ?? {})}`;
    let cost = byVariables.get(key);
    if (cost === undefined) {
      cost = queryCost(schema, document, operation, variables ?? {});
      if (byVariables.size < 100) byVariables.set(key, cost);
    }
    return cost;
  }
}

export function tooComplex(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}; ask for fewer items (\`first\`) or fewer nested lists`, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost, maxCost, http: { status: 400 } },
  });
}

/** Apollo plugin: checks the cost once the operation and its variables are known. */
export function costLimitPlugin(maxCost: number, memo = new CostMemo()): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation || isIntrospectionOnly(operation)) return;
          const cost = memo.cost(schema, document, operation, request.variables);
          if (cost > maxCost) throw tooComplex(cost, maxCost);
        },
      };
    },
  };
}
