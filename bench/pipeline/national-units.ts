/**
 * The national map for the pipeline benchmark: the real 63 provinces / 696 districts / 10,047 communes (GSO list of
 * 2025-03-01, read at run time from the shared reference file, never copied into the repo) plus ~9 synthetic villages
 * per commune. Why no 2025 reform: the benchmark measures scale, so one stable map serves all five review years
 * (every unit valid from 2021-01-01, no end date); the reform is exercised by the Bắc Kạn demo.
 */
import fs from "node:fs";
import path from "node:path";
import { Rng } from "../../packages/pipeline/src/demo/random.ts";

export const UNITS_FILE = process.env.VN_ADMIN_UNITS ?? path.resolve(import.meta.dirname, "../../../shared/data/vn-admin/units-2025-03-01.json");
export const MAP_START = new Date("2021-01-01T00:00:00Z");

export interface NationalCommune {
  code: string;
  name: string;
  type: string;
  district: string;
  province: string;
  urban: boolean;
  remoteness: number; // 0 (city) … 1 (most remote)
  villages: string[];
}

export interface NationalProvince {
  code: string;
  name: string;
  type: string;
  districts: { code: string; name: string; type: string }[];
  communes: NationalCommune[];
}

interface RawFile {
  data: {
    level1_id: string; name: string; type: string;
    level2s: { level2_id: string; name: string; type: string; level3s: { level3_id: string; name: string; type: string }[] }[];
  }[];
}

const lower = (s: string) => s.toLowerCase();

/** Deterministic for a seed: village counts 5–13 per commune (mean 9), remoteness by district with jitter. */
export function loadNationalMap(seed: number, file = UNITS_FILE): NationalProvince[] {
  const raw = JSON.parse(fs.readFileSync(file, "utf8")) as RawFile;
  const provinces: NationalProvince[] = [];
  for (const p of [...raw.data].sort((a, b) => a.level1_id.localeCompare(b.level1_id))) {
    const rng = new Rng(seed, `map:${p.level1_id}`);
    const cityProvince = /trung ương/i.test(p.type);
    const province: NationalProvince = { code: p.level1_id, name: p.name, type: lower(p.type), districts: [], communes: [] };
    for (const d of p.level2s) {
      province.districts.push({ code: d.level2_id, name: d.name, type: lower(d.type) });
      const urbanDistrict = /quận|thành phố|thị xã/i.test(d.type);
      const districtRemote = urbanDistrict ? rng.uniform(0, 0.25) : rng.uniform(cityProvince ? 0.1 : 0.25, 0.95);
      for (const c of d.level3s) {
        const urban = /phường|thị trấn/i.test(c.type);
        const remoteness = Math.min(1, Math.max(0, districtRemote - (urban ? 0.3 : 0) + rng.uniform(-0.15, 0.15)));
        const n = rng.int(5, 13);
        const villages = Array.from({ length: n }, (_, i) => `${c.level3_id}-${String(i + 1).padStart(2, "0")}`);
        province.communes.push({ code: c.level3_id, name: c.name, type: lower(c.type), district: d.level2_id, province: p.level1_id, urban, remoteness, villages });
      }
    }
    provinces.push(province);
  }
  return provinces;
}

const villageCount = (p: NationalProvince) => p.communes.reduce((n, c) => n + c.villages.length, 0);

/** The provinces of a benchmark scale: one median-sized province, the largest one (its files are the biggest an
 *  import meets), ten spread over the code list, or all. */
export function provincesForScale(all: NationalProvince[], scale: string): NationalProvince[] {
  if (scale === "all") return all;
  if (scale === "largest") return [[...all].sort((a, b) => villageCount(b) - villageCount(a) || a.code.localeCompare(b.code))[0]!];
  if (scale === "province" || scale === "1") {
    const bySize = [...all].sort((a, b) => a.communes.length - b.communes.length || a.code.localeCompare(b.code));
    return [bySize[Math.floor(bySize.length / 2)]!];
  }
  const n = Number(scale);
  if (!Number.isInteger(n) || n < 1 || n > all.length) throw new Error(`--scale must be province, largest, 10 (or another count up to ${all.length}) or all; got ${scale}`);
  return Array.from({ length: n }, (_, i) => all[Math.floor(((i + 0.5) * all.length) / n)]!);
}
