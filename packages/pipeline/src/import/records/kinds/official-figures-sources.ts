/**
 * The Source record of each official figure. Each distinct source (title, publisher, date, url) of a file becomes one
 * Source; a Source already in the store with the same four is reused, so a re-import (or another file citing the same
 * article) adds no copy. Why an id derived from the four: the same source gets the same id on every machine.
 */
import { createHash } from "node:crypto";
import type { PrivateDb } from "@minhbach/db/private";
import type { SourceDate } from "./official-figures-fields.js";

export interface FigureSource {
  id: string;
  title: string;
  publisher: string;
  url: string | null;
  date: SourceDate | null;
}

type StoredSource = { id: string; title: string; publisher: string; url: string | null; date: Date | null };

/** The sources already stored, by identity, to reuse. */
export async function loadSourceIdentities(db: PrivateDb): Promise<Map<string, string>> {
  const rows: StoredSource[] = await db.source.findMany({ select: { id: true, title: true, publisher: true, url: true, date: true }, orderBy: { id: "asc" } });
  const byIdentity = new Map<string, string>();
  for (const s of rows) {
    byIdentity.set(`id\u0000${s.id}`, s.id);
    // A stored source with a full date matches a row giving that day; one without a date, a row without one.
    const key = identity(s.title, s.publisher, s.url, s.date ? s.date.toISOString().slice(0, 10) : null);
    if (!byIdentity.has(key)) byIdentity.set(key, s.id);
  }
  return byIdentity;
}

function identity(title: string, publisher: string, url: string | null, dateText: string | null): string {
  return [title, publisher, url ?? "", dateText ?? ""].join("\u0000");
}

/** "official-" + 12 hex digits of the SHA-256 of the source's identity. */
export function officialSourceId(title: string, publisher: string, url: string | null, dateText: string | null): string {
  return "official-" + createHash("sha256").update(identity(title, publisher, url, dateText)).digest("hex").slice(0, 12);
}

/** The id for a row's source: an identical stored source's, else the derived one. A partial date ("2024-02") is not
 *  stored on the Source (its date is a day), so such a source is matched by its derived id only. */
export function sourceIdFor(stored: ReadonlyMap<string, string>, s: Omit<FigureSource, "id">): string {
  const id = officialSourceId(s.title, s.publisher, s.url, s.date?.text ?? null);
  const sameId = stored.get(`id\u0000${id}`);
  if (sameId !== undefined) return sameId;
  if (s.date === null || s.date.date !== null) return stored.get(identity(s.title, s.publisher, s.url, s.date?.text ?? null)) ?? id;
  return id;
}

/** OFFICIAL_REPORT for a government portal (*.gov.vn), ARTICLE otherwise: the Source kinds the portal labels. */
export function sourceKind(url: string | null): "OFFICIAL_REPORT" | "ARTICLE" {
  if (url === null) return "ARTICLE";
  try {
    return /(^|\.)gov\.vn$/i.test(new URL(url).hostname) ? "OFFICIAL_REPORT" : "ARTICLE";
  } catch {
    return "ARTICLE";
  }
}

/** Creates the sources no stored one matches; returns how many were created and reused. */
export async function storeSources(tx: PrivateDb, sources: readonly FigureSource[]): Promise<{ created: number; reused: number }> {
  const distinct = new Map(sources.map((s) => [s.id, s]));
  const existing = new Set((await tx.source.findMany({ where: { id: { in: [...distinct.keys()] } }, select: { id: true } })).map((s) => s.id));
  const create = [...distinct.values()].filter((s) => !existing.has(s.id));
  await tx.source.createMany({
    data: create.map((s) => ({ id: s.id, title: s.title, publisher: s.publisher, url: s.url, date: s.date?.date ?? null, kind: sourceKind(s.url), synthetic: false })),
  });
  return { created: create.length, reused: distinct.size - create.length };
}
