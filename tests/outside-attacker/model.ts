/**
 * The outside attacker's model of a harvested release: one integer variable ≥ 0 per hidden (SUPPRESSED) figure,
 * published figures as constants, and linear relations an outsider can reasonably assume — each one VERIFIED on the
 * release's own fully published instances before it is used (a relation family with a violated instance, or with no
 * fully published instance at all, is dropped and logged).
 *
 * Families: (a) hierarchy sums in each review year's own hierarchy; (b) poor + nearPoor ≤ households;
 * (c) Σ lacking.* ≥ minDeprived × poor; (d) flows bounded by stocks; (e–g) every count ≤ the unit's households;
 * (h) a per-cell reason (PRIMARY, or a note saying "this group … fewer than k households") bounds the cell.
 */
import { cellKey, type Harvest, type HarvestedCell } from "./harvest.js";

export type Sense = "=" | "<=" | ">=";

export interface Term {
  key: string;
  coef: number;
}

/** Σ coef · cell (sense) rhs, over harvested cells. */
export interface Relation {
  family: string;
  label: string;
  terms: Term[];
  sense: Sense;
  rhs: number;
}

/** A relation over variables only (published cells substituted). */
export interface Constraint {
  family: string;
  label: string;
  vars: { v: number; coef: number }[];
  sense: Sense;
  rhs: number;
}

export interface Variable {
  index: number;
  key: string;
  cell: HarvestedCell;
  /** the unit's published households that year (undefined when not published) */
  n: number | undefined;
  lower: number;
  upper: number;
  /** "fewer than N households" (PRIMARY): the count is in [1, N−1] or, for the rest of the unit, in [n−N+1, n] */
  primaryBelow?: number;
}

export interface FamilyVerdict {
  family: string;
  instances: number;
  fullyPublished: number;
  violations: string[];
  used: boolean;
  why?: string;
}

export interface AttackModel {
  k: number;
  variables: Variable[];
  constraints: Constraint[];
  families: FamilyVerdict[];
  /** (parent, year) instances whose household totals do not add up over the children found (dropped) */
  brokenPartitions: string[];
  /** hidden figures that carried a usable reason */
  reasonsUsed: number;
}

const STOCK_FLOW: [flow: string[], stock: string, lag: number][] = [
  [["newlyPoor", "rePoor"], "poor", 0],
  [["escapedPoor"], "poor", 1],
  [["escapedNearPoor"], "nearPoor", 1],
  [["newlyNearPoor"], "nearPoor", 0],
];

/** "fewer than N households" of a group (not of the whole unit), in the API's English or Vietnamese wording. */
export function primaryThresholdOf(cell: HarvestedCell): number | undefined {
  if (cell.reason === "PRIMARY") return -1;
  const note = cell.note ?? "";
  if (/the unit has fewer than|đơn vị có ít hơn/i.test(note)) return undefined;
  const m = /fewer than (\d+) households/i.exec(note) ?? /ít hơn (\d+) hộ/i.exec(note);
  return m ? Number(m[1]) : undefined;
}

/** The children of `parent` in review year `year`: units whose parent period covers the year's reference date. */
function childrenIn(h: Harvest, byParent: Map<string, { code: string; from: string; to: string | null }[]>, parent: string, year: number): string[] {
  const p = h.units.get(parent);
  const end = `${year}-12-31`;
  // The review is carried out at the end of the year; a parent that ended during the year is summed as it ended.
  const date = p?.validTo && p.validTo.slice(0, 10) < end ? p.validTo.slice(0, 10) : end;
  return (byParent.get(parent) ?? []).filter((l) => l.from.slice(0, 10) <= date && (l.to === null || l.to.slice(0, 10) >= date)).map((l) => l.code);
}

