/**
 * The national province map as static SVG (pure): one path per province, coloured by its latest official poor rate,
 * drawn at build time. Why static: it shows without JavaScript and without Leaflet (whose script cost a cheap phone
 * 1.2–2 s of blocking time on the home page); each province is a link, so it is keyboard-accessible too.
 * Paths use integer pixels and relative moves in a 1000-unit-high view box (a pixel of a phone screen is ~3 units),
 * so 63 real provinces weigh a few tens of kB.
 */
import { polygonsOf, simplifyGeometry, type AreaGeometry } from "@minhbach/core/geo/index.ts";
import type { IndexEntry } from "../data/model.js";
import { rateColor } from "../data/map-layers.js";

export const VIEW_HEIGHT = 1000;
/** Fill of a province with no official figure: its own hatch pattern, never a rate colour (and never zero's). */
export const NO_OFFICIAL_FILL = "url(#no-official)";

export interface NationalShape { code: string; name: string; d: string; fill: string }
export interface NationalMap { width: number; height: number; shapes: NationalShape[]; unshaped: IndexEntry[] }

/** Map fill of a province's latest official rate (hatch when there is none). */
export function officialFill(u: IndexEntry): string {
  return u.official ? rateColor(u.official.rate, "P") : NO_OFFICIAL_FILL;
}

/** Integer relative path of one ring ("M x y l dx dy …z"), dropping points that round onto the previous one. */
function ringPath(ring: number[][], x: (lng: number) => number, y: (lat: number) => number): string {
  let out = "";
  let px = 0, py = 0, n = 0;
  for (const p of ring) {
    const qx = Math.round(x(p[0]!)), qy = Math.round(y(p[1]!));
    if (n === 0) out += `M${qx} ${qy}`;
    else if (qx !== px || qy !== py) out += `l${qx - px} ${qy - py}`;
    else continue;
    px = qx; py = qy; n++;
  }
  return n >= 3 ? out + "z" : "";
}

/** The map of `provinces` (those with a geometry drawn, the others listed in `unshaped`), `geometryOf` reading each. */
export function nationalMap(provinces: IndexEntry[], geometryOf: (code: string) => AreaGeometry | null): NationalMap {
  const drawn: { u: IndexEntry; g: AreaGeometry }[] = [];
  const unshaped: IndexEntry[] = [];
  for (const u of provinces) {
    const g = u.hasGeometry ? geometryOf(u.code) : null;
    if (g) drawn.push({ u, g });
    else unshaped.push(u);
  }
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { g } of drawn) for (const poly of polygonsOf(g)) for (const p of poly[0]!) {
    minX = Math.min(minX, p[0]!); maxX = Math.max(maxX, p[0]!); minY = Math.min(minY, p[1]!); maxY = Math.max(maxY, p[1]!);
  }
  if (drawn.length === 0) return { width: 0, height: 0, shapes: [], unshaped };
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = (VIEW_HEIGHT - 20) / Math.max(maxY - minY, 0.01);
  const width = Math.round((maxX - minX) * k * scale + 20);
  const x = (lng: number) => 10 + (lng - minX) * k * scale;
  const y = (lat: number) => 10 + (maxY - lat) * scale;
  // Simplify to about a view-box unit: finer detail would not show and only adds bytes.
  const tolerance = 1 / scale;
  const shapes = drawn.map(({ u, g }) => {
    const d = polygonsOf(simplifyGeometry(g, tolerance)).map((poly) => poly.map((ring) => ringPath(ring, x, y)).join("")).join("");
    return { code: u.code, name: u.name, d, fill: officialFill(u) };
  });
  return { width, height: VIEW_HEIGHT, shapes, unshaped };
}
