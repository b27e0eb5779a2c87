/**
 * Derives the demo's committed national data (data/national/) from the shared reference files (vn-admin). Why a
 * function returning file texts: the script writes them, and a test derives them again and compares byte for byte,
 * so the committed files can never drift from what this code makes of the sources.
 */
import fs from "node:fs";
import path from "node:path";
import { buildTopology, type SourceShape } from "./topology.js";

/** Grid and tolerance of the committed boundaries (degrees): ~11 m grid, ~33 m simplification (¼ px at zoom 10). */
export const QUANTUM = 1e-4;
export const TOLERANCE = 3e-4;

interface L3 { level3_id: string; name: string; type: string }
interface L2 { level2_id: string; name: string; type: string; level3s: L3[] }
interface L1 { level1_id: string; name: string; type: string; level2s: L2[] }
interface Splits { data: { level1_id: string; splits: { new_id: string }[]; level3s: { level3_id: string; splits: { new_id: string }[] }[] }[] }
interface Merges {
  data: { level1_id: string; name: string; merges: { old_id: string; type: string }[];
    level2s: { level2_id: string; name: string; merges: { old_id: string; type: string }[] }[] }[];
}

const PREFIXES = ["Thành phố", "Thị xã", "Thị trấn", "Tỉnh", "Huyện", "Quận", "Phường", "Xã", "Đặc khu"];

/** "Xã Lục Bình" → { name: "Lục Bình", type: "xã" } (the type word as the name starts). */
export function splitTypedName(full: string, where: string): { name: string; type: string } {
  // Case-insensitive: the source writes "Thành Phố Bắc Kạn" as well as "Thành phố Hà Nội".
  const lower = full.toLowerCase();
  for (const p of PREFIXES) {
    if (lower.startsWith(p.toLowerCase() + " ")) return { name: full.slice(p.length + 1).trim(), type: p.toLowerCase() };
  }
  throw new Error(`${where}: no unit type word at the start of "${full}"`);
}

/** The GSO type of a province-level unit as stored: a centrally governed city is not a provincial city. */
function provinceType(gsoType: string, where: string): string {
  if (gsoType === "Tỉnh") return "tỉnh";
  if (gsoType === "Thành phố Trung ương") return "thành phố trực thuộc trung ương";
  throw new Error(`${where}: unknown province type "${gsoType}"`);
}

export interface NationalFiles {
  /** file name (inside data/national/) → text */
  files: Map<string, string>;
  counts: { provinces: number; districts: number; communes: number; newProvinces: number; newCommunes: number; provinceShapes: number; districtShapes: number };
}

/** Everything derived from `sharedDir` (…/vn-admin), as the texts of the committed files. */
export function deriveNational(sharedDir: string): NationalFiles {
  const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(sharedDir, file), "utf8")) as T;
  const units = read<{ data: L1[]; data_date: string }>("units-2025-03-01.json");
  const unitsFile = unitsJson(units.data, units.data_date);
  const merges = read<Merges>("reorg-2025-07/merges-new-to-old.json");
  checkPhuThong(sharedDir, merges);
  const reform = reformJson(units.data, read<Splits>("reorg-2025-07/splits-old-to-new.json"), merges);
  const geo = boundaries(sharedDir, units.data);
  const files = new Map<string, string>([
    ["units-2025-03-01.json", unitsFile],
    ["reform-2025-07-01.json", reform.text],
    ["boundaries-2025-03.topo.json", geo.text],
    ["LICENSE-dvhcvn-GPL-3.0.txt", fs.readFileSync(path.join(sharedDir, "LICENSE-dvhcvn-GPL-3.0.txt"), "utf8")],
    ["LICENSE-dvhcvn-20250701-MIT.txt", fs.readFileSync(path.join(sharedDir, "reorg-2025-07/LICENSE-MIT.txt"), "utf8")],
  ]);
  const districts = units.data.reduce((n, p) => n + p.level2s.length, 0);
  const communes = units.data.reduce((n, p) => n + p.level2s.reduce((m, d) => m + d.level3s.length, 0), 0);
  return {
    files,
    counts: { provinces: units.data.length, districts, communes, newProvinces: reform.provinces, newCommunes: reform.communes, provinceShapes: geo.provinces, districtShapes: geo.districts },
  };
}

