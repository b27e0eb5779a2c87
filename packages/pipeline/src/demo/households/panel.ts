/**
 * The synthetic household panel: the same households review after review, with stable ids (HH-<commune>-<vv>-<nnnn>),
 * moves between villages of a commune, splits, newcomers and leavers. Why a panel rather than independent years:
 * flows (escaped, newly poor, re-poor) and disclosure control across years only make sense when households persist.
 */
import { Rng } from "../random.js";
import type { CommuneProfile } from "../units.js";
import { LUC_BINH } from "../units.js";

export type PovertyClass = "POOR" | "NEAR_POOR" | "NOT_POOR";

export interface Household {
  id: string;
  commune: CommuneProfile;
  village: string;
  size: number;
  ethnicMinority: boolean;
  persistent: number; // lasting welfare level (standard normal)
  shock: number; // AR(1) yearly part
  order: number[]; // the indicator bits this household would lack first, in order
  firstYear: number;
  history: PovertyClass[]; // computed class at each review so far
}

export interface PanelOptions {
  /** Households at the 2021 review, province-wide (Lục Bình is fixed separately). */
  households2021: number;
  lucBinh2021: number;
}

export const DEFAULT_PANEL: PanelOptions = { households2021: 75_000, lucBinh2021: 1_020 };

const SIZE_WEIGHTS = [0.06, 0.14, 0.2, 0.25, 0.17, 0.09, 0.05, 0.025, 0.015]; // sizes 1..9
/** Relative prevalence of each ND07 indicator among deprived households (bits 0–11), for the order of lacking. */
const LACK_WEIGHTS = [0.5, 0.6, 0.5, 0.25, 0.8, 0.3, 0.9, 0.6, 0.8, 1.0, 0.3, 0.7];

export class Panel {
  readonly households: Household[] = [];
  private readonly nextSeq = new Map<string, number>();

  constructor(
    private readonly rng: Rng,
    private readonly communes: CommuneProfile[],
    options: PanelOptions = DEFAULT_PANEL,
  ) {
    const sizes = communeSizes(rng, communes, options);
    communes.forEach((c, i) => {
      const perVillage = splitAcross(rng, sizes[i]!, c.villages.length);
      c.villages.forEach((v, vi) => {
        for (let k = 0; k < perVillage[vi]!; k++) this.households.push(this.newHousehold(c, v, 2021));
      });
    });
  }

  private newHousehold(c: CommuneProfile, village: string, year: number, parent?: Household): Household {
    const seq = (this.nextSeq.get(village) ?? 0) + 1;
    this.nextSeq.set(village, seq);
    const rng = this.rng;
    const remote = c.remoteness;
    const size = parent ? Math.min(parent.size - 1, rng.int(1, 3)) : Math.min(9, rng.weighted(SIZE_WEIGHTS) + 1 + (rng.chance(remote * 0.3) ? 1 : 0));
    return {
      id: `HH-${village}-${String(seq).padStart(4, "0")}`,
      commune: c,
      village,
      size,
      ethnicMinority: parent ? parent.ethnicMinority : rng.chance(c.urban ? 0.65 : 0.8 + 0.18 * remote),
      persistent: parent ? parent.persistent + 0.4 * rng.normal() : rng.normal(),
      shock: 0.4 * rng.normal(),
      order: weightedOrder(rng, LACK_WEIGHTS),
      firstYear: year,
      history: [],
    };
  }

  /** Welfare score at the current review: lower is poorer. */
  score(h: Household): number {
    return h.persistent + h.shock - 1.6 * h.commune.remoteness - (h.ethnicMinority ? 0.35 : 0) - 0.06 * (h.size - 4);
  }

  /** Moves the panel from one review to the next: leavers, splits, newcomers, moves, size changes and shocks. */
  advance(year: number): void {
    const rng = this.rng;
    const stay: Household[] = [];
    const born: Household[] = [];
    for (const h of this.households) {
      if (rng.chance(0.008)) continue; // left the province (or dissolved)
      h.shock = 0.6 * h.shock + 0.32 * rng.normal();
      if (rng.chance(0.08)) h.size = Math.min(9, h.size + 1);
      else if (rng.chance(0.06)) h.size = Math.max(1, h.size - 1);
      // Moves stay within the commune so that Lục Bình's calibration domain is stable.
      if (rng.chance(0.012)) h.village = rng.pick(h.commune.villages.filter((v) => v !== h.village));
      if (h.size >= 3 && rng.chance(0.012)) {
        const child = this.newHousehold(h.commune, h.village, year, h);
        h.size -= child.size;
        born.push(child);
      }
      stay.push(h);
    }
    for (const c of this.communes) {
      const n = Math.round(c.villages.length * 0.25 * rng.uniform(0, 2)); // about 0.3 % newcomers
      for (let k = 0; k < n; k++) born.push(this.newHousehold(c, rng.pick(c.villages), year));
    }
    this.households.length = 0;
    this.households.push(...stay, ...born);
  }
}

function communeSizes(rng: Rng, communes: CommuneProfile[], o: PanelOptions): number[] {
  const raw = communes.map((c) => {
    if (c.gsoCode === LUC_BINH) return 0;
    const base = c.urban ? (c.districtCode === "058" ? 1900 : 1250) : 380 + 520 * (1 - c.remoteness);
    return base * rng.uniform(0.75, 1.25);
  });
  const total = raw.reduce((s, x) => s + x, 0);
  const target = o.households2021 - o.lucBinh2021;
  const sizes = raw.map((x) => Math.round((x * target) / total));
  const lb = communes.findIndex((c) => c.gsoCode === LUC_BINH);
  if (lb >= 0) sizes[lb] = o.lucBinh2021;
  // Put the rounding remainder on the largest commune so the 2021 total is exact.
  const diff = o.households2021 - sizes.reduce((s, x) => s + x, 0);
  const largest = sizes.indexOf(Math.max(...sizes));
  sizes[largest]! += diff;
  return sizes;
}

/** Split n over k villages with random weights (largest remainder), at least 15 each. */
function splitAcross(rng: Rng, n: number, k: number): number[] {
  const w = Array.from({ length: k }, () => rng.uniform(0.5, 1.5));
  const sum = w.reduce((s, x) => s + x, 0);
  const min = Math.min(15, Math.floor(n / k));
  const free = n - min * k;
  const exact = w.map((x) => (x / sum) * free);
  const out = exact.map((x) => min + Math.floor(x));
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let r = n - out.reduce((s, x) => s + x, 0), j = 0; r > 0; r--, j++) out[order[j % k]![1]]!++;
  return out;
}

function weightedOrder(rng: Rng, weights: readonly number[]): number[] {
  // Efraimidis–Spirakis: sort by u^(1/w), descending.
  return weights.map((w, bit) => [Math.pow(rng.next(), 1 / w), bit] as const).sort((a, b) => b[0] - a[0]).map(([, bit]) => bit);
}
