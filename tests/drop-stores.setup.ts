/**
 * Set-up file of the projects whose tests create stores: once a test file has finished (its own afterAll hooks have
 * closed its apps), drop every store it created and did not drop itself. Why: fixture helpers (writeFixtureStore,
 * writeHostileStore) create stores on a file's behalf, and on PostgreSQL each one is a database on the shared server.
 */
import { afterAll } from "vitest";
import { dropTestStores } from "../packages/db/src/test-stores.ts";

afterAll(async () => {
  await dropTestStores();
});
