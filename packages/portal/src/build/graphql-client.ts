/**
 * In-process GraphQL against the public API (createApp over the PUBLIC store; the private store is never opened).
 * Why in-process: no port, no HTTP parsing, the same resolvers, loaders and schema journalists use. The build is a
 * trusted client, so it lifts the public cost limit (it pages 100 units at a time with their full series).
 */
import { createApp, type App } from "@minhbach/api/index.ts";
import { createContext } from "@minhbach/api/context.ts";
import pino from "pino";

export type Exec = (query: string, variables: Record<string, unknown>) => Promise<unknown>;

export interface ApiClient {
  exec: Exec;
  /** Number of GraphQL operations run (for the build report). */
  operations(): number;
  close(): Promise<void>;
}

export async function openApiClient(publicUrl: string): Promise<ApiClient> {
  const app: App = await createApp({
    publicUrl, logger: pino({ level: "warn" }), limits: { maxCost: Number.MAX_SAFE_INTEGER, maxDepth: 20 }, releaseRefreshMs: 3_600_000,
  });
  let count = 0;
  const exec: Exec = async (query, variables) => {
    count++;
    const ctx = createContext(app.store, app.releases, "VI", 600_000);
    const res = await app.apollo.executeOperation({ query, variables }, { contextValue: ctx });
    if (res.body.kind !== "single") throw new Error("Unexpected incremental GraphQL response");
    const { data, errors } = res.body.singleResult;
    if (errors?.length) throw new Error(`GraphQL error: ${errors.map((e) => `${e.message} (${JSON.stringify(e.path)})`).join("; ")}`);
    return data;
  };
  return { exec, operations: () => count, close: () => app.close() };
}
