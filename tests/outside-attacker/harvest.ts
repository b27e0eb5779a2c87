/**
 * The outside attacker's harvest: everything a journalist (or anyone) can download from a running API, over HTTP only
 * — GraphQL (POST /graphql) and the CSV exports (/export/*.csv). Nothing here reads a store or imports project code:
 * the attacker knows the API only as its public schema and its documented limits (≤ 100 items a page, query cost
 * ≤ 50,000, ≤ 30 aliases, depth ≤ 12).
 */

/** One published, hidden or missing figure as the API shows it. */
export interface HarvestedCell {
  code: string;
  year: number;
  /** households, poor, nearPoor, newlyPoor, rePoor, escapedPoor, newlyNearPoor, escapedNearPoor, projectParticipants,
   *  lacking.<CODE>; rates as `rate:<count>` (rate:poor, rate:nearPoor, rate:lacking.<CODE>), in percent */
  measure: string;
  value: number | null;
  status: "PUBLISHED" | "SUPPRESSED" | "NOT_AVAILABLE";
  reason: string | null;
  note: string | null;
}

export interface HarvestedUnit {
  code: string;
  level: string;
  validFrom: string | null;
  validTo: string | null;
  parent: string | null;
  parentHistory: { parentCode: string; validFrom: string; validTo: string | null }[];
}

export interface Harvest {
  releaseId: string;
  k: number;
  years: number[];
  /** standard id → minimum number of deprivations of a poor household */
  minDeprived: Map<string, number>;
  /** (unit, year) → standard id */
  standardOf: Map<string, string>;
  units: Map<string, HarvestedUnit>;
  /** key `${code}|${year}|${measure}` */
  cells: Map<string, HarvestedCell>;
  stats: {
    requests: number; graphqlPages: number; csvRows: number; csvAdded: number; csvConflicts: string[]; projectsCsvRows: number; ms: number;
    /** earlier releases harvested too; figures hidden now but published then (used only if every figure published in
     *  both releases has the same value), and figures published in both with different values */
    earlierReleases: string[]; revealedByEarlier: number; changedAcrossReleases: number;
  };
}

export const cellKey = (code: string, year: number, measure: string) => `${code}|${year}|${measure}`;

const COUNTS = ["households", "poor", "nearPoor", "newlyPoor", "rePoor", "escapedPoor", "newlyNearPoor", "escapedNearPoor", "projectParticipants"] as const;
const RATES = { poorRate: "rate:poor", nearPoorRate: "rate:nearPoor" } as const;
/** Units a page: the cost of one page is about 540 per unit (poverty ×10, deprivations ×100), under the limit of 50,000. */
const PAGE = 80;

async function post(base: string, query: string, variables: Record<string, unknown> | undefined, counter: { requests: number }): Promise<any> {
  for (let attempt = 0; ; attempt++) {
    counter.requests++;
    const res = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", "accept-language": "en" },
      body: JSON.stringify({ query, variables }),
    });
    // A rate-limited API answers 429 with Retry-After: pace, as any patient client would.
    if (res.status === 429 && attempt < 50) {
      await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get("retry-after") ?? 1)));
      continue;
    }
    const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`GraphQL error (${res.status}): ${body.errors.map((e) => e.message).join("; ")}`);
    return body.data;
  }
}

async function get(base: string, path: string, counter: { requests: number }): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    counter.requests++;
    const res = await fetch(`${base}${path}`, { headers: { "accept-language": "en" } });
    if (res.status === 429 && attempt < 50) {
      await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get("retry-after") ?? 1)));
      continue;
    }
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    return res.text();
  }
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF), BOM stripped. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') (field += '"'), i++;
        else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      row.push(field), rows.push(row), (row = []), (field = "");
    } else field += ch;
  }
  if (field !== "" || row.length) row.push(field), rows.push(row);
  const [header, ...body] = rows;
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}

