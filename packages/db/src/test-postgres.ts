/** A fresh PostgreSQL database per test file on the machine's server (127.0.0.1:5432, trust auth). Why fresh: tests
 *  must not see each other's rows. Outside CI the tests skip when no server answers; in CI a missing server fails. */
import pg from "pg";

export const POSTGRES_ADMIN_URL = process.env.MINHBACH_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    if (process.env.CI) throw new Error(`PostgreSQL is required in CI but ${POSTGRES_ADMIN_URL} does not answer`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Every test database is named minhbach_<label>_t<pid>_<6 random>. Why a fixed shape: .ci/run drops what earlier runs
 *  left behind (a killed worker never reaches its afterAll) by this pattern, and nothing else on the server. */
export const TEST_DATABASE_PATTERN = /^minhbach_[a-z0-9_]*_t[0-9]+_[a-z0-9]{6}$/;

function testDatabaseName(prefix: string): string {
  // PostgreSQL silently truncates names beyond 63 bytes, which would break the URL we hand out: keep the label short.
  let label = prefix.toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  if (!label.startsWith("minhbach_") && label !== "minhbach") label = `minhbach_${label}`;
  const random = Math.random().toString(36).slice(2, 8).padEnd(6, "0");
  return `${label.slice(0, 40)}_t${process.pid}_${random}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Drops the test databases earlier runs left on the server (names matching TEST_DATABASE_PATTERN); returns them.
 *  Skips databases whose creating process still runs on this machine: a test run going on beside us keeps its stores. */
export async function dropLeftoverTestDatabases(): Promise<string[]> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'minhbach\\_%'`);
    const names = rows.map((r) => r.datname)
      .filter((n) => TEST_DATABASE_PATTERN.test(n) && !processAlive(Number(/_t([0-9]+)_[a-z0-9]{6}$/.exec(n)![1])));
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    return names;
  } finally {
    await admin.end();
  }
}

export async function freshPostgresDatabase(prefix = "minhbach_test"): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = testDatabaseName(prefix);
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
