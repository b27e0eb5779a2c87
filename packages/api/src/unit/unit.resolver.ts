/** Query.unit / units / search and the fields of Unit that read other rows. Thin: services own data access. */
import "reflect-metadata";
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { decodeCursor, MAX_FIRST, pageSize, toConnection } from "../common/connection.js";
import type { ApiContext } from "../context.js";
import { officialFiguresOf } from "../official/official.service.js";
import { OfficialFigure } from "../official/official.type.js";
import { povertyOf } from "../poverty/poverty.service.js";
import { PovertyStat } from "../poverty/poverty.type.js";
import { listProjects } from "../project/project.service.js";
import { ProjectConnection } from "../project/project.type.js";
import { creditOf, jobsOf } from "../support/support.service.js";
import { CreditStat, JobsStat } from "../support/support.type.js";
import { ancestorsOf, changesOf, listUnits, parentHistoryOf, searchUnits, unitByCode } from "./unit.service.js";
import { Unit, UnitChange, UnitConnection, UnitLevel, UnitParentPeriod } from "./unit.type.js";

const byCode = (u: Unit) => u.code;

@Resolver(() => Unit)
export class UnitResolver {
  @Query(() => Unit, { nullable: true, description: "A unit by code (null when the release has no such unit)." })
  unit(
    @Ctx() ctx: ApiContext,
    @Arg("code", () => ID, { description: "Unit code, e.g. 01990 (xã Lục Bình) or 01990-01 (a village)." }) code: string,
    @Arg("release", () => ID, { nullable: true, description: "Release id; the latest when omitted." }) release?: string,
  ): Promise<Unit | null> {
    return unitByCode(ctx, ctx.releases.resolve(release).id, code);
  }

