/**
 * A unit's type in words (pure). Why here: the API fixture stores GSO type codes (XA, HUYEN) while the demo and real
 * imports store the Vietnamese word ("xã", "huyện"); both must read "Xã"/"Commune" on the portal, never "xã" in English.
 */
import { UNIT_TYPE_LABELS } from "@minhbach/core/release/labels.ts";
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import type { Lang } from "./format.js";

const BY_WORD = new Map(Object.entries(UNIT_TYPE_LABELS).map(([code, w]) => [foldVietnamese(w.VI), code]));

/** "xã" or "XA" → "Xã" (VI) / "Commune" (EN); an unknown type is shown as stored, capitalised. */
export function typeLabel(type: string | null | undefined, lang: Lang): string {
  if (!type) return "";
  const code = UNIT_TYPE_LABELS[type] ? type : BY_WORD.get(foldVietnamese(type));
  if (code) return UNIT_TYPE_LABELS[code]![lang];
  return type.charAt(0).toLocaleUpperCase("vi") + type.slice(1);
}
