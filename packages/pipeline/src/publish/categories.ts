/** The categories each published table splits households into. Why here: scan, tables and release must agree. */
export const POVERTY_CATEGORIES = ["poor", "nearPoor", "other"] as const;
export const POVERTY_PUBLISHED = ["poor", "nearPoor"] as const;

/** Review-category flows; "other" (continuing poor/near-poor, not poor, re-near-poor) is never published. */
export const FLOW_CATEGORIES = ["newlyPoor", "rePoor", "escapedPoor", "newlyNearPoor", "escapedNearPoor", "other"] as const;
export const FLOW_PUBLISHED = ["newlyPoor", "rePoor", "escapedPoor", "newlyNearPoor", "escapedNearPoor"] as const;

const FLOW_BY_REVIEW_CATEGORY: Record<string, number> = {
  NEWLY_POOR: 0,
  RE_POOR: 1,
  ESCAPED_POOR: 2,
  NEWLY_NEAR_POOR: 3,
  ESCAPED_NEAR_POOR: 4,
};

export function flowIndex(reviewCategory: string): number {
  return FLOW_BY_REVIEW_CATEGORY[reviewCategory] ?? FLOW_CATEGORIES.length - 1;
}

export const LACKING_CATEGORIES = ["lacking", "notLacking"] as const;
