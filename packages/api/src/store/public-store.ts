/**
 * The API's only door to data: the PUBLIC store, opened with `openPublicStore`. Why a wrapper: it adds the statement
 * counter and a single close(); the private store module is never imported anywhere under packages/api (a test checks).
 */
import { openPublicStore, type PublicDb } from "@minhbach/db/public.ts";
import { instrumentStatements, type StatementCounter } from "./sql-counter.js";

export interface ApiStore {
  db: PublicDb;
  statements: StatementCounter;
  close(): Promise<void>;
}

export function openApiStore(publicUrl: string): ApiStore {
  const db = openPublicStore(publicUrl);
  const statements = instrumentStatements(db);
  return { db, statements, close: () => db.$disconnect() };
}
