/**
 * Recognises Vietnamese text in legacy encodings (TCVN3/ABC, VNI, Windows-1258) so that we can refuse it with a useful
 * message instead of importing mojibake. Why refuse rather than convert: a wrong guess would silently corrupt village
 * names and categories; the officer's converter (UniKey) knows the file's real font.
 */
import iconv from "iconv-lite";
import { decodeVni } from "./vni.js";

export type LegacyEncoding = "TCVN3" | "VNI" | "WINDOWS-1258";

const HOW_TO_CONVERT: Record<LegacyEncoding, string> = {
  TCVN3:
    'convert it to Unicode first: in UniKey open "Công cụ chuyển mã" (Ctrl+Shift+F6), source TCVN3 (ABC), destination Unicode; then save as "CSV UTF-8" or .xlsx',
  VNI: 'convert it to Unicode first: in UniKey open "Công cụ chuyển mã" (Ctrl+Shift+F6), source VNI Windows, destination Unicode; then save as "CSV UTF-8" or .xlsx',
  "WINDOWS-1258": 'convert it to UTF-8 first, e.g. `iconv -f WINDOWS-1258 -t UTF-8 in.csv > out.csv`, or open it in Excel and save as "CSV UTF-8"',
};

const LABEL: Record<LegacyEncoding, string> = { TCVN3: "TCVN3 (ABC)", VNI: "VNI", "WINDOWS-1258": "Windows-1258 (CP1258)" };

export function legacyEncodingReason(encoding: LegacyEncoding, what: "bytes" | "font"): string {
  const lead =
    what === "bytes"
      ? `the file is not UTF-8; it looks like ${LABEL[encoding]}`
      : `the text looks like it was typed with a ${LABEL[encoding]} font (e.g. "${encoding === "VNI" ? "Hoï vaø teân" : "Hä vµ tªn"}")`;
  return `${lead}. Nothing was imported; ${HOW_TO_CONVERT[encoding]}`;
}

/** Every precomposed Vietnamese letter (both cases), generated rather than typed. */
const VIET_LETTERS = (() => {
  const set = new Set<string>();
  const tones = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];
  const vowels = ["a", "a\u0302", "a\u0306", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u", "u\u031b", "y"];
  for (const v of vowels) for (const t of tones) {
    const ch = (v + t).normalize("NFC");
    set.add(ch);
    set.add(ch.toUpperCase());
  }
  set.add("đ").add("Đ");
  return set;
})();

/** Very common words in household review files and Vietnamese generally; a right decoding hits many of them. */
const COMMON_WORDS = new Set(
  ("hộ mã thôn bản xã phường khu vực nông thành thị số nhân khẩu thu nhập bình quân đồng người tháng điểm phân loại " +
    "dân tộc thiểu có không nghèo cận thoát tái phát sinh thiếu hụt việc làm phụ thuộc trong gia đình y tế dinh dưỡng " +
    "bảo hiểm trình độ giáo dục của lớn tình trạng đi học trẻ em chất lượng nhà ở diện tích đầu nguồn nước hoạt tiêu " +
    "hợp vệ sử dụng dịch vụ viễn thông phương tiện phục tiếp thông tin xử lý rác thải họ và tên chủ địa chỉ điện thoại " +
    "năm ngày danh sách tổng cộng ghi chú là được các một những cho với này đã theo về")
    .split(" "),
);

interface Score {
  value: number;
  hits: number;
}

/** Score a decoding: common words count most, tokens with non-Vietnamese non-ASCII characters count against. */
export function vietnameseScore(text: string): Score {
  let value = 0;
  let hits = 0;
  for (const token of text.normalize("NFC").toLowerCase().split(/[^\p{L}\p{M}]+/u)) {
    if (token === "") continue;
    if (COMMON_WORDS.has(token)) {
      hits++;
      value += 3;
      continue;
    }
    if (/^[a-z]*$/.test(token)) continue;
    let ok = true;
    let toned = 0;
    for (const ch of token) {
      if (ch < "\u0080") continue;
      if (!VIET_LETTERS.has(ch)) ok = false;
      else if (!"ăâêôơưđ".includes(ch)) toned++;
    }
    value += ok && toned <= 1 ? 1 : -2;
  }
  return { value, hits };
}

const DECODERS: Record<LegacyEncoding, (bytes: Buffer) => string> = {
  TCVN3: (b) => iconv.decode(b, "tcvn"),
  VNI: (b) => decodeVni(b),
  "WINDOWS-1258": (b) => iconv.decode(b, "windows-1258").normalize("NFC"),
};

function best(bytes: Buffer, baseline: number): LegacyEncoding | undefined {
  let winner: LegacyEncoding | undefined;
  let top = baseline;
  for (const enc of Object.keys(DECODERS) as LegacyEncoding[]) {
    const s = vietnameseScore(DECODERS[enc](bytes));
    if (s.hits > 0 && s.value > top) {
      top = s.value;
      winner = enc;
    }
  }
  return winner;
}

/** For bytes that are not valid UTF-8: which legacy encoding makes the most Vietnamese sense, if any. */
export function guessLegacyEncoding(bytes: Buffer): LegacyEncoding | undefined {
  return best(bytes, 0);
}

/**
 * For valid Unicode text (UTF-8 CSV, any XLSX): was it typed with a TCVN3 or VNI font? Such text only uses Latin-1
 * characters and reads as nonsense ("Hä vµ tªn"); re-read as legacy bytes it must make clearly more sense.
 */
export function legacyFontMojibake(text: string): LegacyEncoding | undefined {
  if (!/[\u0080-\u00ff]/.test(text) || /[^\u0000-\u00ff]/.test(text)) return undefined;
  const asIs = vietnameseScore(text);
  const bytes = Buffer.from(text, "latin1");
  const enc = best(bytes, asIs.value + 2);
  return enc === "WINDOWS-1258" ? undefined : enc; // 1258 is a byte encoding, never a font
}
