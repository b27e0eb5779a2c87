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
    SUPPRESSED: { description: "Hidden by disclosure control to protect households: `value` is null (never 0), `note` says why." },
    NOT_AVAILABLE: { description: "No data for this unit and period: `value` is null." },
  },
});

export enum SuppressionReason {
  PRIMARY = "PRIMARY",
  SMALL_UNIT = "SMALL_UNIT",
  SECONDARY = "SECONDARY",
  HISTORY = "HISTORY",
}
registerEnumType(SuppressionReason, {
  name: "SuppressionReason",
  description: "Why disclosure control hid a figure.",
  valuesConfig: {
    PRIMARY: { description: "The group, or the rest of the unit, has fewer than k households." },
    SMALL_UNIT: { description: "The unit has fewer than k households: no breakdown is published." },
    SECONDARY: { description: "Hidden so that another hidden figure cannot be worked out by subtraction." },
    HISTORY: { description: "Hidden in an earlier release; a hidden figure stays hidden." },
  },
});

@ObjectType({ simpleResolvers: true, description: "A figure with its publication status. `value` is null unless `status` is PUBLISHED." })
export class Measure {
  @Field(() => Float, { nullable: true, description: "The figure (a count, or a percentage with one decimal for rates: 8.9 means 8.9 %)." })
  value!: number | null;

  @Field(() => MeasureStatus, { description: "PUBLISHED, SUPPRESSED (hidden to protect households) or NOT_AVAILABLE." })
  status!: MeasureStatus;

  @Field(() => SuppressionReason, { nullable: true, description: "Why the figure is hidden, when SUPPRESSED." })
  reason!: SuppressionReason | null;

  @Field(() => String, { nullable: true, description: "Why the figure is not shown, in words (in the request's language)." })
  note!: string | null;

  /** The computed value as is: it already has exactly Measure's fields (a plain object is cheaper than a copy). */
  static of(m: MeasureValue): Measure {
    return m as Measure;
  }
}
