import { buildCategoryProblem, gaussSuppress } from "./index.ts";
import { hierarchicalTable, seededRandom } from "./test-fixtures.ts";
import { decompose } from "./attacker/decompose.ts";
import { intervalAttack } from "./attacker/interval-attack.ts";
import { chooseExtraSuppressions } from "./interval-repair.ts";
const input = hierarchicalTable(seededRandom(7), { districts: 8, communesPerDistrict: [12, 16], villagesPerCommune: [7, 11], households: [20, 250], years: [2021, 2022, 2023, 2024, 2025], reformYear: 2025, differencingPairs: 20 });
const problem = buildCategoryProblem(input);
let t = performance.now();
const lap = (l: string) => { const n = performance.now(); console.log(l, Math.round(n - t)); t = n; };
const g = gaussSuppress(problem, new Set()); lap("gauss");
const status = new Map(problem.cells.filter(c => c.publishable).map(c => [c.id, g.published.has(c.id) ? "PUBLISHED" : "SUPPRESSED"] as const));
const d = decompose(problem, status); lap("decompose");
const a = await intervalAttack(problem, status, d); lap("interval " + a.lpSolves + " " + a.mipSolves + " " + a.components + " narrow " + a.narrow.length);
const picks = chooseExtraSuppressions(problem, status, a.narrow.map(f => f.cellId), d.known); lap("repair " + picks.size);
const byId = new Map(problem.cells.map(c => [c.id, c]));
const counts: Record<string, number> = {};
for (const f of a.narrow) { const c = byId.get(f.cellId)!; const key = `${c.publishable ? "pub" : "hidden"}-${c.primaryReason}-${f.cellId.split("|")[3]}-${c.terms.length}`; counts[key] = (counts[key] ?? 0) + 1; }
console.log(counts);
for (const f of a.narrow.slice(0, 6)) console.log(f.detail, byId.get(f.cellId)!.requiredWidth, byId.get(f.cellId)!.householdsInUnit);
