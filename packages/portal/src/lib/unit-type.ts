/**
 * A unit's type in words (pure): "xã" or "XA" → "Xã" (VI) / "Commune" (EN). One implementation for the API, the
 * exports and the portal lives in core (release/labels.ts); this name is kept for the portal's components.
 */
export { unitTypeLabel as typeLabel } from "@minhbach/core/release/labels.ts";
