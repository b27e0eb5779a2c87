/** Policy credit (tín dụng chính sách) and job placement (giải quyết việc làm) figures per unit and year. */
import "reflect-metadata";
import { Field, Int, ObjectType } from "type-graphql";
import { Measure } from "../common/measure.type.js";
import { SafeIntScalar } from "../common/scalars.js";

@ObjectType({ simpleResolvers: true, description: "Policy credit to poor and near-poor households in one unit, year and credit programme." })
export class CreditStat {
  @Field(() => Int, { description: "Year." })
  year!: number;
  @Field(() => String, { description: "Credit programme (chương trình tín dụng)." })
  programme!: string;
  @Field(() => Measure, { description: "Loan turns (lượt vay)." })
  loanTurns!: Measure;
  @Field(() => SafeIntScalar, { nullable: true, description: "Outstanding loans in VND (dư nợ)." })
  outstandingVnd!: number | null;
  @Field(() => Boolean, { description: "True when the figures are made up for the demo." })
  synthetic!: boolean;

  releaseId!: string;
  sourceIds!: string;
}

@ObjectType({ simpleResolvers: true, description: "Jobs found for workers of one unit in one year (giải quyết việc làm)." })
export class JobsStat {
  @Field(() => Int, { description: "Year." })
  year!: number;
  @Field(() => Measure, { description: "Workers placed in jobs in Vietnam (việc làm trong nước)." })
  domestic!: Measure;
  @Field(() => Measure, { description: "Workers sent to work abroad (đi làm việc ở nước ngoài)." })
  abroad!: Measure;
  @Field(() => Boolean, { description: "True when the figures are made up for the demo." })
  synthetic!: boolean;

  releaseId!: string;
  sourceIds!: string;
}
