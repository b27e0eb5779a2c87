/**
 * Compare view: units from ?units=a,b,c side by side for one review year (rates, households, deprivations, money beside
 * outcomes, the rate over the years), read from /data/unit/<code>.json and laid out by lib/compare.ts. Adding a unit
 * searches the same sharded index as the search page; the URL keeps the choice so a comparison can be shared.
 */
import { compareTable, compareYears, type UnitFile } from "../lib/compare.js";
import type { IndicatorData } from "../data/model.js";
import { isSyntheticYear } from "../lib/figures.js";
import { matchRows, shardKey, tokens, type SearchRow } from "../data/search-index.js";

const root = document.getElementById("compare") as HTMLElement;
const lang = root.dataset.lang === "EN" ? "EN" : "VI";
const conf = JSON.parse(document.getElementById("compare-data")?.textContent ?? "{}") as { words: Record<string, string>; indicators: IndicatorData[]; k: number | null };
const words = conf.words;
const table = document.getElementById("compare-table") as HTMLTableElement;
const form = document.getElementById("compare-form") as HTMLFormElement;
const input = document.getElementById("compare-add") as HTMLInputElement;
const status = document.getElementById("compare-status") as HTMLElement;
const yearSel = document.getElementById("compare-year") as HTMLSelectElement;
const overview = document.getElementById("compare-overview") as HTMLElement | null;

const params = new URLSearchParams(location.search);
const codes = (params.get("units") ?? "").split(",").filter(Boolean);
let askedYear = Number(params.get("year")); // read before the first render rewrites the URL
const files = new Map<string, Promise<UnitFile | null>>();
const load = (c: string) => {
  if (!files.has(c)) files.set(c, fetch(`/data/unit/${encodeURIComponent(c)}.json`).then((r) => (r.ok ? (r.json() as Promise<UnitFile>) : null)).catch(() => null));
  return files.get(c)!;
};
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: (Node | string)[]) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
};

function cell(c: { text: string; hidden: boolean; note: string | null }): HTMLTableCellElement {
  if (!c.hidden) return el("td", { className: "num" }, c.text);
  return el("td", { className: "num" }, el("span", { className: "hidden-fig", title: c.note ?? "" }, c.text, el("span", { className: "visually-hidden" }, ` (${c.note})`)));
}

async function render(): Promise<void> {
  const qs = codes.length ? `?units=${codes.join(",")}` : "";
  const units = (await Promise.all(codes.map(load))).filter((u): u is UnitFile => u !== null);
  const { years, preferred } = compareYears(units);
  const wanted = Number(yearSel.value) || askedYear;
  const year = years.includes(wanted) ? wanted : preferred;
  yearSel.replaceChildren(...years.map((y) => new Option(String(y), String(y), false, y === year)));
  yearSel.disabled = years.length === 0;
  (yearSel.closest("label") ?? yearSel).hidden = years.length === 0;
  askedYear = year ?? askedYear;
  history.replaceState(null, "", `${location.pathname}${qs}${qs && year ? `&year=${year}` : ""}`);
  if (overview) overview.hidden = units.length > 0;
  status.textContent = units.length < 2 ? words.hint! : "";
  if (!units.length || year === null) { table.replaceChildren(); root.dataset.state = "ready"; return; }
  const head = el("tr", {}, el("th", { scope: "col" }, words.unit!), ...units.map((u) => {
    const remove = el("button", { type: "button", className: "remove", textContent: "×" });
    remove.setAttribute("aria-label", `${words.remove} ${u.name}`);
    remove.dataset.remove = u.code;
    const page = u.level === "VILLAGE" && u.parentCode ? `${encodeURIComponent(u.parentCode)}/#v-${u.code}` : `${encodeURIComponent(u.code)}/`;
    return el("th", { scope: "col", className: "num" }, el("a", { href: `${lang === "EN" ? "/en" : ""}/unit/${page}` }, u.name), " ", remove);
  }));
  const groups = compareTable(units, year, conf.indicators, lang, conf.k);
  const bodies = groups.map((g) => el("tbody", {},
    el("tr", { className: "group" }, el("th", { scope: "rowgroup", colSpan: units.length + 1 }, g.title, ...(g.note ? [el("span", { className: "muted note" }, ` — ${g.note}`)] : []))),
    ...g.rows.map((r) => el("tr", {}, el("th", { scope: "row" }, r.label), ...r.cells.map(cell)))));
  // Labelled when a compared unit-year is synthetic by its own flag (the release being a demo says nothing about it).
  const synthetic = units.some((u) => u.poverty.some((p) => p.year === year && isSyntheticYear(p)));
  table.replaceChildren(el("caption", {}, `${words.caption} · ${words.release} ${units[0]!.release}${synthetic ? ` · ${words.synthetic}` : ""}`), el("thead", {}, head), ...bodies);
  root.dataset.state = "ready";
}

table.addEventListener("click", (e) => {
  const code = (e.target as HTMLElement).dataset.remove;
  if (code) { codes.splice(codes.indexOf(code), 1); void render(); }
});
yearSel.addEventListener("change", () => void render());
form.addEventListener("submit", async (e) => {
  e.preventDefault();
  const q = input.value.trim();
  const w = tokens(q);
  if (!w.length) return;
  const rows: SearchRow[] = await fetch(`/data/search/${shardKey(w[0]!)}.json`).then((r) => (r.ok ? r.json() : []));
  const hit = matchRows(rows, q)[0];
  if (!hit) { status.textContent = words.none!; return; }
  if (!codes.includes(hit[0])) codes.push(hit[0]);
  input.value = "";
  await render();
});
void render();
