/**
 * Relay-style connections (edges/node/cursor, pageInfo, totalCount, nodes). Why a factory: units and projects page
 * the same way, and `first` is capped the same way everywhere (default 20, max 100).
 */
import "reflect-metadata";
import { GraphQLError } from "graphql";
import { Field, Int, ObjectType, type ClassType } from "type-graphql";
import { ErrorCode } from "./errors.js";

export const DEFAULT_FIRST = 20;
export const MAX_FIRST = 100;

@ObjectType({ simpleResolvers: true, description: "Where a page sits in its list." })
export class PageInfo {
  @Field(() => Boolean, { description: "True when there are more items after this page." })
  hasNextPage!: boolean;
  @Field(() => Boolean, { description: "True when this page starts after the first item." })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: "Cursor of the first item of the page." })
  startCursor!: string | null;
  @Field(() => String, { nullable: true, description: "Cursor of the last item of the page: pass it as `after` for the next page." })
  endCursor!: string | null;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Lazily computed total: runs only when the query selects totalCount. */
  totalCount: PromiseLike<number> | number;
}

export function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | null | undefined): string | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!text.startsWith("k:")) throw new GraphQLError(`Invalid cursor: ${cursor}`, { extensions: { code: ErrorCode.BAD_USER_INPUT } });
  return text.slice(2);
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 0 || first > MAX_FIRST) {
    throw new GraphQLError(`\`first\` must be between 0 and ${MAX_FIRST}`, { extensions: { code: ErrorCode.BAD_USER_INPUT } });
  }
  return first;
}

/** A thenable that runs `fn` only when awaited. Why: totalCount costs a COUNT query most clients never ask for. */
export function lazy<T>(fn: () => Promise<T>): PromiseLike<T> {
  let p: Promise<T> | undefined;
  return { then: (ok, fail) => (p ??= fn()).then(ok, fail) };
}

/** Slice an ordered in-memory list by `after` (a key) and `first`. */
export function slicePage<T>(all: T[], key: (t: T) => string, first: number, after: string | undefined): Page<T> {
  const start = after === undefined ? 0 : all.findIndex((t) => key(t) > after);
  const from = start < 0 ? all.length : start;
  return { items: all.slice(from, from + first), hasNextPage: from + first < all.length, hasPreviousPage: from > 0, totalCount: all.length };
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: PromiseLike<number> | number;
}

export function toConnection<T>(page: Page<T>, key: (t: T) => string): ConnectionShape<T> {
  const edges = page.items.map((node) => ({ cursor: encodeCursor(key(node)), node }));
  return {
    edges,
    nodes: page.items,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Build the Edge and Connection object types for a node type. */
export function connectionTypes<T extends object>(node: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One ${what} in a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: "Opaque cursor: pass it as `after` to start the next page after this item." })
    cursor!: string;
    @Field(() => node, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${what}s (Relay-style; \`first\` defaults to ${DEFAULT_FIRST}, max ${MAX_FIRST}).` })
  class Connection {
    @Field(() => [Edge], { description: "The page's items with their cursors." })
    edges!: Edge[];
    @Field(() => [node], { description: `The page's ${what}s, without cursors.` })
    nodes!: T[];
    @Field(() => PageInfo, { description: "Whether there are more pages, and the cursors to get them." })
    pageInfo!: PageInfo;
    // `simple: false` keeps a resolver on this one field: totalCount is a lazy thenable (a COUNT runs only when asked
    // for), and graphql-jit awaits thenables returned by resolvers but not ones read straight from a property.
    @Field(() => Int, { simple: false, description: `How many ${what}s the whole list has.` })
    totalCount!: number;
  }
  return Connection;
}
