/**
 * The VNI (VNI-Windows) Vietnamese encoding: a base letter followed by a mark byte, read through a Windows-1252
 * font. Hand-written because iconv-lite has no VNI codec (it has TCVN3 as "tcvn" and Windows-1258). Used to recognise
 * VNI files (we never import them: we tell the officer to convert) and to write VNI fixtures in tests.
 */

/** Mark bytes (as cp1252 characters, lowercase form) after a plain vowel, by tone: acute, grave, hook, tilde, dot. */
const TONE = { "\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï" } as const;
/** After a circumflex vowel (â ê ô): the circumflex alone, then with each tone. */
const CIRCUMFLEX = { "": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä" } as const;
/** After a breve (ă). */
const BREVE = { "": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë" } as const;
/** i takes single characters. */
const I_FORMS = { "": "i", "\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò" } as const;

type Tone = "" | keyof typeof TONE;
const TONES: Tone[] = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];

/** Unicode letter (NFC) → VNI sequence (cp1252 characters). */
const ENCODE = new Map<string, string>();

function add(unicode: string, vni: string): void {
  const lower = unicode.normalize("NFC");
  ENCODE.set(lower, vni);
  ENCODE.set(lower.toUpperCase(), vni.toUpperCase());
}

for (const tone of TONES) {
  const plain = tone === "" ? "" : TONE[tone];
  for (const v of ["a", "e", "o", "u", "y"]) add(v + tone, v + plain);
  add("i" + tone, I_FORMS[tone]);
  for (const v of ["a", "e", "o"]) add(v + "\u0302" + tone, v + CIRCUMFLEX[tone]);
  add("a\u0306" + tone, "a" + BREVE[tone]);
  add("o\u031b" + tone, "ô" + plain); // ơ is the single character ô
  add("u\u031b" + tone, "ö" + plain); // ư is the single character ö
}
ENCODE.set("ỵ", "yî");
ENCODE.set("Ỵ", "YÎ");
add("đ", "ñ");

const DECODE = new Map<string, string>();
for (const [uni, vni] of ENCODE) if (uni !== vni) DECODE.set(vni, uni);

/** Encode Unicode text as VNI bytes (characters outside VNI become "?"). */
export function encodeVni(text: string): Buffer {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const mapped = ENCODE.get(ch);
    if (mapped !== undefined) out += mapped;
    else out += ch.charCodeAt(0) < 0x80 ? ch : "?";
  }
  return Buffer.from(out, "latin1");
}

/** Decode VNI bytes (or cp1252-looking text) to Unicode; unknown mark characters are kept as they are. */
export function decodeVni(input: Buffer | string): string {
  const s = typeof input === "string" ? input : input.toString("latin1");
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const two = s.slice(i, i + 2);
    const pair = two.length === 2 ? DECODE.get(two) : undefined;
    if (pair !== undefined) {
      out += pair;
      i++;
      continue;
    }
    out += DECODE.get(s[i]!) ?? s[i];
  }
  return out;
}
