/** Where a figure comes from. Why a type: every figure is citable, and made-up demo figures say so. */
import "reflect-metadata";
import { Field, ID, ObjectType } from "type-graphql";
import type { PublicModels } from "@minhbach/db/public.ts";
import { DateScalar } from "../common/scalars.js";

@ObjectType({ simpleResolvers: true, description: "A source of figures: an article, an official report, a legal text, a data set, or the synthetic demo generator." })
export class Source {
  @Field(() => ID, { description: "Source id within the release." })
  id!: string;
  @Field(() => String, { description: "Title (tiêu đề)." })
  title!: string;
  @Field(() => String, { description: "Publisher (cơ quan phát hành)." })
  publisher!: string;
  @Field(() => String, { nullable: true, description: "Link to the source, when public." })
  url!: string | null;
  @Field(() => DateScalar, { nullable: true, description: "Publication date." })
  date!: Date | null;
  @Field(() => String, { description: "ARTICLE, OFFICIAL_REPORT, LEGAL, DATASET or SYNTHETIC." })
  kind!: string;
  @Field(() => Boolean, { description: "True for made-up demo data (dữ liệu giả lập)." })
  synthetic!: boolean;

  static from(row: PublicModels.PubSource): Source {
    return Object.assign(new Source(), {
      id: row.id, title: row.title, publisher: row.publisher, url: row.url, date: row.date, kind: row.kind, synthetic: row.synthetic,
    });
  }
}
