/**
 * A synthetic public store of any size for the build benchmark: provinces → districts → communes (square illustrative
 * boundaries on a grid) → villages (points), two review years. Why synthetic: the national-size case (~10,000 communes,
 * ~90,000 villages) has no real data yet; every unit is labelled synthetic.
 */
import { INDICATORS } from "@minhbach/core/standards/indicators.ts";
import { emptyReleaseContent } from "@minhbach/db/release-fixtures.ts";
import { writeRelease } from "@minhbach/db/release-writer.ts";
import { openPublicStore } from "@minhbach/db/public.ts";
import { freshStoreUrls } from "@minhbach/db/test-stores.ts";
import type { ReleaseContent } from "@minhbach/db/release-content.ts";

export interface Scale { provinces: number; districtsPer: number; communesPer: number; villagesPer: number }

export async function writeSyntheticStore(scale: Scale): Promise<{ publicUrl: string; units: number }> {
  const c: ReleaseContent = emptyReleaseContent("bench.1");
  c.release = { ...c.release, title: "Synthetic benchmark release", standards: JSON.stringify(["ND07-2021"]), parameters: JSON.stringify({ k: 5, years: [2024, 2025] }) };
  c.sources.push({ id: "synthetic", title: "Synthetic benchmark data", publisher: "Minh Bạch", url: null, date: null, kind: "SYNTHETIC", synthetic: true });
  c.standards.push({ id: "ND07-2021", name: "Chuẩn nghèo đa chiều 2022–2025", legalBasis: "Nghị định 07/2021/NĐ-CP", fromYear: 2021, toYear: 2026,
    ruralLine: 1_500_000, urbanLine: 2_000_000, minDeprived: 3 });
  INDICATORS.slice(0, 12).forEach((ind, ordinal) => c.indicators.push({ standardId: "ND07-2021", code: ind.code, dimension: ind.dimensionEn, labelVi: ind.labelVi, labelEn: ind.labelEn, ordinal }));
  const base = { gsoCode: null, validFrom: null, validTo: null, centroidLat: null, centroidLng: null, geometry: null, geometryIllustrative: true, synthetic: true };
  const cols = Math.ceil(Math.sqrt(scale.provinces * scale.districtsPer * scale.communesPer));
  let communeIndex = 0;
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const cells = (code: string, households: number) => {
    for (const year of [2024, 2025]) {
      const poor = Math.round(households * (0.02 + rnd() * 0.3));
      const near = Math.round(households * (0.02 + rnd() * 0.15));
      c.unitYears.push({ unitCode: code, year, standardId: "ND07-2021", synthetic: true, sourceIds: '["synthetic"]', coverageReported: null, coverageExpected: null });
      for (const [measure, value] of [["households", households], ["poor", poor], ["nearPoor", near]] as const) {
        c.cells.push({ unitCode: code, year, measure, value, status: "PUBLISHED" });
      }
    }
  };
  for (let p = 0; p < scale.provinces; p++) {
    const pc = String(p + 1).padStart(2, "0");
    c.units.push({ ...base, code: pc, level: "PROVINCE", name: `Tỉnh ${p + 1}`, nameAscii: `tinh ${p + 1}`, type: "TINH", parentCode: null });
    for (let d = 0; d < scale.districtsPer; d++) {
      const dc = `${pc}${d}`.padEnd(3, "0").slice(0, 2) + String(p * scale.districtsPer + d).padStart(4, "0");
      c.units.push({ ...base, code: dc, level: "DISTRICT", name: `Huyện ${p + 1}.${d + 1}`, nameAscii: `huyen ${p + 1}.${d + 1}`, type: "HUYEN", parentCode: pc });
      for (let m = 0; m < scale.communesPer; m++) {
        const cc = `C${String(communeIndex).padStart(5, "0")}`;
        const x = 102 + (communeIndex % cols) * 0.05;
        const y = 8.5 + Math.floor(communeIndex / cols) * 0.05;
        communeIndex++;
        const ring = [[x, y], [x + 0.045, y], [x + 0.045, y + 0.045], [x, y + 0.045], [x, y]];
        c.units.push({ ...base, code: cc, level: "COMMUNE", name: `Xã Bình ${communeIndex}`, nameAscii: `xa binh ${communeIndex}`, type: "XA", parentCode: dc,
          geometry: JSON.stringify({ type: "Polygon", coordinates: [ring] }), centroidLat: y + 0.0225, centroidLng: x + 0.0225 });
        let communeHouseholds = 0;
        for (let v = 0; v < scale.villagesPer; v++) {
          const vc = `${cc}-${String(v + 1).padStart(2, "0")}`;
          const hh = 60 + Math.floor(rnd() * 140);
          communeHouseholds += hh;
          c.units.push({ ...base, code: vc, level: "VILLAGE", name: `Thôn ${v + 1}`, nameAscii: `thon ${v + 1}`, type: "THON", parentCode: cc,
            centroidLat: y + 0.005 + (v % 3) * 0.012, centroidLng: x + 0.005 + Math.floor(v / 3) * 0.012 });
          cells(vc, hh);
        }
        cells(cc, communeHouseholds);
      }
    }
  }
  const { publicUrl } = freshStoreUrls("minhbach-portal-bench-");
  const db = openPublicStore(publicUrl);
  try { await writeRelease(db, c); } finally { await db.$disconnect(); }
  return { publicUrl, units: c.units.length };
}
