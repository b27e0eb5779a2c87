/**
 * Bounds introspection. Why: introspection is open (GraphiQL needs it) and exempt from the depth and cost limits, but
 * `__schema { types { fields { type { fields { type { fields … } } } } } }` multiplies the whole schema at every level.
 * This rule counts introspection lists nested inside each other along any path (through fragments, each measured once)
 * and rejects more than `max`; GraphiQL's own query needs 3 (types → fields → args).
 */
import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from "graphql";
import { ErrorCode } from "../common/errors.js";

/** Fields of the introspection types (__Schema, __Type, __Field, __Directive) that return lists. */
const INTROSPECTION_LISTS = new Set(["types", "fields", "inputFields", "interfaces", "possibleTypes", "enumValues", "args", "directives"]);

function nesting(set: SelectionSetNode, inIntrospection: boolean, fragments: Map<string, FragmentDefinitionNode>, memo: Map<string, number>, path: Set<string>): number {
  let deepest = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      const entering = inIntrospection || s.name.value === "__schema" || s.name.value === "__type";
      const own = entering && inIntrospection && INTROSPECTION_LISTS.has(s.name.value) ? 1 : 0;
      const below = s.selectionSet ? nesting(s.selectionSet, entering, fragments, memo, path) : 0;
      deepest = Math.max(deepest, own + below);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, nesting(s.selectionSet, inIntrospection, fragments, memo, path));
    } else {
      const name = s.name.value;
      const key = `${name}:${inIntrospection}`;
      const f = fragments.get(name);
      let n = memo.get(key);
      if (n === undefined && f && !path.has(name)) {
        path.add(name);
        n = nesting(f.selectionSet, inIntrospection, fragments, memo, path);
        path.delete(name);
        memo.set(key, n);
      }
      deepest = Math.max(deepest, n ?? 0);
    }
  }
  return deepest;
}

export function introspectionLimit(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(op) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
      const n = nesting(op.selectionSet, false, fragments, new Map(), new Set());
      if (n > max) {
        context.reportError(new GraphQLError(`Introspection nests ${n} lists inside each other; the limit is ${max}`, {
          nodes: [op], extensions: { code: ErrorCode.INTROSPECTION_TOO_DEEP },
        }));
      }
    },
  });
}
