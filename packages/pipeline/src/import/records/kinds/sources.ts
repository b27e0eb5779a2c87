/** Sources file: the articles, reports and legal texts that figures cite. Replaced by id (upsert); never deleted here. */
import { SOURCE_COLUMNS } from "../columns.js";
import type { RecordKind } from "../runner.js";

export const SOURCE_KINDS = ["ARTICLE", "OFFICIAL_REPORT", "LEGAL", "DATASET", "SYNTHETIC"] as const;

interface SourceRow {
  id: string;
  title: string;
  publisher: string;
  url: string | null;
  date: Date | null;
  kind: string;
  synthetic: boolean;
}

export const sourcesKind: RecordKind<SourceRow> = {
  batchKind: "SOURCES",
  columns: SOURCE_COLUMNS,
  parse(f) {
    const id = f.code("id", { required: true });
    const title = f.text("title", { required: true });
    const publisher = f.text("publisher", { required: true });
    const url = f.text("url", { max: 2000 });
    if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) f.problem("url", "must start with http:// or https:// and contain no spaces");
    const date = f.date("date");
    const kind = f.oneOf("kind", SOURCE_KINDS, { required: true });
    const synthetic = f.flag("synthetic");
    // A made-up source must say so: the portal labels figures by their source's synthetic flag.
    if (kind === "SYNTHETIC" && synthetic === false) f.problem("synthetic", "a SYNTHETIC source must have synthetic = 1");
    if (id === undefined || title === undefined || publisher === undefined || kind === undefined || synthetic === undefined) return undefined;
    return { id, title, publisher, url: url ?? null, date: date ?? null, kind, synthetic };
  },
  key: (r) => r.id,
  keyLabel: "source id",
  duplicateColumn: "id",
  synthetic: (r) => r.synthetic,
  async store(tx, rows) {
    const existing = new Set((await tx.source.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true } })).map((s) => s.id));
    for (const r of rows) await tx.source.upsert({ where: { id: r.id }, create: r, update: r });
    return { created: rows.filter((r) => !existing.has(r.id)).length, updated: rows.filter((r) => existing.has(r.id)).length };
  },
};
