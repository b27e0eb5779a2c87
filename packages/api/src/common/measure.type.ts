/** A published, hidden or missing figure. Why one type: a hidden figure must look different from zero everywhere. */
import "reflect-metadata";
import { Field, Float, ObjectType, registerEnumType } from "type-graphql";
import type { MeasureValue } from "@minhbach/core/release/rates.ts";

export enum MeasureStatus {
  PUBLISHED = "PUBLISHED",
  SUPPRESSED = "SUPPRESSED",
  NOT_AVAILABLE = "NOT_AVAILABLE",
}
registerEnumType(MeasureStatus, {
  name: "MeasureStatus",
  description: "Whether a figure is shown.",
  valuesConfig: {
    PUBLISHED: { description: "Shown: `value` holds it." },
    SUPPRESSED: { description: "Hidden by disclosure control to protect households: `value` is null (never 0). Every hidden figure carries the same `note`, whichever rule hid it." },
    NOT_AVAILABLE: { description: "No data for this unit and period: `value` is null." },
  },
});

export enum SuppressionReason {
  PRIMARY = "PRIMARY",
  SMALL_UNIT = "SMALL_UNIT",
  SECONDARY = "SECONDARY",
  HISTORY = "HISTORY",
}
/** Deprecated: kept so old queries still validate; no figure carries a reason any more (see Measure.reason). */
registerEnumType(SuppressionReason, {
  name: "SuppressionReason",
  description: "Deprecated: no longer given for any figure (`Measure.reason` is always null). Per-cell reasons let an attacker bound hidden counts; the methodology page explains the rules in general terms.",
  valuesConfig: {
    PRIMARY: { description: "Never given (deprecated). Formerly: the primary rule (minimum k households)." },
    SMALL_UNIT: { description: "Never given (deprecated). Formerly: a unit too small for any breakdown." },
    SECONDARY: { description: "Never given (deprecated). Formerly: secondary suppression." },
    HISTORY: { description: "Never given (deprecated). Formerly: hidden in an earlier release." },
  },
});

@ObjectType({ simpleResolvers: true, description: "A figure with its publication status. `value` is null unless `status` is PUBLISHED." })
export class Measure {
  @Field(() => Float, { nullable: true, description: "The figure (a count, or a percentage with one decimal for rates: 8.9 means 8.9 %)." })
  value!: number | null;

  @Field(() => MeasureStatus, { description: "PUBLISHED, SUPPRESSED (hidden to protect households) or NOT_AVAILABLE." })
  status!: MeasureStatus;

  @Field(() => SuppressionReason, {
    nullable: true,
    description: "Always null. Formerly which rule hid the figure.",
    deprecationReason: "per-cell reasons let an attacker bound hidden counts; always null",
  })
  reason!: SuppressionReason | null;

  @Field(() => String, { nullable: true, description: "Why the figure is not shown, in words (in the request's language): one text for every hidden figure, or why there is no figure (no data, or too few villages/communes reported)." })
  note!: string | null;

  /** The computed value as is: it already has exactly Measure's fields (a plain object is cheaper than a copy). */
  static of(m: MeasureValue): Measure {
    return m as Measure;
  }
}
