/**
 * Map widget: reports its height to the host page, applies ?year= and ?release= like the card, and swaps the static
 * SVG for Leaflet once the widget is visible. The page's inline script has already applied ?lang (data-lang/data-words
 * on #m), so links, labels and notes follow it.
 *
 * ?year=YYYY: each unit's rate for that review year, from the home map's rates files (/data/map/<LEVEL>.rates.json,
 * one per level on the map). ?release=<id> (not the built release): each unit's poor rate from that release's key
 * figures in /data/unit/<code>.json (`pinned`, as profile permalinks do), for ?year= or that release's latest year;
 * boundaries, names and the unit list stay the built release's, and units absent from <id> are named in the note.
 * An unknown year or release falls back to the latest, with a note. The table and SVG are rewritten before Leaflet
 * loads (Leaflet still loads only when the widget is visible) and Leaflet draws the same figures.
 */
import type { KeyYear, RateStatus } from "../data/model.js";
import { headlineStat, isPartialYear } from "../lib/figures.js";
import type { RatesFile } from "../data/map-layers.js";
import { rateColor } from "../data/map-layers.js";
import { rateText, type Rate } from "./rate-text.js";
import type { RateOverride } from "./unit-map.js";

const el = document.getElementById("m") as HTMLElement;
const note = document.getElementById("note") as HTMLElement | null;
const report = () => { if (parent !== window) parent.postMessage({ type: "minhbach:height", height: Math.ceil(document.documentElement.getBoundingClientRect().height) }, "*"); };
report();
addEventListener("load", report);

type Words = Record<string, string>;
const lang = el.dataset.lang === "EN" ? "EN" : "VI";
const words = JSON.parse(el.dataset.words ?? "{}") as Words;
const built = el.dataset.release ?? "";
const q = new URLSearchParams(location.search);
const wantYear = q.get("year");
const wantRelease = q.get("release");
const fill = (s: string | undefined, v: Record<string, string>) => Object.entries(v).reduce((acc, [k, x]) => acc.replaceAll(`{${k}}`, x), s ?? "");
const codes = () => [...new Set([...document.querySelectorAll<HTMLElement>("tr[data-c]")].map((e) => e.dataset.c!))];
const getJson = <T>(url: string): Promise<T | null> => fetch(url).then((r) => (r.ok ? (r.json() as Promise<T>) : null)).catch(() => null);
const statusOf = (y: KeyYear): RateStatus => (isPartialYear({ coverage: y.coverage ?? null }) ? "C"
  : y.poorRate.status === "PUBLISHED" ? "P" : y.poorRate.status === "SUPPRESSED" ? "S" : "N");

/** The rates to show (null: the built latest), the note's lines, and the release shown when it is not the built one. */
async function resolveView(): Promise<{ override: RateOverride | null; lines: string[]; release: string | null }> {
  const lines: string[] = [];
  if (wantRelease && wantRelease !== built) {
    const releases = JSON.parse(el.dataset.releases ?? "[]") as string[];
    if (!releases.includes(wantRelease)) lines.push(fill(words.unknown, { id: wantRelease, latest: built }));
    else {
      const list = codes();
      const files = await Promise.all(list.map((c) => getJson<{ pinned?: Record<string, KeyYear[]> }>(`/data/unit/${encodeURIComponent(c)}.json`)));
      const pinned = list.map((_, i) => files[i]?.pinned?.[wantRelease] ?? null);
      const absent = list.filter((_, i) => !pinned[i]?.length).map(nameOf);
      if (list.length > 0 && absent.length === list.length) lines.push(fill(words.absentAll, { id: wantRelease, latest: built }));
      else {
        const year = wantYear && pinned.some((ys) => ys?.some((y) => String(y.year) === wantYear)) ? wantYear : null;
        const override: RateOverride = {};
        list.forEach((c, i) => {
          const ys = pinned[i] ?? [];
          const pick = year ? ys.find((y) => String(y.year) === year) : headlineStat(ys.map((y) => ({ ...y, coverage: y.coverage ?? null })));
          override[c] = pick ? { r: [pick.poorRate.value, statusOf(pick)], y: pick.year } : { r: undefined, y: year ? Number(year) : null };
        });
        lines.push(fill(words.pinned, { id: wantRelease, latest: built }));
        if (wantYear) lines.push(fill(year ? words.year : words.yearUnknown, { year: wantYear }));
        if (absent.length) lines.push(fill(words.absent, { id: wantRelease, names: absent.join(", ") }));
        return { override, lines, release: wantRelease };
      }
    }
  }
  if (!wantYear) return { override: null, lines, release: null };
  const levels = JSON.parse(el.dataset.levels ?? "[]") as string[];
  const files = (await Promise.all(levels.map((l) => getJson<RatesFile>(`/data/map/${encodeURIComponent(l)}.rates.json`)))).filter((f) => f !== null);
  const list = codes();
  const rateOf = (c: string) => files.map((f) => f.units[c]).find((u) => u !== undefined)?.r;
  if (!/^\d{4}$/.test(wantYear) || !list.some((c) => rateOf(c)?.[wantYear])) {
    lines.push(fill(words.yearUnknown, { year: wantYear }));
    return { override: null, lines, release: null };
  }
  const override: RateOverride = {};
  for (const c of list) override[c] = { r: rateOf(c)?.[wantYear], y: Number(wantYear) };
  lines.push(fill(words.year, { year: wantYear }));
  return { override, lines, release: null };
}

function nameOf(code: string): string {
  return document.querySelector(`tr[data-c="${CSS.escape(code)}"] th a`)?.textContent ?? code;
}

/** Rewrites the data table and the static SVG's colours. */
function applyStatic(override: RateOverride): void {
  for (const [c, v] of Object.entries(override)) {
    // Only the shown language's table: the other stays hidden (the language is fixed for the page's lifetime).
    for (const tr of document.querySelectorAll<HTMLTableRowElement>(`[data-lang="${lang}"] tr[data-c="${CSS.escape(c)}"]`)) {
      tr.querySelector('[data-f="y"]')!.textContent = v.y === null ? "" : String(v.y);
      tr.querySelector('[data-f="r"]')!.textContent = rateText(v.r as Rate, lang, { noData: words.noData ?? "", suppressed: words.suppressed ?? "", partial: words.partial });
    }
    el.querySelectorAll(`a[data-c="${CSS.escape(c)}"] > path, a[data-c="${CSS.escape(c)}"] > circle`)
      .forEach((s) => s.setAttribute("fill", rateColor(v.r?.[0] ?? null, v.r?.[1])));
  }
}

const view = resolveView().then((v) => {
  if (v.override) applyStatic(v.override);
  if (v.release) document.querySelectorAll('[data-f="release"]').forEach((e) => { e.textContent = v.release; });
  if (note && v.lines.length) { note.textContent = v.lines.join(" "); note.hidden = false; }
  el.dataset.view = v.override ? (v.release ? "pinned" : "year") : v.lines.length ? "latest-fallback" : "latest";
  report();
  return v.override ?? undefined;
});

const io = "IntersectionObserver" in window
  ? new IntersectionObserver((es) => { if (es.some((e) => e.isIntersecting)) { io?.disconnect(); void load(); } })
  : null;
async function load(): Promise<void> {
  const [m, override] = await Promise.all([import("./unit-map.js"), view]);
  await m.drawUnitMap(el, location.origin + (el.dataset.lang === "EN" ? "/en" : ""), "_blank", override);
  report();
}
if (io) io.observe(el); else void load();
