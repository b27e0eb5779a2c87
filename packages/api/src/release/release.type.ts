/** The Release type: an immutable, versioned, citable publication. */
import "reflect-metadata";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";
import type { ReleaseRow } from "./release.service.js";

@ObjectType({ simpleResolvers: true, description: "An immutable, versioned publication of the figures (bản công bố). A correction is a new release that names the one it supersedes." })
export class Release {
  @Field(() => ID, { description: "Release id, e.g. \"2026.1\". Cite it with the figures." })
  id!: string;
  @Field(() => Int, { description: "Publication order: higher is newer." })
  seq!: number;
  @Field(() => String, { description: "Title of the release." })
  title!: string;
  @Field(() => DateTimeScalar, { description: "When the release was produced." })
  createdAt!: Date;
  @Field(() => String, { description: "SHA-256 over the release's canonical content: lets anyone check a copy is unchanged." })
  checksum!: string;
  @Field(() => String, { nullable: true, description: "What a correction changed, in words." })
  changeNote!: string | null;
  @Field(() => Boolean, { description: "True when the release contains made-up (demo) figures. Which figures: `PovertyStat.synthetic` of each unit-year (this flag never makes a unit-year synthetic)." })
  synthetic!: boolean;
  @Field(() => Int, { nullable: true, description: "Disclosure-control threshold k: no published group has fewer than k households." })
  disclosureK!: number | null;
  @Field(() => [Int], { description: "Review years the release covers, oldest first." })
  years!: number[];
  @Field(() => Boolean, { description: "True for the latest complete release (the one used when no release is named)." })
  latest!: boolean;

  /** Id of the release this one corrects (resolved to a Release by the resolver). */
  supersedesId!: string | null;

  static from(row: ReleaseRow, latestId: string | undefined): Release {
    let params: { k?: number; years?: number[] } = {};
    try {
      params = JSON.parse(row.parameters) as typeof params;
    } catch {
      params = {};
    }
    return Object.assign(new Release(), {
      id: row.id, seq: row.seq, title: row.title, createdAt: row.createdAt, checksum: row.checksum, changeNote: row.changeNote,
      synthetic: row.synthetic, disclosureK: typeof params.k === "number" ? params.k : null,
      years: Array.isArray(params.years) ? params.years.filter((y) => typeof y === "number").sort((a, b) => a - b) : [],
      latest: row.id === latestId, supersedesId: row.supersedes,
    });
  }
}
