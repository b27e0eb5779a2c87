/**
 * Turns scanned village-year counts into the category tables that disclosure control protects: the poverty table
 * (poor / near-poor / other), the review flows, and one table per deprivation indicator. Why tables: each is an
 * additive hierarchy (village → commune → district → province, old and new units) that must be protected as a whole.
 */
import { INDICATORS } from "@minhbach/core/standards/indicators.ts";
import { standardForYear } from "@minhbach/core/standards/index.ts";
import type { CategoryTableInput } from "@minhbach/core/disclosure/index.ts";
import { FLOW_CATEGORIES, FLOW_PUBLISHED, LACKING_CATEGORIES, POVERTY_CATEGORIES, POVERTY_PUBLISHED } from "./categories.js";
import type { ScanResult, VillageYearCounts } from "./household-scan.js";
import type { UnitHierarchy } from "./unit-hierarchy.js";

export interface TableSpec {
  table: string;
  categories: readonly string[];
  published: readonly string[];
  /** measure name in the public store for each published category */
  measure: (category: string) => string;
  counts: (vy: VillageYearCounts) => number[];
  /** years in which the table exists (an indicator only under the standards that have it) */
  years: (all: number[]) => number[];
  /** false: published from the commune level up (rare events, and the detail of deprivations), see table-builder.ts */
  villageLevel: boolean;
  /** stocks (poor, lacking) can be differenced between years; flows are events of one review and are not */
  differencing: boolean;
}

export function tableSpecs(years: number[]): TableSpec[] {
  const specs: TableSpec[] = [
    {
      table: "poverty", categories: POVERTY_CATEGORIES, published: POVERTY_PUBLISHED, measure: (c) => c,
      counts: (vy) => vy.poverty, years: (all) => all, villageLevel: true, differencing: true,
    },
    {
      table: "flows", categories: FLOW_CATEGORIES, published: FLOW_PUBLISHED, measure: (c) => c,
      counts: (vy) => vy.flows, years: (all) => all, villageLevel: false, differencing: false,
    },
  ];
  for (const ind of INDICATORS) {
    const inYears = years.filter((y) => standardForYear(y).indicators.includes(ind.code));
    if (!inYears.length) continue;
    specs.push({
      table: `lacking.${ind.code}`, categories: LACKING_CATEGORIES, published: ["lacking"], measure: () => `lacking.${ind.code}`,
      counts: (vy) => [vy.lacking[ind.bit]!, vy.households - vy.lacking[ind.bit]!], years: () => inYears, villageLevel: false, differencing: true,
    });
  }
  return specs;
}

/** The order `localeCompare` gives (ECMA-402 defines it as this collator), without building a collator per call. */
const byCode = new Intl.Collator().compare;

type TableGrouping = CategoryTableInput["groupings"][number];
/** Whether a unit-year is published as a whole (coverage.ts): a grouping that is not is left out of every table. */
export type IsComplete = (unit: string, year: number) => boolean;
const everyUnitComplete: IsComplete = () => true;
const groupingsByScan = new WeakMap<ScanResult, { complete: IsComplete; byYear: Map<number, TableGrouping[]> }>();

/** A year's groupings depend only on the villages with records that year (and on coverage), the same for every table
 *  of one scan: built once per year instead of once per table (at national size, 100,000 units × 5 years, per
 *  table). Read-only. */
function groupingsOf(scan: ScanResult, year: number, complete: IsComplete, build: () => { unit: string; villages: string[] }[]): TableGrouping[] {
  let cached = groupingsByScan.get(scan);
  if (!cached || cached.complete !== complete) groupingsByScan.set(scan, (cached = { complete, byYear: new Map() }));
  let groupings = cached.byYear.get(year);
  if (!groupings) {
    groupings = build().filter((g) => complete(g.unit, year)).map((g) => ({ unit: g.unit, year, villages: g.villages }));
    cached.byYear.set(year, groupings);
  }
  return groupings;
}

