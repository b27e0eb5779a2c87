/**
 * A unit's poor rate as map text (pure, no Leaflet): shared by the Leaflet small maps (unit-map.ts) and the map
 * widget's table and SVG, which the widget rewrites for ?year= and ?release= before Leaflet loads.
 */
import type { RateStatus } from "../data/model.js";
import { formatPercent } from "../lib/format.js";

export type Rate = [number | null, RateStatus] | null | undefined;
/** `partial`: a year too few villages/communes reported (status C) — never a total; "no data" when not given. */
export interface RateWords { noData: string; suppressed: string; partial?: string }

export function rateText(r: Rate, lang: "VI" | "EN", w: RateWords): string {
  if (r?.[1] === "C") return w.partial ?? w.noData;
  return !r || (r[1] !== "S" && r[0] === null) ? w.noData : r[1] === "S" ? w.suppressed : formatPercent(r[0]!, lang);
}
