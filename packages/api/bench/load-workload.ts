/**
 * The mixed journalist workload for `pnpm bench:load`, built from the release being served: commune profiles (GET,
 * as the portal and shared links send them), diacritic-free searches for real unit names, paged connections (units of
 * a level, children of a district) and CSV exports. Why from the release: every request asks for something that
 * exists, and the variety (hundreds of distinct requests) keeps both the executor and the response cache busy.
 */
import { foldVietnamese } from "@minhbach/core/units/fold.ts";
import { openPublicStore } from "@minhbach/db/public.ts";

export interface LoadRequest { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: string; kind: string }

const PROFILE = `query Profile($code: ID!) { unit(code: $code) { code name level typeLabel validFrom validTo
  ancestors { code name } successors { kind effectiveDate legalBasis to { code name } }
  poverty { year households { value status } poor { value status note } nearPoor { value status note }
    poorRate { value status note } nearPoorRate { value status note } synthetic sources { title publisher } }
  projects(first: 10) { totalCount nodes { code name budgetVnd households { value status } } }
  credit { year loanTurns { value } outstandingVnd } jobs { year domestic { value } abroad { value } } } }`;
const SEARCH = `query Find($text: String!) { search(text: $text, first: 5) { code name level typeLabel validTo ancestors { name } } }`;
const UNITS = `query Units($level: UnitLevel, $parent: ID, $after: String) { units(level: $level, parentCode: $parent, first: 50, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { code name poverty(year: 2023) { poorRate { value status } households { value } } } } }`;

const JSON_HEADERS = { "content-type": "application/json", accept: "application/graphql-response+json" };
const get = (query: string, variables: object, kind: string): LoadRequest => ({
  method: "GET", kind, headers: { accept: "application/graphql-response+json" },
  path: `/graphql?${new URLSearchParams({ query, variables: JSON.stringify(variables) })}`,
});
const post = (query: string, variables: object, kind: string): LoadRequest => ({ method: "POST", kind, path: "/graphql", headers: JSON_HEADERS, body: JSON.stringify({ query, variables }) });

/** Interleaves the kinds in proportions typical of a newsroom: mostly profiles and searches, some lists and exports. */
export async function buildWorkload(publicUrl: string): Promise<{ requests: LoadRequest[]; release: string }> {
  const db = openPublicStore(publicUrl);
  try {
    const release = await db.release.findFirst({ where: { complete: true }, orderBy: { seq: "desc" } });
    if (!release) throw new Error("no complete release in the public store");
    const units = await db.pubUnit.findMany({ where: { releaseId: release.id }, select: { code: true, name: true, level: true }, orderBy: { code: "asc" } });
    const communes = units.filter((u) => u.level === "COMMUNE");
    const districts = units.filter((u) => u.level === "DISTRICT");
    const villages = units.filter((u) => u.level === "VILLAGE");
    const profiles = [...communes, ...villages.filter((_, i) => i % 10 === 0)].map((u) => get(PROFILE, { code: u.code }, "profile"));
    const searches = [...communes, ...villages.filter((_, i) => i % 20 === 0)].map((u) => post(SEARCH, { text: foldVietnamese(u.name).slice(0, 12) }, "search"));
    const lists = [
      ...["PROVINCE", "DISTRICT", "COMMUNE", "VILLAGE"].map((level) => post(UNITS, { level }, "connection")),
      ...districts.map((d) => post(UNITS, { parent: d.code, level: "COMMUNE" }, "connection")),
    ];
    const exports: LoadRequest[] = [
      { method: "GET", kind: "csv", headers: {}, path: "/export/units.csv?level=COMMUNE&year=2023" },
      ...districts.map((d): LoadRequest => ({ method: "GET", kind: "csv", headers: {}, path: `/export/units.csv?parentCode=${d.code}&year=2023` })),
      ...communes.slice(0, 20).map((c): LoadRequest => ({ method: "GET", kind: "csv", headers: {}, path: `/export/projects.csv?unitCode=${c.code}` })),
    ];
    // 4 profiles : 3 searches : 2 lists : 1 export, cycling through each kind's list.
    const pattern = ["profile", "search", "profile", "connection", "search", "profile", "csv", "search", "connection", "profile"];
    const pools: Record<string, LoadRequest[]> = { profile: profiles, search: searches, connection: lists, csv: exports };
    const requests: LoadRequest[] = [];
    const total = Math.max(1000, profiles.length * 3);
    for (let i = 0; i < total; i++) {
      const kind = pattern[i % pattern.length]!;
      const pool = pools[kind]!;
      requests.push(pool[Math.floor(i / pattern.length) % pool.length]!);
    }
    return { requests, release: release.id };
  } finally {
    await db.$disconnect();
  }
}
