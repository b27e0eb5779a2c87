/**
 * A unit's poor rate as map text (pure, no Leaflet): shared by the Leaflet small maps (unit-map.ts) and the map
 * widget's table and SVG, which the widget rewrites for ?year= and ?release= before Leaflet loads.
 */
import { formatPercent } from "../lib/format.js";

export type Rate = [number | null, "P" | "S" | "N"] | null | undefined;
export interface RateWords { noData: string; suppressed: string }

export function rateText(r: Rate, lang: "VI" | "EN", w: RateWords): string {
  return !r || (r[1] !== "S" && r[0] === null) ? w.noData : r[1] === "S" ? w.suppressed : formatPercent(r[0]!, lang);
}
