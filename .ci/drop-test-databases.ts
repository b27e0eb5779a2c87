/** Drops the PostgreSQL test databases earlier runs left behind (a killed test worker never reaches its afterAll), so
 *  each CI run starts from a server holding none. Only names of the test shape are touched (test-postgres.ts). */
import { dropLeftoverTestDatabases } from "../packages/db/src/test-postgres.ts";

const dropped = await dropLeftoverTestDatabases();
console.log(`dropped ${dropped.length} leftover test database(s)${dropped.length ? ": " + dropped.join(", ") : ""}`);
