/**
 * Chooses project participants among the demo's real synthetic households. Why from the review files: participant ids
 * are hashed with the same key as the household import, so they must be ids that the reviews contain.
 */
import type { Rng } from "../random.js";
import type { ReviewYear } from "../households/generate.js";

/** `n` household ids living in `village` at `review`, mostly poor or near-poor (about 85 %), some from `prefer`. */
export function pickParticipants(rng: Rng, review: ReviewYear, village: string, n: number, prefer: readonly string[] = []): string[] {
  const here = review.rows.filter((r) => r.villageCode === village).map((r) => r.householdId);
  const present = new Set(here);
  const chosen = new Set(prefer.filter((id) => present.has(id)).slice(0, n));
  const target = review.classes;
  const poorish = rng.shuffle(here.filter((id) => target.get(id) !== "NOT_POOR" && !chosen.has(id)));
  const others = rng.shuffle(here.filter((id) => target.get(id) === "NOT_POOR" && !chosen.has(id)));
  const wantPoorish = Math.round(n * 0.85);
  for (const id of poorish) if (chosen.size < Math.min(n, wantPoorish + prefer.length)) chosen.add(id);
  for (const id of [...others, ...poorish]) if (chosen.size < n) chosen.add(id);
  if (chosen.size < n) throw new Error(`Village ${village} has only ${here.length} households in ${review.year}; ${n} participants wanted`);
  return [...chosen].sort();
}
