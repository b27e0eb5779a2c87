/**
 * Officially reported poverty figures (số liệu công bố chính thức) of a unit, as their sources give them. Why a type
 * apart from PovertyStat: these are already public, so no disclosure control applies and no Measure wraps them; they
 * are never mixed into the counts computed from household reviews; a null means the source gives no figure.
 */
import "reflect-metadata";
import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import type { PublicModels } from "@minhbach/db/public.ts";

export enum OfficialFigureQuality {
  REPORTED = "REPORTED",
  PRELIMINARY = "PRELIMINARY",
  SECONDARY = "SECONDARY",
  UNCERTAIN = "UNCERTAIN",
}
registerEnumType(OfficialFigureQuality, {
  name: "OfficialFigureQuality",
  description: "How far an officially reported figure can be relied on, as judged when it was imported.",
  valuesConfig: {
    REPORTED: { description: "Reported by the responsible authority itself (the province, the ministry, GSO)." },
    PRELIMINARY: { description: "A preliminary or provisional result (kết quả sơ bộ), which a later report may revise." },
    SECONDARY: { description: "A secondary report: the press quoting the authority, not the authority's own document." },
    UNCERTAIN: { description: "Uncertain: figures disagree, or the basis of the figure is unclear; see `qualityNote`." },
  },
});

@ObjectType({ simpleResolvers: true, description: "A poverty figure of one unit and review year as one source officially reports it: not computed by Minh Bạch and never averaged with other sources. Each figure is null when the source gives none (not found), never 0." })
export class OfficialFigure {
  @Field(() => Int, { description: "Review year: the review at the end of that year (rà soát cuối năm)." })
  year!: number;
  @Field(() => Int, { nullable: true, description: "Poor households (hộ nghèo); null when the source gives none." })
  poorHouseholds!: number | null;
  @Field(() => Float, { nullable: true, description: "Poor households in percent of all households, as the source gives it (8.11 means 8.11 %)." })
  poorRate!: number | null;
  @Field(() => Int, { nullable: true, description: "Near-poor households (hộ cận nghèo); null when the source gives none." })
  nearPoorHouseholds!: number | null;
  @Field(() => Float, { nullable: true, description: "Near-poor households in percent of all households, as the source gives it." })
  nearPoorRate!: number | null;
  @Field(() => Int, { nullable: true, description: "Poor and near-poor households together (hộ nghèo và cận nghèo), when the source gives the sum (often the only figure of national and regional totals)." })
  poorAndNearPoorHouseholds!: number | null;
  @Field(() => Float, { nullable: true, description: "Poor and near-poor households in percent of all households (tỷ lệ nghèo đa chiều), as the source gives it." })
  poorAndNearPoorRate!: number | null;
  @Field(() => Int, { nullable: true, description: "All households of the unit (tổng số hộ), as the source gives it." })
  totalHouseholds!: number | null;
  @Field(() => OfficialFigureQuality, { description: "How far the figure can be relied on." })
  quality!: OfficialFigureQuality;
  @Field(() => String, { nullable: true, description: "Why the quality is what it is, or what to know about the figure." })
  qualityNote!: string | null;
  @Field(() => String, { nullable: true, description: "Date of the source, as precise as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD." })
  sourceDate!: string | null;

  releaseId!: string;
  sourceId!: string;

  static from(row: PublicModels.PubOfficialFigure): OfficialFigure {
    return Object.assign(new OfficialFigure(), {
      year: row.year, poorHouseholds: row.poorHouseholds, poorRate: row.poorRate, nearPoorHouseholds: row.nearPoorHouseholds,
      nearPoorRate: row.nearPoorRate, poorAndNearPoorHouseholds: row.poorAndNearPoorHouseholds, poorAndNearPoorRate: row.poorAndNearPoorRate,
      totalHouseholds: row.totalHouseholds, quality: row.quality as OfficialFigureQuality, qualityNote: row.qualityNote,
      sourceDate: row.sourceDate, releaseId: row.releaseId, sourceId: row.sourceId,
    });
  }
}
