/** Search page: diacritic- and case-insensitive search over the sharded index (/data/search/<2 letters>.json). */
import { matchRows, shardKey, tokens, type SearchRow } from "../data/search-index.js";

const form = document.getElementById("search-form") as HTMLFormElement;
const input = document.getElementById("q") as HTMLInputElement;
const list = document.getElementById("results") as HTMLOListElement;
const status = document.getElementById("search-status") as HTMLElement;
const lang = form.dataset.lang === "EN" ? "EN" : "VI";
const levels = JSON.parse(form.dataset.levels ?? "{}") as Record<string, string>;
const shards = new Map<string, Promise<SearchRow[]>>();

function shard(key: string): Promise<SearchRow[]> {
  if (!shards.has(key)) shards.set(key, fetch(`/data/search/${encodeURIComponent(key)}.json`).then((r) => (r.ok ? r.json() : [])).catch(() => []));
  return shards.get(key)!;
}

async function run(query: string): Promise<void> {
  const words = tokens(query);
  if (words.length === 0) { list.replaceChildren(); status.textContent = ""; return; }
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const rows = matchRows(await shard(shardKey(longest)), query).slice(0, 50);
  if (input.value !== query) return;
  list.replaceChildren(...rows.map(([code, name, level, , parent, page]) => {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = `${lang === "EN" ? "/en" : ""}/unit/${page}`;
    a.textContent = name;
    li.append(a, ` — ${levels[level] ?? level}${parent ? `, ${parent}` : ""} (${code})`);
    return li;
  }));
  status.textContent = rows.length ? `${rows.length} ${form.dataset.results}` : (form.dataset.none ?? "");
}

let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => void run(input.value), 120); });
form.addEventListener("submit", (e) => { e.preventDefault(); history.replaceState(null, "", `?q=${encodeURIComponent(input.value)}`); void run(input.value); });
const initial = new URLSearchParams(location.search).get("q");
if (initial) { input.value = initial; void run(initial); }
