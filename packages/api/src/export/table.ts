/**
 * An export as a table of typed columns, rendered as CSV (csv.ts) or XLSX (xlsx.ts). Why typed: a spreadsheet must get
 * unit codes as text (01990 keeps its leading zero) and figures as numbers, which a CSV cannot say.
 */
import type { Lang } from "@minhbach/core/release/labels.ts";

/** text: identifiers and words (always a text cell); int: counts and money; rate: a percentage with one decimal;
 *  status: a figure's status code (a word in XLSX); date: a day; flag: 1/0 (yes/no in XLSX). */
export type ColumnKind = "text" | "int" | "rate" | "status" | "date" | "flag";

export interface Column {
  /** The CSV header: a fixed identifier in every language, so scripts reading the CSV keep working. */
  key: string;
  /** The XLSX header, in the export's language. */
  label: Record<Lang, string>;
  kind: ColumnKind;
  /** Spreadsheet column width in characters. */
  width: number;
}

/** What the "release" sheet of an XLSX says: the figures' release, to cite. */
export interface ExportRelease {
  id: string;
  title: string;
  createdAt: Date;
  checksum: string;
  synthetic: boolean;
  disclosureK: number | null;
}

export interface ExportTable {
  /** Sheet name, e.g. "units". */
  name: string;
  lang: Lang;
  release: ExportRelease;
  columns: Column[];
  rows: unknown[][];
}

export const col = (key: string, vi: string, en: string, kind: ColumnKind, width: number): Column => ({ key, label: { VI: vi, EN: en }, kind, width });
