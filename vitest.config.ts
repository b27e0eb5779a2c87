import { defineConfig } from "vitest/config";

// One runner for every package. Projects that need special set-up (API decorators, browser tests) add their own
// entries under `test.projects`. The stores tests create are SQLite files, or PostgreSQL databases when
// MINHBACH_TEST_STORE=postgresql (`pnpm test:postgresql`; CI runs the suite both ways).
const postgresRun = process.env.MINHBACH_TEST_STORE === "postgresql";
// Drops the stores a test file's fixtures created once the file has finished (packages/db/src/test-stores.ts).
const dropStores = "tests/drop-stores.setup.ts";

export default defineConfig({
  test: {
    // In CI a JSON report per provider lets .ci/run print the plain "N passed, N failed" closing lines.
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: postgresRun ? "tmp/vitest-results-postgresql.json" : "tmp/vitest-results.json" }]]
      : ["default"],
    projects: [
      {
        test: {
          name: "core",
          include: ["packages/core/src/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        // The stores: migrations, release writer, PostgreSQL (needs the server at 127.0.0.1:5432; CI starts it).
        test: {
          name: "db",
          include: ["packages/db/src/**/*.test.ts"],
          setupFiles: [dropStores],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "pipeline",
          include: ["packages/pipeline/src/**/*.test.ts", "tests/pipeline/**/*.test.ts"],
          globalSetup: ["tests/pipeline/global-setup.ts"],
          setupFiles: [dropStores],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        // The GraphQL API. `graphql` must resolve to one module (the CommonJS build that type-graphql and Apollo load),
        // else "Cannot use GraphQLSchema from another module or realm".
        resolve: { alias: { graphql: "graphql/index.js" } },
        test: {
          name: "api",
          include: ["packages/api/src/**/*.test.ts"],
          setupFiles: [dropStores],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The citizen portal's pure helpers (formatting, search index, charts, oEmbed).
        test: {
          name: "portal",
          include: ["packages/portal/src/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        // The outside attacker (issue #16): serves a copy of the demo release through the real API and attacks it over
        // HTTP only. Its own project because it starts the API (the same `graphql` alias). No global set-up: it copies
        // the demo template the pipeline project's set-up built in the same run, or builds one itself when run alone.
        resolve: { alias: { graphql: "graphql/index.js" } },
        test: {
          name: "outside-attacker",
          include: ["tests/outside-attacker/**/*.test.ts"],
          setupFiles: [dropStores],
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
      {
        // Browser tests: build the portal from the API's fixture release, serve it on 127.0.0.1, drive Debian's chromium.
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          globalSetup: ["tests/browser/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