  @Query(() => UnitConnection, { description: "Units by code, optionally of one level and/or under one parent (current or former)." })
  async units(
    @Ctx() ctx: ApiContext,
    @Arg("level", () => UnitLevel, { nullable: true, description: "Only units of this level." }) level?: UnitLevel,
    @Arg("parentCode", () => ID, { nullable: true, description: "Only children of this unit (including those it had before a reform)." }) parentCode?: string,
    @Arg("first", () => Int, { nullable: true, description: "Page size: default 20, max 100." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the item after which the page starts." }) after?: string,
    @Arg("release", () => ID, { nullable: true, description: "Release id; the latest when omitted." }) release?: string,
  ) {
    const page = await listUnits(ctx, ctx.releases.resolve(release).id, { level, parentCode, first: pageSize(first), after: decodeCursor(after) });
    return toConnection(page, byCode);
  }

  @Query(() => [Unit], { description: "Units whose name contains the text, ignoring diacritics and case (\"luc binh\" finds Lục Bình); codes work too. Best matches first." })
  search(
    @Ctx() ctx: ApiContext,
    @Arg("text", () => String, { description: "Name or code, with or without diacritics." }) text: string,
    @Arg("first", () => Int, { nullable: true, description: "How many results: default 20, max 100." }) first?: number,
    @Arg("release", () => ID, { nullable: true, description: "Release id; the latest when omitted." }) release?: string,
  ): Promise<Unit[]> {
    return searchUnits(ctx, ctx.releases.resolve(release).id, text, Math.min(pageSize(first), MAX_FIRST));
  }

  @FieldResolver(() => Unit, { nullable: true, description: "The unit it belongs to now (or last belonged to, for a unit that ended)." })
  parent(@Root() unit: Unit, @Ctx() ctx: ApiContext): Promise<Unit | null> {
    return unit.parentCode ? unitByCode(ctx, unit.releaseId, unit.parentCode) : Promise.resolve(null);
  }

  @FieldResolver(() => [Unit], { description: "Parent, grandparent, … up to the province." })
  ancestors(@Root() unit: Unit, @Ctx() ctx: ApiContext): Promise<Unit[]> {
    return ancestorsOf(ctx, unit);
  }

  @FieldResolver(() => [UnitParentPeriod], { description: "Which unit it belonged to when (parent history)." })
  parentHistory(@Root() unit: Unit, @Ctx() ctx: ApiContext): Promise<UnitParentPeriod[]> {
    return parentHistoryOf(ctx, unit);
  }

  @FieldResolver(() => UnitConnection, { description: "Units directly below it, including those that belonged to it before a reform." })
  async children(
    @Root() unit: Unit,
    @Ctx() ctx: ApiContext,
    @Arg("first", () => Int, { nullable: true, description: "Page size: default 20, max 100." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the item after which the page starts." }) after?: string,
  ) {
    const page = await listUnits(ctx, unit.releaseId, { parentCode: unit.code, first: pageSize(first), after: decodeCursor(after) });
    return toConnection(page, byCode);
  }

  @FieldResolver(() => [UnitChange], { description: "Changes that turned this unit into others (e.g. its merger on 2025-07-01), oldest first." })
  successors(@Root() unit: Unit, @Ctx() ctx: ApiContext): Promise<UnitChange[]> {
    return changesOf(ctx, unit, "from");
  }

  @FieldResolver(() => [UnitChange], { description: "Changes that formed this unit from others, oldest first." })
  predecessors(@Root() unit: Unit, @Ctx() ctx: ApiContext): Promise<UnitChange[]> {
    return changesOf(ctx, unit, "to");
  }

  @FieldResolver(() => [PovertyStat], { description: "Poverty review results, oldest first; all years when `year` is omitted." })
  poverty(@Root() unit: Unit, @Ctx() ctx: ApiContext, @Arg("year", () => Int, { nullable: true, description: "Only this review year." }) year?: number) {
    return povertyOf(ctx, unit.releaseId, unit, year);
  }

  @FieldResolver(() => ProjectConnection, { description: "Projects running in the unit or in any unit below it." })
  async projects(
    @Root() unit: Unit,
    @Ctx() ctx: ApiContext,
    @Arg("first", () => Int, { nullable: true, description: "Page size: default 20, max 100." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the item after which the page starts." }) after?: string,
  ) {
    const page = await listProjects(ctx, unit.releaseId, { unitCode: unit.code, first: pageSize(first), after: decodeCursor(after) });
    return toConnection(page, (p) => p.code);
  }

  @FieldResolver(() => [CreditStat], { description: "Policy credit by year and programme, oldest first." })
  credit(@Root() unit: Unit, @Ctx() ctx: ApiContext, @Arg("year", () => Int, { nullable: true, description: "Only this year." }) year?: number) {
    return creditOf(ctx, unit.releaseId, unit.code, year);
  }

  @FieldResolver(() => [JobsStat], { description: "Jobs found, by year, oldest first." })
  jobs(@Root() unit: Unit, @Ctx() ctx: ApiContext, @Arg("year", () => Int, { nullable: true, description: "Only this year." }) year?: number) {
    return jobsOf(ctx, unit.releaseId, unit.code, year);
  }

  @FieldResolver(() => [OfficialFigure], {
    description: "Officially reported poverty figures (số liệu công bố chính thức), newest year first: as published by their sources, not computed from household reviews and never averaged; several sources for one year stay side by side. A figure a source does not give is null (not found, never 0); no entry for a year means no source was found.",
  })
  officialFigures(@Root() unit: Unit, @Ctx() ctx: ApiContext, @Arg("year", () => Int, { nullable: true, description: "Only this review year." }) year?: number) {
    return officialFiguresOf(ctx, unit.releaseId, unit.code, year);
  }
}

@Resolver(() => UnitChange)
export class UnitChangeResolver {
  @FieldResolver(() => Unit, { nullable: true, description: "The unit before the change." })
  from(@Root() change: UnitChange, @Ctx() ctx: ApiContext): Promise<Unit | null> {
    return unitByCode(ctx, change.releaseId, change.fromCode);
  }

  @FieldResolver(() => Unit, { nullable: true, description: "The unit after the change." })
  to(@Root() change: UnitChange, @Ctx() ctx: ApiContext): Promise<Unit | null> {
    return unitByCode(ctx, change.releaseId, change.toCode);
  }
}

@Resolver(() => UnitParentPeriod)
export class UnitParentPeriodResolver {
  @FieldResolver(() => Unit, { nullable: true, description: "The parent unit in that period." })
  parent(@Root() period: UnitParentPeriod, @Ctx() ctx: ApiContext): Promise<Unit | null> {
    return unitByCode(ctx, period.releaseId, period.parentCode);
  }
}
