/**
 * Attaches boundary geometries (GeoJSON text) and label points to existing AdminUnit rows by code, all-or-nothing,
 * and records an ImportBatch. Why attach rather than create: units, their names and their history come from the
 * unit list with legal bases; a boundary file only draws them. A file with unknown codes is refused unless
 * `skipUnknown` (a national file imported for one province).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import { openPrivateStore, type PrivateDb } from "@minhbach/db/private";
import { ImportError, type ImportProblem } from "../shared/index.js";
import { checkFeatures, parseFeatureCollection } from "./read-features.js";

export interface BoundaryImportOptions {
  privateUrl: string;
  file: string;
  /** Feature property holding the unit code, e.g. "code". */
  codeProperty: string;
  /** Feature property holding the unit name; when given, names that do not match the unit are warned about. */
  nameProperty?: string;
  /** Boundaries drawn for illustration (not official): the portal says so on the map. */
  illustrative?: boolean;
  /** Skip features whose code is not a unit, instead of refusing the file. */
  skipUnknown?: boolean;
}

export interface BoundaryImportSummary {
  file: string;
  batchId: number;
  attached: number;
  /** Codes skipped with skipUnknown. */
  skipped: string[];
  /** Units whose area centroid lies outside them, so a point inside was used as the label point. */
  labelMovedInside: string[];
  warnings: ImportProblem[];
}

/** "Huyện Bạch Thông" and "Bạch Thông", or "Thành Phố" and "Thành phố", are the same name. */
function sameName(a: string, b: string): boolean {
  const fa = foldVietnamese(a);
  const fb = foldVietnamese(b);
  return fa === fb || fa.endsWith(` ${fb}`) || fb.endsWith(` ${fa}`);
}

export async function importBoundaries(opts: BoundaryImportOptions): Promise<BoundaryImportSummary> {
  const { file } = opts;
  if (!fs.existsSync(file)) throw new ImportError([{ file, reason: "file not found" }]);
  const bytes = fs.readFileSync(file);
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const features = parseFeatureCollection(file, bytes.toString("utf8"), problems);
  const checked = checkFeatures(file, features, opts, problems);

  const db = openPrivateStore(opts.privateUrl);
  try {
    const codes = checked.map((f) => f.code);
    const units = new Map((await db.adminUnit.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } })).map((u) => [u.code, u.name]));
    const skipped: string[] = [];
    const toAttach = checked.filter((f) => {
      const unitName = units.get(f.code);
      if (unitName === undefined) {
        if (opts.skipUnknown) skipped.push(f.code);
        else problems.push({ file, column: `features[${f.index}].properties.${opts.codeProperty}`, reason: `unknown unit code ${f.code} (import the units first, or use --skip-unknown)` });
        return false;
      }
      if (f.name !== undefined && !sameName(f.name, unitName)) {
        warnings.push({ file, column: `features[${f.index}].properties.${opts.nameProperty}`, reason: `name "${f.name}" differs from unit ${f.code} "${unitName}"` });
      }
      return true;
    });
    if (problems.length === 0 && toAttach.length === 0) problems.push({ file, reason: "no feature matches a unit" });
    if (problems.length > 0) throw new ImportError(problems);

    const batchId = await db.$transaction(
      async (itx) => {
        const tx = itx as unknown as PrivateDb; // Prisma's interactive-transaction type drops the delegates (see release-writer)
        for (const f of toAttach) {
          await tx.adminUnit.update({
            where: { code: f.code },
            data: {
              geometry: JSON.stringify({ type: f.geometry.type, coordinates: f.geometry.coordinates }),
              geometryIllustrative: opts.illustrative ?? false,
              centroidLng: f.centroid.lng,
              centroidLat: f.centroid.lat,
            },
          });
        }
        const summary = { attached: toAttach.map((f) => f.code), skipped, illustrative: opts.illustrative ?? false, warnings: warnings.length };
        const batch = await tx.importBatch.create({
          data: {
            kind: "BOUNDARIES",
            fileName: path.basename(file),
            sha256: createHash("sha256").update(bytes).digest("hex"),
            rows: toAttach.length,
            summary: JSON.stringify(summary),
          },
        });
        return batch.id;
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
    const labelMovedInside = toAttach.filter((f) => f.centroid.inside === "scanline").map((f) => f.code);
    return { file, batchId, attached: toAttach.length, skipped, labelMovedInside, warnings };
  } finally {
    await db.$disconnect();
  }
}
