/**
 * Replaces type-graphql's resolver wrappers with direct calls where they add nothing. Why: with no middlewares,
 * auth checks or argument validation configured, type-graphql's wrapper still builds a resolver-data object, sorts
 * the parameters and runs every argument through an async validator — a promise per argument on every call, which
 * made up a measurable share of an uncached commune profile. A direct resolver calls the same method with the same
 * arguments. Anything this does not fully understand (middlewares, roles, validation settings, input-type or `@Args`
 * parameters, `@Info`) keeps type-graphql's resolver.
 */
import { GraphQLScalarType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { getMetadataStorage } from "type-graphql";

type Meta = ReturnType<typeof getMetadataStorage>;
type ResolverMeta = Meta["queries"][number] | Meta["fieldResolvers"][number];
type ParamMeta = NonNullable<ResolverMeta["params"]>[number];
type Getter = (root: unknown, args: Record<string, unknown>, ctx: unknown) => unknown;

/** Argument types whose values type-graphql passes through unchanged: scalars, String/Number/Boolean, TS enums. */
function passesThrough(type: unknown): boolean {
  if (type instanceof GraphQLScalarType || type === String || type === Number || type === Boolean) return true;
  return typeof type === "object" && type !== null && !Array.isArray(type); // a TypeScript enum object
}

function getterOf(p: ParamMeta): Getter | undefined {
  if (p.kind === "context" && p.propertyName === undefined) return (_root, _args, ctx) => ctx;
  if (p.kind === "root" && p.propertyName === undefined) return (root) => root; // typed roots: see rootClassOf
  if (p.kind === "arg" && p.validateSettings === undefined && p.validateFn === undefined && passesThrough(p.getType())) {
    const name = p.name;
    return (_root, args) => args[name];
  }
  return undefined;
}

/**
 * The class a typed `@Root()` is converted to (when decorator metadata was emitted, as under vitest): type-graphql
 * leaves an instance of it as it is, so the direct resolver takes only such roots and sends others the original way.
 */
function rootClassOf(params: readonly ParamMeta[]): Function | undefined {
  const typed = params.find((p) => p.kind === "root" && p.getType !== undefined);
  const type = typed?.kind === "root" ? typed.getType?.() : undefined;
  return typeof type === "function" ? type : undefined;
}

/** A direct resolver for one handler, or undefined when type-graphql's own must stay. */
function direct(meta: ResolverMeta, internalType: Function | undefined, original: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> | undefined {
  if ((meta.middlewares?.length ?? 0) > 0 || (meta.roles?.length ?? 0) > 0 || !meta.params) return undefined;
  const getters = [...meta.params].sort((a, b) => a.index - b.index).map(getterOf);
  if (getters.some((g) => g === undefined)) return undefined;
  const typedRoot = meta.params.some((p) => p.kind === "root" && p.getType !== undefined);
  const rootClass = rootClassOf(meta.params);
  if (typedRoot && !rootClass) return undefined;
  const get = getters as Getter[];
  const method = meta.methodName;
  if (internalType) {
    // A method of the object type itself (e.g. Unit.typeLabel): type-graphql converts the root to the class first;
    // our roots already are instances, anything else goes the original way.
    return (root, args, ctx, info) => {
      if (!(root instanceof internalType)) return original(root, args, ctx, info);
      const fn = (root as Record<string, unknown>)[method];
      if (typeof fn !== "function") return fn;
      return (fn as (...a: unknown[]) => unknown).apply(root, get.map((g) => g(root, args, ctx)));
    };
  }
  const instance = new (meta.target as new () => Record<string, (...a: unknown[]) => unknown>)();
  const fn = instance[method]!;
  if (rootClass) {
    return (root, args, ctx, info) => (root instanceof rootClass ? fn.apply(instance, get.map((g) => g(root, args, ctx))) : original(root, args, ctx, info));
  }
  return (root, args, ctx) => fn.apply(instance, get.map((g) => g(root, args, ctx)));
}

/** Patches `schema` (built from `resolvers`) in place; returns the fields whose resolvers became direct. */
export function useDirectResolvers(schema: GraphQLSchema, resolvers: readonly Function[]): string[] {
  const meta = getMetadataStorage();
  const typeName = new Map<Function, string>(meta.objectTypes.map((t) => [t.target, t.name]));
  const patched: string[] = [];
  const patch = (parent: string | undefined, m: ResolverMeta, internalType: Function | undefined) => {
    const type = parent ? schema.getType(parent) : undefined;
    const field = isObjectType(type) ? type.getFields()[m.schemaName] : undefined;
    if (!field?.resolve) return;
    const resolver = direct(m, internalType, field.resolve);
    if (!resolver) return;
    field.resolve = resolver;
    patched.push(`${parent}.${m.schemaName}`);
  };
  for (const q of meta.queries) if (resolvers.includes(q.target)) patch(schema.getQueryType()?.name, q, undefined);
  for (const f of meta.fieldResolvers) {
    if (f.kind === "external" && !resolvers.includes(f.target)) continue;
    const objectType = f.getObjectType?.();
    if (!objectType) continue;
    patch(typeName.get(objectType), f, f.kind === "internal" ? objectType : undefined);
  }
  return patched;
}