/** JSON with one row per line: small diffs when the source changes, and still plain JSON. */
function rowsJson(head: Record<string, unknown>, lists: Record<string, unknown[]>): string {
  const parts = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  for (const [k, rows] of Object.entries(lists)) parts.push(`  ${JSON.stringify(k)}: [\n${rows.map((r) => "    " + JSON.stringify(r)).join(",\n")}\n  ]`);
  return `{\n${parts.join(",\n")}\n}\n`;
}

function unitsJson(data: L1[], dataDate: string): string {
  const provinces: string[][] = [], districts: string[][] = [], communes: string[][] = [];
  for (const p of data) {
    const where = `units-2025-03-01.json: province ${p.level1_id}`;
    provinces.push([p.level1_id, splitTypedName(p.name, where).name, provinceType(p.type, where)]);
    for (const d of p.level2s) {
      districts.push([d.level2_id, splitTypedName(d.name, `units: district ${d.level2_id}`).name, d.type.toLowerCase(), p.level1_id]);
      for (const c of d.level3s) {
        communes.push([c.level3_id, splitTypedName(c.name, `units: commune ${c.level3_id}`).name, c.type.toLowerCase(), d.level2_id]);
      }
    }
  }
  return rowsJson(
    { about: "Units before the 2025 reform: [code, name, type(, parent code)]. Derived by packages/pipeline/src/demo/scripts/build-national-geo.ts from the GSO list via github.com/daohoangson/dvhcvn (GPL-3.0).", dataDate },
    { provinces, districts, communes },
  );
}

/**
 * The mapping was produced with machine help: the row the demo's real figures rely on (xã Phủ Thông, 01969) is
 * checked against the text of Resolution 1683 (item 60) before anything is written.
 */
function checkPhuThong(sharedDir: string, merges: Merges): void {
  const text = fs.readFileSync(path.join(sharedDir, "reorg-2025-07/1683_NQ-UBTVQH15-thai-nguyen.md"), "utf8").replace(/\s+/g, " ");
  const item60 = /60\\?\. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của thị trấn Phủ Thông và các xã Vi Hương, Tân Tú, Lục Bình thành xã mới có tên gọi là \*\*xã Phủ Thông\*\*/;
  if (!item60.test(text)) throw new Error("1683_NQ-UBTVQH15-thai-nguyen.md: item 60 does not read as expected");
  const row = merges.data.find((p) => p.level1_id === "19")?.level2s.find((c) => c.level2_id === "01969");
  const from = row?.merges.map((m) => `${m.old_id}:${m.type}`).sort().join() ?? "";
  if (from !== "01969:full,01975:full,01990:full,01993:full") throw new Error(`merges-new-to-old.json: xã Phủ Thông (01969) comes from "${from}", not what Resolution 1683 item 60 says`);
}

