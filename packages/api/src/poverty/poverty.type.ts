/** Poverty figures of one unit for one review year, with rates computed from published counts only. */
import "reflect-metadata";
import { Field, Int, ObjectType } from "type-graphql";
import { Measure } from "../common/measure.type.js";
import { Indicator } from "../indicator/indicator.type.js";

@ObjectType({ simpleResolvers: true, description: "Households lacking one deprivation indicator, as a count and as a share of all households." })
export class DeprivationShare {
  @Field(() => Indicator, { description: "The indicator." })
  indicator!: Indicator;
  @Field(() => Measure, { description: "Households lacking the indicator." })
  households!: Measure;
  @Field(() => Measure, { description: "Share of all households lacking the indicator, in percent with one decimal." })
  share!: Measure;
}

@ObjectType({ simpleResolvers: true, description: "How many of a unit's children reported in a review year. A commune counts its villages; a district or province counts its communes, a commune counting as reported only when all its villages reported." })
export class Coverage {
  @Field(() => Int, { description: "Children (villages of a commune; communes of a district or province) that reported in this review year." })
  reported!: number;
  @Field(() => Int, { description: "Children that existed in this review year." })
  expected!: number;
  @Field(() => Boolean, { description: "True when every child reported. When false, no total, count or rate is published for the unit-year (its figures are NOT_AVAILABLE and their note says how many reported)." })
  complete!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "Result of the yearly poor/near-poor household review (rà soát hộ nghèo, hộ cận nghèo) of one unit. Review year Y is carried out at the end of year Y." })
export class PovertyStat {
  @Field(() => Int, { description: "Review year." })
  year!: number;
  @Field(() => Measure, { description: "Households in the unit (tổng số hộ)." })
  households!: Measure;
  @Field(() => Measure, { description: "Poor households (hộ nghèo)." })
  poor!: Measure;
  @Field(() => Measure, { description: "Near-poor households (hộ cận nghèo)." })
  nearPoor!: Measure;
  @Field(() => Measure, { description: "Poor households as a percentage of households, one decimal (8.9 means 8.9 %). Published only when both counts are." })
  poorRate!: Measure;
  @Field(() => Measure, { description: "Near-poor households as a percentage of households, one decimal. Published only when both counts are." })
  nearPoorRate!: Measure;
  @Field(() => Measure, { description: "Households newly classified poor in this review (hộ nghèo phát sinh)." })
  newlyPoor!: Measure;
  @Field(() => Measure, { description: "Households that fell back into poverty (hộ tái nghèo)." })
  rePoor!: Measure;
  @Field(() => Measure, { description: "Households that escaped poverty (hộ thoát nghèo)." })
  escapedPoor!: Measure;
  @Field(() => Measure, { description: "Households newly classified near-poor (hộ cận nghèo phát sinh)." })
  newlyNearPoor!: Measure;
  @Field(() => Measure, { description: "Households that escaped near-poverty (hộ thoát cận nghèo)." })
  escapedNearPoor!: Measure;
  @Field(() => Measure, { description: "Distinct households taking part in any poverty-reduction project in the unit that year." })
  projectParticipants!: Measure;
  @Field(() => Boolean, { description: "True when this unit-year's own figures are made up: a village of it has records from a synthetic (demo) import. Read it per year; the release's flag says only whether the release holds any synthetic figure." })
  synthetic!: boolean;
  @Field(() => Coverage, { nullable: true, description: "Children that reported in this review year against those that existed (null for villages, which have no children)." })
  coverage!: Coverage | null;

  releaseId!: string;
  unitCode!: string;
  standardId!: string;
  sourceIds!: string;
  /** The NOT_AVAILABLE note of the year (the coverage note when coverage is incomplete), for deprivations without a cell. */
  notAvailableNote!: string | undefined;
  /** lacking.<CODE> → measure, for deprivations. */
  lacking!: Map<string, { households: Measure; share: Measure }>;
}
