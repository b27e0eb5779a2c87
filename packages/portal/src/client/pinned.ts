/**
 * Profile pages opened with ?release=<id> (a "cite this" permalink) when <id> is not the release the site was built
 * from. Why on the client: one static page per unit serves every release; only a pinned visit fetches the unit's JSON,
 * which carries the key figures of every earlier release. What is pinned: the headline figures and the per-year table
 * (households, poor, near-poor and both rates, with hidden figures still hidden) of the unit and of each village
 * section; they are outlined, the chart (drawn from the latest figures) is hidden, and the banner says what is not
 * pinned. The cite box is re-pinned to <id>. See docs/portal.md ("Release pinning").
 */
import type { Fig, KeyYear } from "../data/model.js";
import { figText, headlineStat, yearNote } from "../lib/figures.js";
import { formatDate, formatPoints, type Lang } from "../lib/format.js";

const box = document.getElementById("pinned");
const wanted = new URLSearchParams(location.search).get("release");
interface Rel { id: string; createdAt: string }

function figNode(fig: Fig, lang: Lang, kind: "count" | "rate", k: number | null, na?: string): HTMLElement {
  const f = figText(fig, lang, kind, k, na);
  const span = document.createElement("span");
  span.textContent = f.text;
  if (f.hidden) {
    span.className = "hidden-fig";
    span.title = f.note ?? "";
    const sr = document.createElement("span");
    sr.className = "visually-hidden";
    sr.textContent = ` (${f.note})`;
    span.append(sr);
  }
  return span;
}

const KINDS = { households: "count", poor: "count", nearPoor: "count", poorRate: "rate", nearPoorRate: "rate" } as const;

function pinUnit(code: string, years: KeyYear[], lang: Lang, k: number | null, words: Record<string, string>): void {
  // The headline shows the pinned release's latest year with complete coverage, as the built page does.
  const last = headlineStat(years.map((y) => ({ ...y, coverage: y.coverage ?? null })));
  const head = document.querySelector<HTMLElement>(`[data-pin-unit="${CSS.escape(code)}"]`);
  if (head && last) {
    head.querySelectorAll("[data-pin-year]").forEach((e) => { e.textContent = String(last.year); });
    for (const key of ["poorRate", "nearPoorRate", "poor", "households"] as const) {
      head.querySelector(`[data-pin="${key}"]`)?.replaceChildren(figNode(last[key], lang, KINDS[key], k, yearNote(last, lang)));
    }
    const first = years.find((y) => y.poorRate.value !== null && y.standardId === last.standardId);
    const change = first && first !== last && first.poorRate.value !== null && last.poorRate.value !== null
      ? `${formatPoints(Math.round((last.poorRate.value - first.poorRate.value) * 10) / 10, lang)} ${words.since} ${first.year}` : "";
    head.querySelector('[data-pin="change"]')!.textContent = change;
    head.classList.add("pinned");
  }
  const table = document.querySelector<HTMLTableElement>(`[data-pin-table="${CSS.escape(code)}"]`);
  if (table) {
    for (const tr of table.querySelectorAll<HTMLTableRowElement>("tr[data-year]")) {
      const y = years.find((x) => String(x.year) === tr.dataset.year);
      tr.hidden = !y;
      if (y) tr.querySelectorAll<HTMLElement>("td[data-m]").forEach((td) => {
        const m = td.dataset.m as keyof typeof KINDS;
        td.replaceChildren(figNode(y[m], lang, KINDS[m], k, yearNote({ ...y, coverage: y.coverage ?? null }, lang)));
      });
    }
    table.classList.add("pinned");
  }
  const chart = document.querySelector<HTMLElement>(`[data-pin-chart="${CSS.escape(code)}"]`);
  if (chart) chart.hidden = true;
}

function repinCitation(rel: Rel, lang: Lang, words: Record<string, string>): void {
  const fill = (s: string) => s.replaceAll("{id}", encodeURIComponent(rel.id)).replace("{date}", formatDate(rel.createdAt, lang))
    .replace("{year}", String(new Date(rel.createdAt).getUTCFullYear()));
  const link = document.getElementById("cite-link") as HTMLInputElement | null;
  const text = document.getElementById("cite-text") as HTMLTextAreaElement | null;
  const api = document.getElementById("cite-api") as HTMLAnchorElement | null;
  if (link?.dataset.template) link.value = fill(link.dataset.template);
  if (text?.dataset.template) text.value = fill(text.dataset.template);
  if (api?.dataset.template) api.href = fill(api.dataset.template);
  const label = document.getElementById("cite-release");
  if (label) label.textContent = `${words.release} ${rel.id}`;
}

async function pin(el: HTMLElement, id: string): Promise<void> {
  const lang: Lang = el.dataset.lang === "EN" ? "EN" : "VI";
  const words = JSON.parse(el.dataset.words ?? "{}") as Record<string, string>;
  const releases = JSON.parse(el.dataset.releases ?? "[]") as Rel[];
  const k = el.dataset.k ? Number(el.dataset.k) : null;
  const built = el.dataset.release ?? "";
  const fill = (s: string | undefined) => (s ?? "").replaceAll("{id}", id).replaceAll("{latest}", built);
  const rel = releases.find((r) => r.id === id);
  el.hidden = false;
  if (!rel) { el.textContent = fill(words.unknown); return; }
  const codes = [...new Set([...document.querySelectorAll<HTMLElement>("[data-pin-unit]")].map((e) => e.dataset.pinUnit!))];
  const files = await Promise.all(codes.map((c) => fetch(`/data/unit/${encodeURIComponent(c)}.json`).then((r) => (r.ok ? r.json() : null)).catch(() => null)));
  const own = files[codes.indexOf(el.dataset.code ?? "")] as { pinned?: Record<string, KeyYear[]> } | null;
  if (!own?.pinned?.[id]) { el.textContent = fill(words.absent); return; }
  files.forEach((f: { pinned?: Record<string, KeyYear[]> } | null, i) => { const y = f?.pinned?.[id]; if (y) pinUnit(codes[i]!, y, lang, k, words); });
  repinCitation(rel, lang, words);
  const csv = document.createElement("a");
  csv.href = `/data/release/${encodeURIComponent(id)}/poor-rates.csv`;
  csv.textContent = fill(words.csv);
  el.replaceChildren(`${fill(words.pinned)} `, csv);
  el.dataset.state = "pinned";
}

if (box && wanted && wanted !== box.dataset.release) void pin(box, wanted);
