/**
 * Which releases exist. Why in memory: every request needs "the latest complete release", releases are immutable, and
 * a repeated query must not touch the database — the list is loaded at start and refreshed on a timer (a new release
 * appears within `refreshMs`). Incomplete releases are never listed, so never served.
 */
import { GraphQLError } from "graphql";
import type { PublicDb, PublicModels } from "@minhbach/db/public.ts";
import { ErrorCode } from "../common/errors.js";

export type ReleaseRow = PublicModels.Release;

export class ReleaseRegistry {
  private rows: ReleaseRow[] = [];
  private timer: NodeJS.Timeout | undefined;
  loaded = false;
  lastError: Error | undefined;

  /** `pin`: serve this release as the latest and hide newer ones (a rollback that leaves the immutable store alone). */
  constructor(private readonly db: PublicDb, private readonly refreshMs = 30_000, readonly pin?: string) {}

  async refresh(): Promise<void> {
    try {
      const rows = await this.db.release.findMany({ where: { complete: true }, orderBy: { seq: "asc" } });
      this.rows = this.pin === undefined ? rows : rows.slice(0, rows.findIndex((r) => r.id === this.pin) + 1);
      this.loaded = true;
      this.lastError = undefined;
    } catch (err) {
      this.lastError = err instanceof Error ? err : new Error(String(err));
      throw this.lastError;
    }
  }

  /** Load now, then keep refreshing in the background (the timer does not keep the process alive). */
  async start(): Promise<void> {
    await this.refresh().catch(() => undefined);
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), this.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Complete releases, oldest first. */
  list(): ReleaseRow[] {
    return this.rows;
  }

  latest(): ReleaseRow | undefined {
    return this.rows.at(-1);
  }

  byId(id: string): ReleaseRow | undefined {
    return this.rows.find((r) => r.id === id);
  }

  supersededBy(id: string): ReleaseRow | undefined {
    return this.rows.find((r) => r.supersedes === id);
  }

  /** The release a query means: the given id, else the latest. Unknown id → NOT_FOUND; none published → NO_RELEASE. */
  resolve(id?: string | null): ReleaseRow {
    if (id !== null && id !== undefined) {
      const row = this.byId(id);
      if (!row) throw new GraphQLError(`No complete release "${id}"`, { extensions: { code: ErrorCode.NOT_FOUND } });
      return row;
    }
    const latest = this.latest();
    if (!latest) throw new GraphQLError("No release has been published yet", { extensions: { code: ErrorCode.NO_RELEASE } });
    return latest;
  }

  /** Changes whenever a release is added: part of every response-cache key and ETag. */
  get version(): string {
    const latest = this.latest();
    return latest ? `${latest.id}@${latest.checksum.slice(0, 16)}#${this.rows.length}` : "none";
  }

  /** Disclosure threshold k the release was protected with, for notes ("fewer than 5 households"). */
  disclosureK(id: string): number | undefined {
    if (this.kById.has(id)) return this.kById.get(id);
    const row = this.byId(id);
    if (!row) return undefined;
    let k: number | undefined;
    try {
      const value = (JSON.parse(row.parameters) as { k?: unknown }).k;
      k = typeof value === "number" ? value : undefined;
    } catch {
      k = undefined;
    }
    this.kById.set(id, k); // releases are immutable: parse once
    return k;
  }

  private readonly kById = new Map<string, number | undefined>();
}