function reformJson(data: L1[], splits: Splits, merges: Merges): { text: string; provinces: number; communes: number } {
  const oldProvinces = new Set(data.map((p) => p.level1_id));
  const oldCommunes = new Set(data.flatMap((p) => p.level2s.flatMap((d) => d.level3s.map((c) => c.level3_id))));
  const oldDistricts = new Set(data.flatMap((p) => p.level2s.map((d) => d.level2_id)));
  const pairs = new Set<string>(); // "old>new" from the splits file, checked against the merges file
  for (const p of splits.data) for (const c of p.level3s) for (const s of c.splits) pairs.add(`${c.level3_id}>${s.new_id}`);
  const provinces: unknown[] = [], communes: unknown[] = [];
  const seenOld = new Set<string>();
  for (const p of merges.data) {
    const where = `merges-new-to-old.json: province ${p.level1_id}`;
    for (const m of p.merges) {
      if (!oldProvinces.has(m.old_id) || m.type !== "full") throw new Error(`${where}: old province ${m.old_id} (${m.type}) is unknown or not whole`);
    }
    const { name, type } = splitTypedName(p.name, where);
    provinces.push([p.level1_id, name, type === "thành phố" ? "thành phố trực thuộc trung ương" : type, p.merges.map((m) => m.old_id)]);
    for (const c of p.level2s) {
      const at = `${where}, commune ${c.level2_id}`;
      for (const m of c.merges) {
        // Island districts without communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa…) became special zones (đặc khu) whole.
        if (oldDistricts.has(m.old_id)) continue;
        if (!oldCommunes.has(m.old_id)) throw new Error(`${at}: unknown old commune ${m.old_id}`);
        if (!pairs.delete(`${m.old_id}>${c.level2_id}`)) throw new Error(`${at}: ${m.old_id} → ${c.level2_id} is not in splits-old-to-new.json`);
        seenOld.add(m.old_id);
      }
      const n = splitTypedName(c.name, at);
      const full = c.merges.filter((m) => m.type === "full").map((m) => m.old_id);
      const partial = c.merges.filter((m) => m.type !== "full").map((m) => m.old_id);
      communes.push([c.level2_id, n.name, n.type, p.level1_id, full, partial]);
    }
  }
  if (pairs.size > 0) throw new Error(`splits-old-to-new.json: ${pairs.size} old → new pairs are not in merges-new-to-old.json, e.g. ${[...pairs][0]}`);
  const lost = [...oldCommunes].filter((c) => !seenOld.has(c));
  if (lost.length > 0) throw new Error(`reorg-2025-07: ${lost.length} old communes go into no new commune, e.g. ${lost[0]}`);
  const text = rowsJson(
    { about: "The reform of 1 July 2025. provinces: [new code, name, type, old province codes (whole)]; communes: [new code, name, type, new province, old units taken whole, old units taken in part]; an old unit is a commune (5 digits) or an island district without communes (3 digits). Derived by packages/pipeline/src/demo/scripts/build-national-geo.ts from github.com/dvhcvn/20250701 mapping (MIT).", effectiveDate: "2025-07-01" },
    { provinces, communes },
  );
  return { text, provinces: provinces.length, communes: communes.length };
}

interface Feature { properties: { code: string; level: string }; geometry: { type: string; coordinates: unknown } }

/** Simplified province and district boundaries of every unit in the list that the GIS folder has a shape for. */
function boundaries(sharedDir: string, data: L1[]): { text: string; provinces: number; districts: number } {
  const known = new Set(data.flatMap((p) => [p.level1_id, ...p.level2s.map((d) => d.level2_id)]));
  const provinces: SourceShape[] = [], districts: SourceShape[] = [];
  const dir = path.join(sharedDir, "gis-2025-03");
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".geojson")).sort()) {
    const fc = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as { features: Feature[] };
    for (const f of fc.features) {
      // Districts abolished before the unit list's date (their land now in other districts) are left out.
      if (!known.has(f.properties.code)) continue;
      const g = f.geometry;
      if (g.type !== "MultiPolygon" && g.type !== "Polygon") throw new Error(`${file}: ${f.properties.code} is a ${g.type}, not an area`);
      const coordinates = (g.type === "Polygon" ? [g.coordinates] : g.coordinates) as number[][][][];
      (f.properties.level === "PROVINCE" ? provinces : districts).push({ id: f.properties.code, coordinates });
    }
  }
  const byId = (a: SourceShape, b: SourceShape) => a.id.localeCompare(b.id);
  const topology = buildTopology({ provinces: provinces.sort(byId), districts: districts.sort(byId) }, { quantum: QUANTUM, tolerance: TOLERANCE });
  const { arcs, ...rest } = topology;
  // One arc per line, the rest on the first lines: plain TopoJSON that any topojson-client reads.
  const head = JSON.stringify(rest).slice(0, -1);
  const text = `${head},\n"arcs":[\n${arcs.map((a) => JSON.stringify(a)).join(",\n")}\n]}\n`;
  return { text, provinces: provinces.length, districts: districts.length };
}