/** Every candidate relation instance over the harvested cells. */
export function candidateRelations(h: Harvest): { relations: Relation[]; brokenPartitions: string[] } {
  const relations: Relation[] = [];
  const brokenPartitions: string[] = [];
  const cell = (code: string, year: number, measure: string) => h.cells.get(cellKey(code, year, measure));
  const measuresOf = new Map<string, string[]>();
  for (const c of h.cells.values()) {
    if (isRate(c.measure)) continue;
    const uy = `${c.code}|${c.year}`;
    (measuresOf.get(uy) ?? measuresOf.set(uy, []).get(uy)!).push(c.measure);
  }
  const byParent = new Map<string, { code: string; from: string; to: string | null }[]>();
  for (const u of h.units.values()) {
    for (const p of u.parentHistory) {
      (byParent.get(p.parentCode) ?? byParent.set(p.parentCode, []).get(p.parentCode)!).push({ code: u.code, from: p.validFrom, to: p.validTo });
    }
  }

  // (a) hierarchy: parent = Σ children, in the hierarchy of the review year.
  for (const [uy, measures] of measuresOf) {
    const [code, y] = uy.split("|") as [string, string];
    const year = Number(y);
    const parent = h.units.get(code);
    if (!parent || !byParent.has(code)) continue;
    const children = childrenIn(h, byParent, code, year);
    if (children.length === 0) continue;
    // The partition itself is checked on the household totals, which are always published.
    const hh = [cell(code, year, "households"), ...children.map((c) => cell(c, year, "households"))];
    if (hh.every((c) => c?.status === "PUBLISHED")) {
      const sum = hh.slice(1).reduce((s, c) => s + c!.value!, 0);
      if (sum !== hh[0]!.value) {
        brokenPartitions.push(`${code} ${year}: households ${hh[0]!.value} ≠ Σ ${children.length} children ${sum}`);
        continue;
      }
    }
    for (const measure of measures) {
      relations.push({
        family: `(a) ${parent.level.toLowerCase()} ${measure} = Σ children`,
        label: `${code} ${year} ${measure} = Σ ${children.length} children`,
        terms: [{ key: cellKey(code, year, measure), coef: 1 }, ...children.map((c) => ({ key: cellKey(c, year, measure), coef: -1 }))],
        sense: "=", rhs: 0,
      });
    }
  }

  for (const [uy, measures] of measuresOf) {
    const [code, y] = uy.split("|") as [string, string];
    const year = Number(y);
    const k = (m: string, yy = year) => cellKey(code, yy, m);
    const has = new Set(measures);
    // (b) poor + nearPoor ≤ households
    if (has.has("poor") && has.has("nearPoor") && has.has("households")) {
      relations.push({ family: "(b) poor + nearPoor ≤ households", label: `${code} ${year}`, sense: "<=", rhs: 0,
        terms: [{ key: k("poor"), coef: 1 }, { key: k("nearPoor"), coef: 1 }, { key: k("households"), coef: -1 }] });
    }
    // (c) Σ lacking.* ≥ minDeprived × poor
    const lacking = measures.filter((m) => m.startsWith("lacking."));
    const standard = h.standardOf.get(uy);
    const minDeprived = standard ? h.minDeprived.get(standard) : undefined;
    if (lacking.length && has.has("poor") && minDeprived) {
      relations.push({ family: `(c) Σ lacking ≥ ${minDeprived} × poor (${standard})`, label: `${code} ${year}`, sense: ">=", rhs: 0,
        terms: [...lacking.map((m) => ({ key: k(m), coef: 1 })), { key: k("poor"), coef: -minDeprived }] });
    }
    // (d) flows bounded by stocks (the unit has figures in both years)
    for (const [flows, stock, lag] of STOCK_FLOW) {
      if (!flows.every((f) => has.has(f)) || !h.cells.has(k(stock, year - lag))) continue;
      relations.push({ family: `(d) ${flows.join(" + ")} ≤ ${stock}(t${lag ? "−1" : ""})`, label: `${code} ${year}`, sense: "<=", rhs: 0,
        terms: [...flows.map((f) => ({ key: k(f), coef: 1 })), { key: k(stock, year - lag), coef: -1 }] });
    }
    // (e)(f)(g) every count ≤ households of its unit
    if (has.has("households")) {
      for (const m of measures) {
        if (m === "households") continue;
        const group = m.startsWith("lacking.") ? "lacking.*" : m;
        const letter = m.startsWith("lacking.") ? "(e)" : m === "projectParticipants" ? "(f)" : "(g)";
        relations.push({ family: `${letter} ${group} ≤ households`, label: `${code} ${year} ${m}`, sense: "<=", rhs: 0,
          terms: [{ key: k(m), coef: 1 }, { key: k("households"), coef: -1 }] });
      }
    }
  }
  return { relations, brokenPartitions };
}

const isRate = (measure: string) => measure.startsWith("rate:");

/** The API's rate: round(100 · count / households) to one decimal, half away from zero. */
export const percent = (count: number, households: number) => Math.round((count * 1000) / households) / 10;

/** The counts c in [0, n] whose rate is `rate` (the API rounds to one decimal). */
export function countsWithRate(rate: number, n: number): [number, number] | undefined {
  const lo = Math.max(0, Math.floor(((rate - 0.1) * n) / 100));
  const hi = Math.min(n, Math.ceil(((rate + 0.1) * n) / 100));
  const fit: number[] = [];
  for (let c = lo; c <= hi; c++) if (Math.abs(percent(c, n) - rate) < 1e-9) fit.push(c);
  return fit.length ? [fit[0]!, fit.at(-1)!] : undefined;
}

const holds = (lhs: number, sense: Sense, rhs: number) => (sense === "=" ? lhs === rhs : sense === "<=" ? lhs <= rhs : lhs >= rhs);

