/** The language of labels and notes. Why an enum and a header: `lang: EN` in a query, or Accept-Language from a browser. */
import "reflect-metadata";
import { registerEnumType } from "type-graphql";
import type { Lang as CoreLang } from "@minhbach/core/release/labels.ts";

export enum Lang {
  VI = "VI",
  EN = "EN",
}

registerEnumType(Lang, {
  name: "Lang",
  description: "Language of labels and notes: VI (Vietnamese, the default) or EN (English).",
  valuesConfig: { VI: { description: "Vietnamese (tiếng Việt)" }, EN: { description: "English" } },
});

/** Pick the language from `?lang=`, else Accept-Language (first of vi/en by q-order), else Vietnamese. */
export function negotiateLang(explicit: string | null | undefined, acceptLanguage: string | undefined): CoreLang {
  const e = explicit?.toUpperCase();
  if (e === "VI" || e === "EN") return e;
  if (!acceptLanguage) return "VI";
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag ?? "", q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("vi")) return "VI";
    if (tag.startsWith("en")) return "EN";
  }
  return "VI";
}
