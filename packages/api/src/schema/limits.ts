/**
 * Query limits: depth and aliases (validation rules, static) and cost (computed with variables, from `first`
 * arguments). Why: one public endpoint, anonymous clients — a query must not be able to ask for a million rows.
 * Introspection-only operations (GraphiQL's schema fetch) are exempt.
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
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxCost: 50_000 };

/** Lists without a `first` argument (years of a series, indicators, ancestors…) count as this many items. */
export const LIST_FACTOR = 10;

function isIntrospectionOnly(op: OperationDefinitionNode): boolean {
  return op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith("__"));
}

function fragmentsOf(doc: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) map.set(d.name.value, d);
  return map;
}

function walk(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, visit: (depth: number, alias: boolean) => void, depth = 1, seen = new Set<string>()): void {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      visit(depth, s.alias !== undefined);
      if (s.selectionSet) walk(s.selectionSet, fragments, visit, depth + 1, seen);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      walk(s.selectionSet, fragments, visit, depth, seen);
    } else {
      const f = fragments.get(s.name.value);
      if (f && !seen.has(f.name.value)) walk(f.selectionSet, fragments, visit, depth, new Set([...seen, f.name.value]));
    }
  }
}

/** Rejects operations nested deeper than `max` fields. */
export function depthLimit(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(op) {
      if (isIntrospectionOnly(op)) return;
      let deepest = 0;
      walk(op.selectionSet, fragmentsOf(context.getDocument()), (d) => { deepest = Math.max(deepest, d); });
      if (deepest > max) {
        context.reportError(new GraphQLError(`Query is ${deepest} levels deep; the limit is ${max}`, { nodes: [op], extensions: { code: ErrorCode.QUERY_TOO_DEEP } }));
      }
    },
  });
}

/** Rejects operations with more than `max` aliased fields (aliases multiply work without deepening a query). */
export function aliasLimit(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(op) {
      if (isIntrospectionOnly(op)) return;
      let aliases = 0;
      walk(op.selectionSet, fragmentsOf(context.getDocument()), (_d, alias) => { if (alias) aliases += 1; });
      if (aliases > max) {
        context.reportError(new GraphQLError(`Query uses ${aliases} aliases; the limit is ${max}`, { nodes: [op], extensions: { code: ErrorCode.TOO_MANY_ALIASES } }));
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
  const costOf = (set: SelectionSetNode, parentType: ReturnType<typeof getNamedType>, multiplier: number, seen: Set<string>): number => {
    let total = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) total += costOf(s.selectionSet, parentType, multiplier, seen);
      else if (s.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(s.name.value);
        if (f && !seen.has(f.name.value)) total += costOf(f.selectionSet, parentType, multiplier, new Set([...seen, f.name.value]));
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
    return total;
  };
  return costOf(op.selectionSet, root, 1, new Set());
}

/** Apollo plugin: checks the cost once the operation and its variables are known. */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  // Apollo reuses one parsed document per query text, so costs can be memoised per document and variables.
  const memo = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation || isIntrospectionOnly(operation)) return;
          let byVariables = memo.get(document);
          if (!byVariables) memo.set(document, (byVariables = new Map()));
          const key = `${operation.name?.value ?? ""}\u0000${JSON.stringify(request.variables ?? {})}`;
          let cost = byVariables.get(key);
          if (cost === undefined) {
            cost = queryCost(schema, document, operation, request.variables ?? {});
            if (byVariables.size < 100) byVariables.set(key, cost);
          }
          if (cost > maxCost) {
            throw new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}; ask for fewer items (\`first\`) or fewer nested lists`, {
              extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
