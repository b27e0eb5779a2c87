/** Test helpers: an app over the fixture store, listening on a free loopback port, and a small GraphQL client. */
import pino from "pino";
import { startServer, type App, type AppOptions } from "../app/create-app.js";
import { writeFixtureStore } from "./fixture-release.js";

export interface TestApp extends App {
  url: string;
  publicUrl: string;
  /** POST a query; returns status, headers and parsed body. */
  gql(query: string, variables?: Record<string, unknown>, init?: { headers?: Record<string, string> }): Promise<GqlResult>;
  /** GET /graphql?query=… */
  gqlGet(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResult & { raw: Response }>;
}

export interface GqlResult {
  status: number;
  headers: Headers;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

let fixture: Promise<{ publicUrl: string }> | undefined;

/** One fixture store per test file (they are read-only), a fresh app per call. */
export async function startTestApp(options: Partial<AppOptions> & { freshStore?: boolean } = {}): Promise<TestApp> {
  const store = options.freshStore ? await writeFixtureStore() : await (fixture ??= writeFixtureStore());
  const app = await startServer({ port: 0, host: "127.0.0.1", logger: pino({ level: "silent" }), ...options, publicUrl: options.publicUrl ?? store.publicUrl });
  const gql: TestApp["gql"] = async (query, variables, init) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...init?.headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as GqlResult["body"] };
  };
  const gqlGet: TestApp["gqlGet"] = async (query, variables, headers) => {
    const params = new URLSearchParams({ query, ...(variables ? { variables: JSON.stringify(variables) } : {}) });
    const raw = await fetch(`${app.url}/graphql?${params}`, { headers: { accept: "application/graphql-response+json", ...headers } });
    const text = raw.status === 304 ? "{}" : await raw.text();
    return { status: raw.status, headers: raw.headers, body: JSON.parse(text) as GqlResult["body"], raw };
  };
  return Object.assign(app, { publicUrl: store.publicUrl, gql, gqlGet });
}
