/**
 * Home choropleth: latest poverty rate by district, commune or village (points, clustered when many), switchable
 * level and year; the table beside it is rebuilt on every switch so the map always has a text alternative.
 * Geometry is fetched per zoom band (simplified for the province view, finer when zoomed in).
 */
import L from "leaflet";
import { createMap, centerOf, unitsLayer, type Rate } from "./map-style.js";
import { mapKeys } from "./map-keys.js";
import type { RatesFile } from "../data/map-layers.js";
import { formatPercent } from "../lib/format.js";

const el = document.getElementById("home-map") as HTMLElement;
const levelSel = document.getElementById("map-level") as HTMLSelectElement;
const yearSel = document.getElementById("map-year") as HTMLSelectElement;
const tbody = document.getElementById("map-table-body") as HTMLElement;
const status = document.getElementById("map-status") as HTMLElement;
const lang = el.dataset.lang === "EN" ? "EN" : "VI";
const prefix = lang === "EN" ? "/en" : "";
const words = JSON.parse(el.dataset.words ?? "{}") as Record<string, string>;

const cache = new Map<string, Promise<unknown>>();
const getJson = <T>(url: string): Promise<T> => {
  if (!cache.has(url)) cache.set(url, fetch(url).then((r) => { if (!r.ok) throw new Error(`${url}: ${r.status}`); return r.json(); }));
  return cache.get(url) as Promise<T>;
};

const map = createMap(el, { center: [Number(el.dataset.lat ?? 22), Number(el.dataset.lng ?? 105.8)], zoom: Number(el.dataset.zoom ?? 8) });
let current: { layer: L.Layer; byCode: Map<string, L.Layer> } | null = null;
let drawn = "";

function rateText(rate: Rate): string {
  if (!rate) return words.noData ?? "";
  if (rate[1] === "S") return words.suppressed ?? "";
  if (rate[1] === "C") return words.partial ?? "";
  return rate[0] === null ? (words.noData ?? "") : formatPercent(rate[0], lang);
}

function renderTable(rates: RatesFile, year: string, codes: string[], located: Set<string>): void {
  const rows = codes.map((code) => {
    const u = rates.units[code]!;
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.scope = "row";
    th.style.fontWeight = "normal";
    const a = document.createElement("a");
    a.href = `${prefix}/unit/${u.p}`;
    a.textContent = u.n;
    th.append(a);
    if (!located.has(code)) th.append(` (${words.noBoundary})`);
    const td = document.createElement("td");
    td.className = "num";
    td.textContent = rateText(u.r[year]);
    tr.append(th, td);
    return tr;
  });
  tbody.replaceChildren(...rows);
}

async function draw(): Promise<void> {
  const level = levelSel.value;
  const year = yearSel.value;
  const band = level === "VILLAGE" ? 0 : map.getZoom() >= 10 ? 1 : 0;
  const key = `${level}/${year}/${band}`;
  if (key === drawn) return;
  drawn = key;
  el.dataset.state = "loading";
  const [rates, geo] = await Promise.all([
    getJson<RatesFile>(`/data/map/${level}.rates.json`),
    getJson<GeoJSON.FeatureCollection>(`/data/map/${level}.b${band}.json`),
  ]);
  if (key !== drawn) return;
  const codes = Object.keys(rates.units).filter((c) => rates.units[c]!.r[year]).sort((a, b) => rates.units[a]!.n.localeCompare(rates.units[b]!.n, "vi"));
  const wanted = new Set(codes);
  const features = geo.features.filter((f) => wanted.has(String(f.id)));
  const rateOf = (code: string) => rates.units[code]?.r[year];
  const built = unitsLayer({ type: "FeatureCollection", features }, rateOf,
    (code) => `${rates.units[code]?.n}: ${rateText(rateOf(code))}`, (code) => `${prefix}/unit/${rates.units[code]!.p}`);
  let layer: L.Layer = built.layer;
  let reveal: ((l: L.Layer, done: () => void) => void) | undefined;
  if (level === "VILLAGE" && features.length > 300) {
    (window as unknown as { L: typeof L }).L = L; // the plugin extends the global L
    await import("leaflet.markercluster");
    // @ts-expect-error -- a CSS side-effect import (bundled by Vite)
    await import("leaflet.markercluster/dist/MarkerCluster.css");
    const cluster = (L as unknown as { markerClusterGroup: (o: object) => L.FeatureGroup }).markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false });
    built.layer.eachLayer((l) => cluster.addLayer(l));
    layer = cluster;
    reveal = (l, done) => (cluster as unknown as { zoomToShowLayer: (l: L.Layer, cb: () => void) => void }).zoomToShowLayer(l, done);
  }
  if (current) map.removeLayer(current.layer);
  layer.addTo(map);
  current = { layer, byCode: built.byCode };
  if (!el.dataset.fitted && features.length > 0) {
    map.fitBounds(built.layer.getBounds(), { padding: [8, 8], maxZoom: 11 });
    el.dataset.fitted = "1";
  }
  renderTable(rates, year, codes, new Set(features.map((f) => String(f.id))));
  const drawnCodes = codes.filter((c) => built.byCode.has(c));
  mapKeys(map, el, drawnCodes.map((c) => ({ code: c, label: `${rates.units[c]!.n}: ${rateText(rateOf(c))}`, href: `${prefix}/unit/${rates.units[c]!.p}`,
    layer: built.byCode.get(c)! })), { listLabel: `${words.keysLabel} (${drawnCodes.length})`, skip: { text: words.skipMap ?? "", href: "#map-table" }, reveal });
  el.dataset.drawn = String(features.length);
  el.dataset.units = String(codes.length);
  el.dataset.state = "ready";
  status.textContent = `${features.length}/${codes.length} · ${levelSel.selectedOptions[0]?.text ?? level} · ${year}`;
}

function syncYears(): void {
  const years = JSON.parse(levelSel.selectedOptions[0]?.dataset.years ?? "[]") as number[];
  const keep = yearSel.value;
  yearSel.replaceChildren(...years.map((y) => new Option(String(y), String(y))));
  // A level's default year is its latest with complete coverage (data-default), never a partial year.
  yearSel.value = years.map(String).includes(keep) ? keep : (levelSel.selectedOptions[0]?.dataset.default ?? String(years[years.length - 1] ?? ""));
}

levelSel.addEventListener("change", () => { syncYears(); void draw(); });
yearSel.addEventListener("change", () => void draw());
map.on("zoomend", () => void draw());
void draw();

/** Scripting handle (documented in docs/portal.md): the map and the pixel centre of a drawn unit. */
(window as unknown as { minhbachMap: object }).minhbachMap = { map, centerOf: (code: string) => centerOf(map, current?.byCode.get(code)) };
