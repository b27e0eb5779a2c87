/**
 * The Atom 1.0 feed of releases (RFC 4287), one entry per release, newest first, in Vietnamese (`/feed.xml`) or
 * English (`/en/feed.xml`). Pure: the endpoints pass the releases, each release's changes and the site origin.
 * Why tag: URIs for entry ids: an id must never change, and a release is identified by its own id and date, not by
 * where the site happens to be served (the origin's host only names who minted it).
 */
import type { ReleaseData } from "../data/model.js";
import { formatCount, type Lang } from "./format.js";
import { changesUrl, type ReleaseChanges } from "./release-changes.js";
import { homeUrl, langPrefix, pageUrl } from "./urls.js";

export function feedUrl(lang: Lang): string {
  return `${langPrefix(lang)}/feed.xml`;
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** RFC 4151 tag URI: tag:<host>,<yyyy-mm-dd>:release/<id>. */
export function releaseTag(origin: string, r: ReleaseData): string {
  return `tag:${new URL(origin).hostname},${new Date(r.createdAt).toISOString().slice(0, 10)}:release/${encodeURIComponent(r.id)}`;
}

const WORDS = {
  VI: { title: "Minh Bạch — các bản công bố", subtitle: "Mỗi bản công bố số liệu nghèo, cận nghèo cấp thôn: ghi chú thay đổi và số liệu đã thay đổi.",
    release: "Bản công bố", first: "Bản công bố đầu tiên.", none: "Không có số liệu đã công bố nào thay đổi",
    moved: (n: string, prev: string) => `${n} số liệu đã công bố thay đổi so với bản ${prev}`,
    rights: "Số liệu công khai của Minh Bạch, đã qua kiểm soát công bố thông tin; khi dùng lại xin ghi nguồn và mã bản công bố." },
  EN: { title: "Minh Bạch — releases", subtitle: "Each release of village-level poverty and near-poverty figures: its change note and the figures that changed.",
    release: "Release", first: "First release.", none: "No published figure changed",
    moved: (n: string, prev: string) => `${n} published figures changed since release ${prev}`,
    rights: "Public figures from Minh Bạch, released after disclosure control; when reusing them, cite Minh Bạch and the release id." },
};

/** The entry's text: the change note, then how many published figures moved (or "first release"). */
export function entrySummary(r: ReleaseData, changes: ReleaseChanges | undefined, lang: Lang): string {
  const w = WORDS[lang];
  const note = r.changeNote ? `${r.changeNote.trim().replace(/\.?$/, ".")} ` : "";
  if (!changes) return `${note}${w.first}`;
  const moved = changes.figuresMoved > 0 ? w.moved(formatCount(changes.figuresMoved, lang), changes.previous) : `${w.none} (${changes.previous})`;
  return `${note}${moved}.`;
}

function entry(r: ReleaseData, changes: ReleaseChanges | undefined, lang: Lang, origin: string): string {
  const w = WORDS[lang];
  const href = origin + (changes ? changesUrl(lang, r.id) : pageUrl(lang, "downloads"));
  return `  <entry>
    <id>${escapeXml(releaseTag(origin, r))}</id>
    <title>${escapeXml(`${w.release} ${r.id} — ${r.title}`)}</title>
    <updated>${new Date(r.createdAt).toISOString()}</updated>
    <published>${new Date(r.createdAt).toISOString()}</published>
    <link rel="alternate" type="text/html" href="${escapeXml(href)}"/>
    <summary type="text">${escapeXml(entrySummary(r, changes, lang))}</summary>
  </entry>
`;
}

/** The whole feed document. `changesOf(id)` is undefined for a release with no predecessor. */
export function feedXml(releases: ReleaseData[], changesOf: (id: string) => ReleaseChanges | undefined, lang: Lang, origin: string): string {
  const w = WORDS[lang];
  const sorted = [...releases].sort((a, b) => b.seq - a.seq);
  const updated = sorted.map((r) => new Date(r.createdAt).toISOString()).sort().at(-1) ?? new Date(0).toISOString();
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang === "VI" ? "vi" : "en"}">
  <id>${escapeXml(origin + feedUrl(lang))}</id>
  <title>${escapeXml(w.title)}</title>
  <subtitle>${escapeXml(w.subtitle)}</subtitle>
  <updated>${updated}</updated>
  <link rel="self" type="application/atom+xml" href="${escapeXml(origin + feedUrl(lang))}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(origin + homeUrl(lang))}"/>
  <author><name>Minh Bạch</name><uri>${escapeXml(origin + homeUrl(lang))}</uri></author>
  <rights>${escapeXml(w.rights)}</rights>
${sorted.map((r) => entry(r, changesOf(r.id), lang, origin)).join("")}</feed>
`;
}