/** Harvests the latest release served at `base` (e.g. http://127.0.0.1:4000). */
export async function harvest(base: string): Promise<Harvest> {
  const started = performance.now();
  const counter = { requests: 0 };
  // What a Measure offers (a client of the old API asked for `reason`; a later API may drop or null it).
  const measureType = await post(base, `{ __type(name: "Measure") { fields { name } } }`, undefined, counter);
  const measureFields = new Set<string>((measureType.__type?.fields ?? []).map((f: { name: string }) => f.name));
  const m = ["value", "status", ...["reason", "note"].filter((f) => measureFields.has(f))].join(" ");

  const rel = await post(base, `{ release { id disclosureK years standards { id minDeprived fromYear toYear } } }`, undefined, counter);
  const release = rel.release as { id: string; disclosureK: number | null; years: number[]; standards: { id: string; minDeprived: number }[] };
  if (!release) throw new Error("the API serves no release");
  const k = release.disclosureK;
  if (!k) throw new Error("the release does not say its k (Release.disclosureK)");

  const query = `query Page($after: String, $release: ID) {
    units(first: ${PAGE}, after: $after, release: $release) {
      pageInfo { hasNextPage endCursor }
      nodes {
        code level validFrom validTo parent { code }
        parentHistory { parentCode validFrom validTo }
        poverty {
          year standard { id }
          ${COUNTS.map((c) => `${c} { ...M }`).join(" ")}
          ${Object.keys(RATES).map((c) => `${c} { ...M }`).join(" ")}
          deprivations { indicator { code } households { ...M } share { ...M } }
        }
      }
    }
  }
  fragment M on Measure { ${m} }`;

  const units = new Map<string, HarvestedUnit>();
  const standardOf = new Map<string, string>();
  let pages = 0;
  /** Every unit and figure of one release (null: the latest). */
  const harvestRelease = async (releaseId: string | null) => {
    const cells = new Map<string, HarvestedCell>();
    const put = (code: string, year: number, measure: string, x: any) =>
      cells.set(cellKey(code, year, measure), { code, year, measure, value: x.value ?? null, status: x.status, reason: x.reason ?? null, note: x.note ?? null });
    let after: string | null = null;
    for (;;) {
      const data: any = await post(base, query, { after, release: releaseId }, counter);
      pages++;
      for (const u of data.units.nodes) {
        if (releaseId === null) {
          units.set(u.code, { code: u.code, level: u.level, validFrom: u.validFrom, validTo: u.validTo, parent: u.parent?.code ?? null, parentHistory: u.parentHistory });
        }
        for (const p of u.poverty) {
          if (releaseId === null) standardOf.set(`${u.code}|${p.year}`, p.standard.id);
          for (const c of COUNTS) put(u.code, p.year, c, p[c]);
          for (const [field, measure] of Object.entries(RATES)) put(u.code, p.year, measure, p[field]);
          for (const d of p.deprivations) {
            put(u.code, p.year, `lacking.${d.indicator.code}`, d.households);
            put(u.code, p.year, `rate:lacking.${d.indicator.code}`, d.share);
          }
        }
      }
      if (!data.units.pageInfo.hasNextPage) return cells;
      after = data.units.pageInfo.endCursor;
    }
  };
  const cells = await harvestRelease(null);

  // Earlier releases: a figure hidden now but published before is known — if the releases agree wherever both publish.
  const all = await post(base, `{ releases { id } }`, undefined, counter);
  const earlierReleases = (all.releases as { id: string }[]).map((r) => r.id).filter((id) => id !== release.id);
  let revealedByEarlier = 0;
  let changedAcrossReleases = 0;
  for (const id of earlierReleases) {
    const old = await harvestRelease(id);
    const revealed: [string, HarvestedCell][] = [];
    for (const [key, was] of old) {
      const now = cells.get(key);
      if (!now || was.status !== "PUBLISHED") continue;
      if (now.status === "PUBLISHED" && now.value !== was.value) changedAcrossReleases++;
      else if (now.status === "SUPPRESSED") revealed.push([key, was]);
    }
    if (changedAcrossReleases === 0) {
      for (const [key, was] of revealed) cells.set(key, { ...was });
      revealedByEarlier += revealed.length;
    }
  }

  // The CSV downloads: the same figures again (checked against GraphQL; anything GraphQL did not give is added).
  const csvConflicts: string[] = [];
  let csvAdded = 0;
  const csv = parseCsv(await get(base, "/export/units.csv", counter));
  for (const row of csv) {
    const year = Number(row.year);
    if (!row.code || !Number.isInteger(year)) continue;
    if (!units.has(row.code)) {
      units.set(row.code, { code: row.code, level: row.level!, validFrom: row.valid_from || null, validTo: row.valid_to || null, parent: row.parent_code || null, parentHistory: [] });
    }
    for (const column of ["households", "poor", "nearPoor", "newlyPoor", "escapedPoor", "rePoor", "poorRate", "nearPoorRate"]) {
      const measure = RATES[column as keyof typeof RATES] ?? column;
      const status = row[`${column}_status`] as HarvestedCell["status"] | undefined;
      if (!status) continue;
      const value = row[column] === "" || row[column] === undefined ? null : Number(row[column]);
      const key = cellKey(row.code, year, measure);
      const known = cells.get(key);
      if (!known) {
        cells.set(key, { code: row.code, year, measure, value, status, reason: null, note: null });
        csvAdded++;
      } else if (known.status !== status || known.value !== value) {
        csvConflicts.push(`${key}: GraphQL ${known.status} ${known.value}, CSV ${status} ${value}`);
      }
    }
  }
  const projects = parseCsv(await get(base, "/export/projects.csv", counter));

  return {
    releaseId: release.id, k, years: release.years,
    minDeprived: new Map(release.standards.map((s) => [s.id, s.minDeprived])),
    standardOf, units, cells,
    stats: {
      requests: counter.requests, graphqlPages: pages, csvRows: csv.length, csvAdded, csvConflicts, projectsCsvRows: projects.length, ms: performance.now() - started,
      earlierReleases, revealedByEarlier, changedAcrossReleases,
    },
  };
}
