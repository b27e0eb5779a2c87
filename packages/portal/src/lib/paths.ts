/**
 * Which pages exist (pure, over the site index): a profile per province, district and commune (units with no figures yet share one template,
 * filled by the server); villages are sections of
 * their commune's page. Why: one page per village does not scale to ~90,000 villages (see docs/portal.md).
 */
import type { IndexEntry } from "../data/model.js";

export function profileCodes(units: IndexEntry[]): string[] {
  return units.filter((u) => u.page === u.code && !u.templated).map((u) => u.code);
}
