/** Poverty-reduction projects (dự án giảm nghèo): money, households reached, villages, sources. */
import "reflect-metadata";
import { Arg, Field, ID, ObjectType } from "type-graphql";
import type { PublicModels } from "@minhbach/db/public.ts";
import { countMeasure } from "@minhbach/core/release/rates.ts";
import { FUNDING_SOURCE_LABELS, labelOf, PROJECT_STATUS_LABELS } from "@minhbach/core/release/labels.ts";
import { connectionTypes } from "../common/connection.js";
import { Lang } from "../common/lang.js";
import { Measure } from "../common/measure.type.js";
import { DateScalar, safeNumber, SafeIntScalar } from "../common/scalars.js";

@ObjectType({ simpleResolvers: true, description: "Money for a project from one funding source (nguồn vốn)." })
export class ProjectFunding {
  @Field(() => String, { description: "CENTRAL, LOCAL, CREDIT, PEOPLE or OTHER." })
  source!: string;
  @Field(() => SafeIntScalar, { description: "Budget from this source, in VND." })
  budgetVnd!: number;
  @Field(() => SafeIntScalar, { description: "Disbursed from this source, in VND." })
  disbursedVnd!: number;

  lang!: Lang;

  @Field(() => String, { description: "Funding source in words, e.g. Ngân sách trung ương / Central budget." })
  sourceLabel(@Arg("lang", () => Lang, { nullable: true, description: "Overrides the request's language." }) lang?: Lang): string {
    return labelOf(FUNDING_SOURCE_LABELS, this.source, lang ?? this.lang) ?? this.source;
  }
}

@ObjectType({ simpleResolvers: true, description: "A poverty-reduction project (dự án, mô hình giảm nghèo) and the villages where it runs." })
export class Project {
  @Field(() => ID, { description: "Project code." })
  code!: string;
  @Field(() => String, { description: "Name (tên dự án)." })
  name!: string;
  @Field(() => String, { nullable: true, description: "Programme (chương trình), e.g. the National Target Programme for Sustainable Poverty Reduction." })
  programme!: string | null;
  @Field(() => String, { nullable: true, description: "Component project (dự án thành phần), e.g. \"Dự án 2\"." })
  component!: string | null;
  @Field(() => SafeIntScalar, { nullable: true, description: "Total budget in VND (kinh phí)." })
  budgetVnd!: number | null;
  @Field(() => SafeIntScalar, { nullable: true, description: "Disbursed so far in VND (đã giải ngân)." })
  disbursedVnd!: number | null;
  @Field(() => Measure, { description: "Households taking part (may be hidden when few)." })
  households!: Measure;
  @Field(() => DateScalar, { nullable: true, description: "Start date." })
  startDate!: Date | null;
  @Field(() => DateScalar, { nullable: true, description: "End date." })
  endDate!: Date | null;
  @Field(() => String, { nullable: true, description: "PLANNED, ONGOING, COMPLETED or CANCELLED." })
  status!: string | null;
  @Field(() => String, { nullable: true, description: "Number of the decision approving the project (số quyết định)." })
  decisionRef!: string | null;
  @Field(() => Boolean, { description: "True when the project is made up for the demo." })
  synthetic!: boolean;

  releaseId!: string;
  sourceIds!: string;
  lang!: Lang;

  @Field(() => String, { nullable: true, description: "Status in words, e.g. Đã hoàn thành / Completed." })
  statusLabel(@Arg("lang", () => Lang, { nullable: true, description: "Overrides the request's language." }) lang?: Lang): string | null {
    return labelOf(PROJECT_STATUS_LABELS, this.status, lang ?? this.lang);
  }

  static from(row: PublicModels.PubProject, lang: Lang, k?: number): Project {
    return Object.assign(new Project(), {
      code: row.code, name: row.name, programme: row.programme, component: row.component, budgetVnd: safeNumber(row.budgetVnd),
      disbursedVnd: safeNumber(row.disbursedVnd), startDate: row.startDate, endDate: row.endDate, status: row.status,
      decisionRef: row.decisionRef, synthetic: row.synthetic, releaseId: row.releaseId, sourceIds: row.sourceIds, lang,
      households: Measure.of(countMeasure({ value: row.householdsValue, status: row.householdsStatus }, lang, k)),
    });
  }
}

export const ProjectConnection = connectionTypes(Project, "Project", "project");