/** Verifies every family on its fully published instances and builds the variables and constraints. */
export function buildModel(h: Harvest, options: { useReasons?: boolean } = {}): AttackModel {
  const useReasons = options.useReasons ?? true;
  const { relations, brokenPartitions } = candidateRelations(h);
  const verdicts = new Map<string, FamilyVerdict>();
  const usable: Relation[] = [];
  for (const r of relations) {
    const v = verdicts.get(r.family) ?? verdicts.set(r.family, { family: r.family, instances: 0, fullyPublished: 0, violations: [], used: false }).get(r.family)!;
    const cells = r.terms.map((t) => h.cells.get(t.key));
    // An instance with a missing or NOT_AVAILABLE figure says nothing usable.
    if (cells.some((c) => !c || c.status === "NOT_AVAILABLE")) continue;
    v.instances++;
    if (cells.every((c) => c!.status === "PUBLISHED")) {
      v.fullyPublished++;
      const lhs = r.terms.reduce((s, t, i) => s + t.coef * cells[i]!.value!, 0);
      if (!holds(lhs, r.sense, r.rhs)) v.violations.push(`${r.label}: ${lhs} ${r.sense} ${r.rhs} fails`);
    } else usable.push(r);
  }
  for (const v of verdicts.values()) {
    if (v.instances === 0) v.why = "not applicable: no instance where every figure is published or hidden (e.g. villages publish no flows)";
    else if (v.violations.length) v.why = `dropped: ${v.violations.length} fully published instance(s) violate it, e.g. ${v.violations[0]}`;
    else if (v.fullyPublished === 0) v.why = "dropped: no fully published instance to verify it on";
    else v.used = true;
  }

  const variables: Variable[] = [];
  const index = new Map<string, number>();
  let reasonsUsed = 0;
  const sorted = [...h.cells.values()].filter((c) => c.status === "SUPPRESSED" && c.measure !== "households" && !isRate(c.measure)).sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : a.year - b.year || (a.measure < b.measure ? -1 : a.measure > b.measure ? 1 : 0));
  for (const c of sorted) {
    const key = cellKey(c.code, c.year, c.measure);
    const hh = h.cells.get(cellKey(c.code, c.year, "households"));
    const n = hh?.status === "PUBLISHED" ? hh.value! : undefined;
    const v: Variable = { index: variables.length, key, cell: c, n, lower: 0, upper: Infinity };
    // (h) a reason that says "fewer than N households" (the group's, or the rest of the unit's)
    const below = useReasons ? primaryThresholdOf(c) : undefined;
    if (below !== undefined) {
      const N = below === -1 ? h.k : below;
      v.primaryBelow = N;
      v.lower = 1;
      reasonsUsed++;
    }
    index.set(key, v.index);
    variables.push(v);
  }

  // (r) a published rate of a hidden count bounds it (verified: every published rate of a published count matches).
  const rates = { family: "(r) published rate = round(100 · count / households, 1)", instances: 0, fullyPublished: 0, violations: [] as string[], used: false } as FamilyVerdict;
  const rateBounds: [Variable, number, number][] = [];
  for (const c of h.cells.values()) {
    if (!isRate(c.measure) || c.status !== "PUBLISHED") continue;
    const count = h.cells.get(cellKey(c.code, c.year, c.measure.slice("rate:".length)));
    const hh = h.cells.get(cellKey(c.code, c.year, "households"));
    if (!count || count.status === "NOT_AVAILABLE" || hh?.status !== "PUBLISHED" || !hh.value) continue;
    rates.instances++;
    if (count.status === "PUBLISHED") {
      rates.fullyPublished++;
      if (Math.abs(percent(count.value!, hh.value) - c.value!) > 1e-9) rates.violations.push(`${c.code} ${c.year} ${c.measure} ${c.value} ≠ ${count.value}/${hh.value}`);
    } else {
      const range = countsWithRate(c.value!, hh.value);
      const v = variables[index.get(cellKey(c.code, c.year, count.measure))!];
      if (range && v) rateBounds.push([v, range[0], range[1]]);
    }
  }
  if (rates.violations.length) rates.why = `dropped: ${rates.violations.length} published rate(s) do not match their counts, e.g. ${rates.violations[0]}`;
  else if (rates.instances === 0) rates.why = "not applicable: no published rate with its households";
  else if (rates.fullyPublished === 0) rates.why = "dropped: no published rate of a published count to verify it on";
  else {
    rates.used = true;
    for (const [v, lo, hi] of rateBounds) (v.lower = Math.max(v.lower, lo)), (v.upper = Math.min(v.upper, hi));
  }
  verdicts.set(rates.family, rates);

  const constraints: Constraint[] = [];
  for (const r of usable) {
    if (!verdicts.get(r.family)!.used) continue;
    let rhs = r.rhs;
    const vars: { v: number; coef: number }[] = [];
    for (const t of r.terms) {
      const c = h.cells.get(t.key)!;
      if (c.status === "PUBLISHED") rhs -= t.coef * c.value!;
      else vars.push({ v: index.get(t.key)!, coef: t.coef });
    }
    if (vars.length === 1) {
      // One hidden figure: a bound.
      const { v, coef } = vars[0]!;
      const x = variables[v]!;
      const bound = rhs / coef;
      const sense = coef > 0 ? r.sense : r.sense === "<=" ? ">=" : r.sense === ">=" ? "<=" : "=";
      if (sense !== ">=") x.upper = Math.min(x.upper, Math.floor(bound));
      if (sense !== "<=") x.lower = Math.max(x.lower, Math.ceil(bound));
      continue;
    }
    constraints.push({ family: r.family, label: r.label, vars, sense: r.sense, rhs });
  }
  return { k: h.k, variables, constraints, families: [...verdicts.values()].sort((a, b) => (a.family < b.family ? -1 : 1)), brokenPartitions, reasonsUsed };
}
