/**
 * What the latest release decided for each cell. Why: a cell once published or suppressed stays so in later
 * releases, otherwise comparing two releases would undo the protection.
 */
import type { PublicDb } from "@minhbach/db/public.ts";
import { FLOW_PUBLISHED } from "./categories.js";

export type History = Map<string, "PUBLISHED" | "SUPPRESSED">;

/** The protection-cell id for a published measure (inverse of the measure mapping in category-tables.ts). */
export function cellIdForMeasure(unit: string, year: number, measure: string): string | undefined {
  if (measure === "poor" || measure === "nearPoor") return `poverty|${unit}|${year}|${measure}`;
  if ((FLOW_PUBLISHED as readonly string[]).includes(measure)) return `flows|${unit}|${year}|${measure}`;
  if (measure.startsWith("lacking.")) return `${measure}|${unit}|${year}|lacking`;
  if (measure === "projectParticipants") return `projects|${unit}|${year}|participants`;
  return undefined;
}

export async function loadHistory(db: PublicDb): Promise<{ releaseId: string | null; history: History }> {
  const history: History = new Map();
  const latest = await db.release.findFirst({ where: { complete: true }, orderBy: { seq: "desc" } });
  if (!latest) return { releaseId: null, history };
  const cells = await db.pubCell.findMany({ where: { releaseId: latest.id, status: { in: ["PUBLISHED", "SUPPRESSED"] } } });
  for (const c of cells) {
    const id = cellIdForMeasure(c.unitCode, c.year, c.measure);
    if (id) history.set(id, c.status as "PUBLISHED" | "SUPPRESSED");
  }
  const projects = await db.pubProject.findMany({ where: { releaseId: latest.id } });
  for (const p of projects) {
    if (p.startDate && p.householdsStatus !== "NOT_AVAILABLE") {
      history.set(`projects|${p.code}|${p.startDate.getUTCFullYear()}|households`, p.householdsStatus as "PUBLISHED" | "SUPPRESSED");
    }
  }
  return { releaseId: latest.id, history };
}
