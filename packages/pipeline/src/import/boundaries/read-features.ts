/**
 * Reads a GeoJSON FeatureCollection of unit boundaries and checks every feature: code property, duplicate codes,
 * geometry. Why separate from storing: validation must finish (listing every problem) before anything is written.
 */
import { labelPoint, validateAreaGeometry, type AreaGeometry } from "@minhbach/core/geo/index.ts";
import type { ImportProblem } from "../shared/index.js";

export interface CheckedFeature {
  index: number;
  code: string;
  name?: string;
  geometry: AreaGeometry;
  centroid: { lng: number; lat: number; inside: "centroid" | "scanline" };
}

export function parseFeatureCollection(file: string, text: string, problems: ImportProblem[]): unknown[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    problems.push({ file, reason: `not valid JSON: ${(err as Error).message}` });
    return [];
  }
  const fc = json as { type?: unknown; features?: unknown };
  if (!fc || fc.type !== "FeatureCollection" || !Array.isArray(fc.features)) {
    problems.push({ file, reason: 'not a GeoJSON FeatureCollection (expected {"type": "FeatureCollection", "features": [...]})' });
    return [];
  }
  if (fc.features.length === 0) problems.push({ file, reason: "the FeatureCollection has no features" });
  return fc.features;
}

/** Code (and optional name) of one feature, as text. Numbers are refused: "06" read as 6 would match nothing. */
function propertyText(feature: unknown, property: string): { value?: string; reason?: string } {
  const props = (feature as { properties?: Record<string, unknown> | null })?.properties;
  const v = props?.[property];
  if (v === undefined || v === null || v === "") return { reason: `property "${property}" is missing` };
  if (typeof v === "number") return { reason: `property "${property}" is the number ${v}; codes must be text ("06", not 6) to keep leading zeros` };
  if (typeof v !== "string") return { reason: `property "${property}" is not text` };
  return { value: v.trim() };
}

export function checkFeatures(
  file: string,
  features: readonly unknown[],
  opts: { codeProperty: string; nameProperty?: string },
  problems: ImportProblem[],
): CheckedFeature[] {
  const firstIndexOfCode = new Map<string, number>();
  const checked: CheckedFeature[] = [];
  features.forEach((feature, index) => {
    const at = `features[${index}]`;
    if ((feature as { type?: unknown })?.type !== "Feature") {
      problems.push({ file, column: at, reason: "not a GeoJSON Feature" });
      return;
    }
    const code = propertyText(feature, opts.codeProperty);
    if (code.reason) problems.push({ file, column: `${at}.properties.${opts.codeProperty}`, reason: code.reason });
    const name = opts.nameProperty ? propertyText(feature, opts.nameProperty) : {};
    if (name.reason) problems.push({ file, column: `${at}.properties.${opts.nameProperty}`, reason: name.reason });
    const label = code.value ? ` (code ${code.value})` : "";
    if (code.value) {
      const first = firstIndexOfCode.get(code.value);
      if (first !== undefined) problems.push({ file, column: `${at}.properties.${opts.codeProperty}`, reason: `code ${code.value} appears again (first in features[${first}])` });
      else firstIndexOfCode.set(code.value, index);
    }
    const { geometry, problems: geometryProblems } = validateAreaGeometry((feature as { geometry?: unknown }).geometry);
    for (const p of geometryProblems) problems.push({ file, column: `${at}.geometry.${p.path}`, reason: p.reason + label });
    if (!geometry || !code.value || code.reason || name.reason) return;
    checked.push({ index, code: code.value, ...(name.value ? { name: name.value } : {}), geometry, centroid: labelPoint(geometry) });
  });
  return checked;
}
