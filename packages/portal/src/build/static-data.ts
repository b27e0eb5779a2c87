/**
 * Step 3 of the build: data files beside the pages (map layers, search shards, per-unit JSON/CSV/GeoJSON, per-release
 * CSV, oEmbed JSON, sitemap). Why after Astro: they are plain files written straight from the snapshot, one pass.
 */
import fs from "node:fs";
import path from "node:path";
import type { KeyYear, Level, ProjectData, SiteData, UnitData } from "../data/model.js";
import { moneyOutcome } from "../lib/money.js";
import { bandCollection, ratesFile, type MapShape } from "../data/map-layers.js";
import { buildShards } from "../data/search-index.js";
import { BOM, CSV_HEADER, csvLine, unitCsvRows } from "../data/csv.js";
import { unitMapShapes } from "../data/unit-geo.js";
import { oembedFor } from "../server/oembed.js";
import { ZOOM_BANDS } from "./extract.js";
import { profileFill } from "../lib/profile-fill.js";

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, "utf8")) as T;

/** Key figures of a unit in every earlier release (release id → years), for pinned permalinks (client/pinned.ts). */
function pinnedFigures(snapshot: string, site: SiteData, code: string): Record<string, KeyYear[]> {
  const out: Record<string, KeyYear[]> = {};
  for (const r of site.releases) {
    const file = path.join(snapshot, "pinned", r.id, `${code}.json`);
    if (r.id !== site.release.id && fs.existsSync(file)) out[r.id] = readJson<KeyYear[]>(file);
  }
  return out;
}

export function writeStaticData(snapshot: string, out: string, site: SiteData, shapes: Record<Level, MapShape[]>, origin: string): number {
  let files = 0;
  const put = (rel: string, text: string) => { write(path.join(out, rel), text); files++; };
  const byCode = new Map(site.units.map((u) => [u.code, u]));
  const childrenOf = new Map<string, string[]>();

  for (const level of ["PROVINCE", "DISTRICT", "COMMUNE", "VILLAGE"] as Level[]) {
    put(`data/map/${level}.rates.json`, JSON.stringify(ratesFile(level, site.units)));
    ZOOM_BANDS.forEach((_, band) => put(`data/map/${level}.b${band}.json`, JSON.stringify(bandCollection(shapes[level], band))));
  }
  for (const [key, rows] of buildShards(site.units)) put(`data/search/${key}.json`, JSON.stringify(rows));

  const csv = fs.openSync(path.join(out, "data", "release-poverty.tmp"), "w");
  fs.writeSync(csv, BOM + csvLine(CSV_HEADER));
  const features: string[] = [];
  for (const entry of site.units) {
    const unit = JSON.parse(fs.readFileSync(path.join(snapshot, "units", `${entry.code}.json`), "utf8")) as UnitData;
    childrenOf.set(entry.code, unit.children.map((c) => c.code));
    const history = Object.fromEntries(Object.entries(site.history).map(([r, m]) => [r, m[entry.code]]).filter(([, v]) => v));
    put(`data/unit/${entry.code}.json`, JSON.stringify({ release: site.release.id, ...unit, history, pinned: pinnedFigures(snapshot, site, entry.code),
      money: moneyOutcome(unit.projectCodes.map((c) => readJson<ProjectData>(path.join(snapshot, "projects", `${c}.json`))), unit.poverty) }));
    const rows = unitCsvRows(site.release.id, unit);
    put(`data/unit/${entry.code}.csv`, BOM + csvLine(CSV_HEADER) + rows);
    fs.writeSync(csv, rows);
    const geoFile = path.join(snapshot, "geometry", `${entry.code}.json`);
    if (fs.existsSync(geoFile)) {
      const feature = JSON.stringify({ type: "Feature", id: entry.code, properties: { code: entry.code, name: entry.name, level: entry.level,
        illustrative: unit.geometryIllustrative, release: site.release.id }, geometry: JSON.parse(fs.readFileSync(geoFile, "utf8")) });
      put(`data/unit/${entry.code}.geojson`, `{"type":"FeatureCollection","features":[${feature}]}`);
      features.push(feature);
    }
    if (entry.templated) {
      // The shared template's fill (served at /unit/<code>/ by the API): no Astro page, no widget of its own.
      const pageOf = (c: string) => byCode.get(c)?.page;
      put(`data/profile/${entry.code}.json`, JSON.stringify({ vi: profileFill(unit, "VI", site.release.id, pageOf), en: profileFill(unit, "EN", site.release.id, pageOf) }));
      continue;
    }
    for (const lang of ["VI", "EN"] as const) {
      const doc = oembedFor({ code: entry.code, name: entry.name, page: entry.page }, { origin, widget: "card", lang });
      put(lang === "VI" ? `oembed/${entry.code}.json` : `oembed/en/${entry.code}.json`, JSON.stringify(doc));
    }
  }
  fs.closeSync(csv);
  const releaseDir = `data/release/${site.release.id}`;
  fs.mkdirSync(path.join(out, releaseDir), { recursive: true });
  fs.renameSync(path.join(out, "data", "release-poverty.tmp"), path.join(out, releaseDir, "poverty.csv"));
  files++;
  put(`${releaseDir}/units.geojson`, `{"type":"FeatureCollection","features":[${features.join(",")}]}`);
  for (const [release, m] of Object.entries(site.history)) {
    if (release === site.release.id) continue;
    const lines = Object.entries(m).flatMap(([code, series]) => series.map(([y, v, s]) => csvLine([release, code, byCode.get(code)?.name ?? "", y, v, s])));
    put(`data/release/${release}/poor-rates.csv`, BOM + csvLine(["release", "unit_code", "unit_name", "year", "poorRate", "poorRate_status"]) + lines.join(""));
  }

  const snapshotDirName = snapshot;
  for (const entry of site.units) {
    if (entry.page !== entry.code || entry.templated) continue;
    const kids = (childrenOf.get(entry.code) ?? []).map((c) => byCode.get(c)).filter((c) => c !== undefined);
    const list = unitMapShapes(snapshotDirName, entry, kids);
    put(`data/map/unit/${entry.code}.json`, JSON.stringify({
      features: list.map((s) => ({ type: "Feature", id: s.code, properties: {}, geometry: s.geometry ?? { type: "Point", coordinates: s.point } })),
      units: Object.fromEntries(list.map((s) => [s.code, { n: s.name, p: s.page, r: s.rate, y: s.year }])),
    }));
  }
  const pages = site.units.filter((u) => u.page === u.code).flatMap((u) => [`/unit/${u.code}/`, `/en/unit/${u.code}/`]);
  const statics = ["/", "/en/", "/search/", "/en/search/", "/methodology/", "/en/methodology/", "/compare/", "/en/compare/", "/downloads/", "/en/downloads/"];
  put("sitemap.xml", `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${[...statics, ...pages].map((p) => `<url><loc>${origin}${p}</loc></url>`).join("")}</urlset>\n`);
  put("robots.txt", `User-agent: *\nDisallow: /embed/unit/\nSitemap: ${origin}/sitemap.xml\n`);
  return files;
}