export function buildTableInput(
  spec: TableSpec,
  scan: ScanResult,
  hierarchy: UnitHierarchy,
  k: number,
  history: Map<string, "PUBLISHED" | "SUPPRESSED">,
  /** Unit-years not complete are no groupings: disclosure control neither protects them nor counts them as published,
   *  and publish.ts writes their cells NOT_AVAILABLE. Their reporting villages stay in the table as usual. */
  complete: IsComplete = everyUnitComplete,
): CategoryTableInput {
  const years = spec.years(scan.years);
  const villages: CategoryTableInput["villages"] = [];
  const byYear = new Map<number, string[]>();
  for (const vy of scan.villageYears.values()) {
    if (!years.includes(vy.year)) continue;
    villages.push({ village: vy.village, year: vy.year, counts: spec.counts(vy) });
    (byYear.get(vy.year) ?? byYear.set(vy.year, []).get(vy.year)!).push(vy.village);
  }
  const groupings = years.flatMap((y) => groupingsOf(scan, y, complete, () => hierarchy.groupingsForYear(y, byYear.get(y) ?? [])));
  // Year-to-year differencing: where fewer than k households moved in or out of a unit and no stayer changed a
  // category, the difference of two published counts would be the movers' own count.
  const differencing: NonNullable<CategoryTableInput["differencing"]> = [];
  for (const pair of spec.differencing ? scan.pairs.values() : []) {
    if (!spec.villageLevel && hierarchy.unit(pair.unit)?.level === "VILLAGE") continue;
    if (pair.movers < 1 || pair.movers >= k || !years.includes(pair.fromYear) || !years.includes(pair.toYear)) continue;
    if (!complete(pair.unit, pair.fromYear) || !complete(pair.unit, pair.toYear)) continue; // no cell to difference
    for (const category of spec.published) {
      const changed = pair.changed.has(`${spec.table}|${category}`) || pair.changed.has(`${spec.table}|*`);
      if (!changed) differencing.push({ unit: pair.unit, fromYear: pair.fromYear, toYear: pair.toYear, category, movers: pair.movers });
    }
  }
  return {
    table: spec.table,
    categories: [...spec.categories],
    publishedCategories: [...spec.published],
    villages: villages.sort((a, b) => a.year - b.year || byCode(a.village, b.village)),
    groupings: groupings.sort((a, b) => a.year - b.year || byCode(a.unit, b.unit)),
    differencing,
    publishVillages: spec.villageLevel,
    history,
    k,
  };
}

/**
 * Splits a table into independent parts: one per group of provinces that share villages (a province merged into
 * another in a reform joins them), and within that, one per group of years that no differencing pair joins. Why: no
 * national total is published, so provinces never constrain each other; every published cell sums one year's
 * villages, so years constrain each other only through a hidden difference X(to) − X(from). Protecting many small
 * problems is far cheaper than one big one (elimination and interval attacks grow faster than linearly) and spreads
 * over the workers. Cell ids do not change, so history and results are the same as for the whole table.
 */
export function splitIntoParts(input: CategoryTableInput, hierarchy: UnitHierarchy): CategoryTableInput[] {
  return splitByProvince(input, hierarchy).flatMap(splitByYears);
}

/** Union-find: keys joined directly or through others share a root. */
class Groups<K> {
  private readonly parent = new Map<K, K>();
  root(key: K): K {
    let root = key;
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root)) root = up;
    if (root !== key) this.parent.set(key, root);
    return root;
  }
  join(a: K, b: K): void {
    const [ra, rb] = [this.root(a), this.root(b)];
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

/** One part per group, made on first use with the table's settings and none of its rows, in order of first use. */
function partsOf<K>(input: CategoryTableInput, groups: Groups<K>) {
  const parts = new Map<K, CategoryTableInput>();
  const of = (key: K): CategoryTableInput => {
    const root = groups.root(key);
    let part = parts.get(root);
    if (!part) parts.set(root, (part = { ...input, villages: [], groupings: [], differencing: [] }));
    return part;
  };
  return { of, all: () => [...parts.values()] };
}

function splitByYears(input: CategoryTableInput): CategoryTableInput[] {
  const years = new Groups<number>();
  for (const d of input.differencing ?? []) years.join(d.fromYear, d.toYear);
  const parts = partsOf(input, years);
  for (const v of input.villages) parts.of(v.year).villages.push(v);
  for (const g of input.groupings) parts.of(g.year).groupings.push(g);
  for (const d of input.differencing ?? []) parts.of(d.fromYear).differencing!.push(d);
  return parts.all();
}

function splitByProvince(input: CategoryTableInput, hierarchy: UnitHierarchy): CategoryTableInput[] {
  // Joined by province, and by every other grouping too: a province not complete (coverage.ts) is no grouping, and its
  // districts and communes must still find all their villages in their part. Where the provinces are there, they
  // already join everything below them, so the parts are the same.
  const villages = new Groups<string>();
  for (const g of input.groupings) {
    if (hierarchy.unit(g.unit)?.level === "VILLAGE") continue;
    for (const v of g.villages) villages.join(g.villages[0]!, v);
  }
  const parts = partsOf(input, villages);
  for (const v of input.villages) parts.of(v.village).villages.push(v);
  const firstVillage = new Map<string, string>(); // "<unit>|<year>" → a village in it
  for (const g of input.groupings) {
    parts.of(g.villages[0]!).groupings.push(g);
    firstVillage.set(`${g.unit}|${g.year}`, g.villages[0]!);
  }
  for (const d of input.differencing ?? []) {
    const village = firstVillage.get(`${d.unit}|${d.fromYear}`) ?? (hierarchy.unit(d.unit)?.level === "VILLAGE" ? d.unit : undefined);
    if (!village) throw new Error(`differencing pair for ${d.unit} names a unit without villages in ${d.fromYear}`);
    parts.of(village).differencing!.push(d);
  }
  return parts.all();
}
