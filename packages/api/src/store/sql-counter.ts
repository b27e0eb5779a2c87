/**
 * Counts the SQL statements the public store runs, by wrapping the driver adapter the Prisma client connects with.
 * Why: "no N+1" and "a cached response does not touch the database" are claims tests must be able to check, and the
 * request log reports statements per request. Relies on PrismaClient keeping its adapter factory in `_engineConfig`
 * (Prisma 6.19); `instrumentStatements` throws if that changes, so the tests fail loudly rather than count nothing.
 */
import type { PublicDb } from "@minhbach/db/public.ts";

export interface StatementCounter {
  /** Statements run since the store was opened. */
  readonly total: number;
  /** The last statements' SQL text (at most 50), newest last. */
  readonly recent: readonly string[];
}

type Queryable = { queryRaw(q: { sql: string }): Promise<unknown>; executeRaw(q: { sql: string }): Promise<unknown> };

/** Wrap the client's adapter before its first query; returns the live counter. */
export function instrumentStatements(db: PublicDb): StatementCounter {
  const config = (db as unknown as { _engineConfig?: { adapter?: { connect(): Promise<object> } } })._engineConfig;
  const factory = config?.adapter;
  if (!factory || typeof factory.connect !== "function") throw new Error("Cannot instrument the public store: Prisma internals changed");
  const state = { total: 0, recent: [] as string[] };
  const note = (sql: string) => {
    state.total += 1;
    state.recent.push(sql);
    if (state.recent.length > 50) state.recent.shift();
  };
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(obj, prop, receiver) {
        const value = Reflect.get(obj, prop, receiver) as unknown;
        if (typeof value !== "function") return value;
        if (prop === "queryRaw" || prop === "executeRaw") {
          return (q: { sql: string }) => { note(q.sql); return (value as Queryable["queryRaw"]).call(obj, q); };
        }
        if (prop === "startTransaction") {
          return async (...args: unknown[]) => wrap(await (value as (...a: unknown[]) => Promise<object>).apply(obj, args));
        }
        return (value as (...a: unknown[]) => unknown).bind(obj);
      },
    });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => wrap(await connect());
  return state;
}
