/**
 * Synthetic village names. Why: village lists are not published nationally, so the demo invents plausible ones —
 * Tày/Nùng/Dao-sounding for mountain communes ("Nà …", "Khuổi …", "Bản …"), numbered residential groups for wards and
 * towns — and labels every one of them synthetic. Names are drawn from syllables, never copied from a real list.
 */
import type { Rng } from "./random.js";

const TAY_FIRST = ["Nà", "Khuổi", "Bản", "Pác", "Phiêng", "Cốc", "Khau", "Nặm", "Lủng", "Bó", "Pò", "Slam", "Kéo", "Còn", "Thôm", "Đon", "Nậm", "Tổng", "Vằng", "Lùng"];
const TAY_SECOND = [
  "Mần", "Lẹng", "Đán", "Vài", "Hin", "Pán", "Quang", "Phấy", "Tàu", "Cáp", "Sliến", "Luông", "Bon", "Khiếu", "Cuôn", "Nghè",
  "Mạ", "Tậu", "Ỏi", "Slưa", "Lạn", "Coóc", "Pjạ", "Nưa", "Mòn", "Nhùng", "Khét", "Tặc", "Làng", "Phầy", "Rạo", "Thạng",
];
const KINH = ["Đồng Tâm", "Tân Lập", "Hợp Thành", "Thống Nhất", "Quyết Tiến", "Tiến Bộ", "Bình Minh", "Đoàn Kết", "Phố Mới", "Tân Thành", "Đồng Tiến", "Hòa Bình"];

export interface VillageName {
  name: string;
  type: string; // thôn | bản | tổ dân phố
}

/**
 * `count` distinct names for one commune. Urban units get "Tổ 1…N"; rural ones mostly Tày/Nùng-style names, with some
 * Kinh-style names in less remote communes. `taken` holds names already used in the commune (e.g. real villages).
 */
export function villageNames(rng: Rng, count: number, urban: boolean, remoteness: number, taken: readonly string[] = []): VillageName[] {
  if (urban) return Array.from({ length: count }, (_, i) => ({ name: `Tổ ${i + 1 + taken.length}`, type: "tổ dân phố" }));
  const used = new Set(taken);
  const out: VillageName[] = [];
  while (out.length < count) {
    const kinh = rng.chance(0.35 * (1 - remoteness));
    const name = kinh ? rng.pick(KINH) : `${rng.pick(TAY_FIRST)} ${rng.pick(TAY_SECOND)}`;
    if (used.has(name)) continue;
    used.add(name);
    out.push({ name, type: !kinh && remoteness > 0.6 && rng.chance(0.5) ? "bản" : "thôn" });
  }
  return out;
}
