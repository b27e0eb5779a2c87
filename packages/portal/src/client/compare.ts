/** Compare view: units from ?units=a,b,c side by side (poverty rate per year), loaded from /data/unit/<code>.json. */
import { formatPercent } from "../lib/format.js";
import { matchRows, shardKey, tokens, type SearchRow } from "../data/search-index.js";

interface UnitFile { code: string; name: string; poverty: { year: number; poorRate: { value: number | null; status: string }; nearPoorRate: { value: number | null; status: string } }[] }
const root = document.getElementById("compare") as HTMLElement;
const lang = root.dataset.lang === "EN" ? "EN" : "VI";
const words = JSON.parse(root.dataset.words ?? "{}") as Record<string, string>;
const table = document.getElementById("compare-table") as HTMLTableElement;
const form = document.getElementById("compare-form") as HTMLFormElement;
const input = document.getElementById("compare-add") as HTMLInputElement;
const status = document.getElementById("compare-status") as HTMLElement;

const codes = (new URLSearchParams(location.search).get("units") ?? "").split(",").filter(Boolean);
const show = (m: { value: number | null; status: string } | undefined) => (!m ? "–" : m.status === "SUPPRESSED" ? words.hidden! : m.value === null ? "–" : formatPercent(m.value, lang));

async function render(): Promise<void> {
  history.replaceState(null, "", codes.length ? `?units=${codes.join(",")}` : location.pathname);
  const units = (await Promise.all(codes.map((c) => fetch(`/data/unit/${encodeURIComponent(c)}.json`).then((r) => (r.ok ? r.json() : null))))).filter(Boolean) as UnitFile[];
  const years = [...new Set(units.flatMap((u) => u.poverty.map((p) => p.year)))].sort();
  const head = `<thead><tr><th scope="col">${words.year}</th>${units.map((u) => `<th scope="col" class="num">${u.name} <button type="button" data-remove="${u.code}" aria-label="${words.remove} ${u.name}">×</button></th>`).join("")}</tr></thead>`;
  const body = years.map((y) => `<tr><th scope="row">${y}</th>${units.map((u) => { const p = u.poverty.find((x) => x.year === y); return `<td class="num">${show(p?.poorRate)}</td>`; }).join("")}</tr>`).join("");
  table.innerHTML = units.length ? `<caption>${words.caption}</caption>${head}<tbody>${body}</tbody>` : "";
  status.textContent = units.length < 2 ? words.hint! : "";
}

table.addEventListener("click", (e) => {
  const code = (e.target as HTMLElement).dataset.remove;
  if (code) { codes.splice(codes.indexOf(code), 1); void render(); }
});
form.addEventListener("submit", async (e) => {
  e.preventDefault();
  const q = input.value.trim();
  const w = tokens(q);
  if (!w.length) return;
  const rows: SearchRow[] = await fetch(`/data/search/${shardKey(w[0]!)}.json`).then((r) => (r.ok ? r.json() : []));
  const hit = matchRows(rows, q)[0];
  if (hit && !codes.includes(hit[0])) codes.push(hit[0]);
  input.value = "";
  await render();
});
void render();
