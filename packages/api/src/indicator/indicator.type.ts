/** Poverty standards and their deprivation indicators, with labels in Vietnamese or English. */
import "reflect-metadata";
import { Arg, Field, ID, Int, ObjectType } from "type-graphql";
import type { PublicModels } from "@minhbach/db/public.ts";
import { INDICATORS } from "@minhbach/core/standards/indicators.ts";
import { Lang } from "../common/lang.js";

@ObjectType({ simpleResolvers: true, description: "A deprivation indicator of a poverty standard (chỉ số thiếu hụt dịch vụ xã hội cơ bản)." })
export class Indicator {
  @Field(() => ID, { description: "Stable code, e.g. HEALTH_INSURANCE." })
  code!: string;
  @Field(() => ID, { description: "Standard the indicator belongs to, e.g. ND07-2021." })
  standard!: string;
  @Field(() => Int, { description: "Position in the standard's official list." })
  ordinal!: number;

  labelVi!: string;
  labelEn!: string;
  dimensionEn!: string;
  /** Language of the request (from `lang` or Accept-Language), used when a field's own `lang` is omitted. */
  lang!: Lang;

  @Field(() => String, { description: "Label in the requested language (Vietnamese by default)." })
  label(@Arg("lang", () => Lang, { nullable: true, description: "Overrides the request's language." }) lang?: Lang): string {
    return (lang ?? this.lang) === Lang.EN ? this.labelEn : this.labelVi;
  }

  @Field(() => String, { description: "Dimension (chiều thiếu hụt) in the requested language, e.g. Y tế / Health." })
  dimension(@Arg("lang", () => Lang, { nullable: true, description: "Overrides the request's language." }) lang?: Lang): string {
    const def = INDICATORS.find((i) => i.code === this.code);
    if ((lang ?? this.lang) === Lang.EN) return def?.dimensionEn ?? this.dimensionEn;
    return def?.dimensionVi ?? this.dimensionEn;
  }

  static from(row: PublicModels.PubIndicator, lang: Lang): Indicator {
    return Object.assign(new Indicator(), {
      code: row.code, standard: row.standardId, ordinal: row.ordinal, labelVi: row.labelVi, labelEn: row.labelEn, dimensionEn: row.dimension, lang,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: "A national multidimensional poverty standard (chuẩn nghèo đa chiều) and the review years it applies to." })
export class PovertyStandard {
  @Field(() => ID, { description: "Standard id, e.g. ND07-2021 (Decree 07/2021/NĐ-CP)." })
  id!: string;
  @Field(() => String, { description: "Official name." })
  name!: string;
  @Field(() => String, { description: "Legal basis (căn cứ pháp lý), e.g. Nghị định 07/2021/NĐ-CP." })
  legalBasis!: string;
  @Field(() => Int, { description: "First review year the standard applies to." })
  fromYear!: number;
  @Field(() => Int, { description: "Last review year the standard applies to." })
  toYear!: number;
  @Field(() => Int, { description: "Rural income line, VND per person per month." })
  ruralLine!: number;
  @Field(() => Int, { description: "Urban income line, VND per person per month." })
  urbanLine!: number;
  @Field(() => Int, { description: "Minimum number of deprivations that makes a household at or below the income line poor." })
  minDeprived!: number;

  releaseId!: string;

  static from(row: PublicModels.PubStandard): PovertyStandard {
    return Object.assign(new PovertyStandard(), { ...row });
  }
}
