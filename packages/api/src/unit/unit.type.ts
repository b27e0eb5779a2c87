/** Administrative units (tỉnh, huyện, xã, thôn), their reform history and position on the map. */
import "reflect-metadata";
import { Arg, Field, Float, ID, ObjectType, registerEnumType } from "type-graphql";
import type { PublicModels } from "@minhbach/db/public.ts";
import { CHANGE_KIND_LABELS, labelOf, unitTypeLabel } from "@minhbach/core/release/labels.ts";
import { Lang } from "../common/lang.js";
import { DateScalar, GeoJSONScalar } from "../common/scalars.js";
import { connectionTypes } from "../common/connection.js";

export enum UnitLevel {
  COUNTRY = "COUNTRY",
  REGION = "REGION",
  PROVINCE = "PROVINCE",
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
  VILLAGE = "VILLAGE",
}
registerEnumType(UnitLevel, {
  name: "UnitLevel",
  description: "Administrative level, top to bottom.",
  valuesConfig: {
    COUNTRY: { description: "The whole country (toàn quốc): code VN, above the provinces; officially reported national figures attach to it, none is computed from household reviews." },
    REGION: { description: "Socio-economic region (vùng kinh tế - xã hội, GSO), codes VN-1 … VN-6: for officially reported regional figures only; not part of the parent hierarchy." },
    PROVINCE: { description: "Province or centrally governed city (tỉnh, thành phố trực thuộc trung ương)." },
    DISTRICT: { description: "District (huyện, quận, thị xã, thành phố thuộc tỉnh); abolished on 2025-07-01." },
    COMMUNE: { description: "Commune, ward or township (xã, phường, thị trấn)." },
    VILLAGE: { description: "Village or residential group (thôn, bản, tổ dân phố)." },
  },
});

@ObjectType({ simpleResolvers: true, description: "A point (WGS 84)." })
export class LatLng {
  @Field(() => Float, { description: "Latitude in degrees." })
  lat!: number;
  @Field(() => Float, { description: "Longitude in degrees." })
  lng!: number;
}

@ObjectType({ simpleResolvers: true, description: "An administrative unit as published in one release (đơn vị hành chính)." })
export class Unit {
  @Field(() => ID, { description: "GSO code (province 2 digits, district 3, commune 5), village code `<commune>-<nn>`, or `<code>.<year ended>` for a unit whose code its successor reused (e.g. 01969.2025)." })
  code!: string;
  @Field(() => String, { nullable: true, description: "The plain GSO code, also for units whose `code` carries a year suffix." })
  gsoCode!: string | null;
  @Field(() => String, { description: "Name without the type word, e.g. Lục Bình." })
  name!: string;
  @Field(() => UnitLevel, { description: "Administrative level." })
  level!: UnitLevel;
  @Field(() => String, { description: "Unit type code as stored, e.g. XA, THI_TRAN, THON." })
  type!: string;
  @Field(() => DateScalar, { nullable: true, description: "First day the unit existed in this form (null: before the data starts)." })
  validFrom!: Date | null;
  @Field(() => DateScalar, { nullable: true, description: "Last day the unit existed in this form (null: still exists)." })
  validTo!: Date | null;
  @Field(() => LatLng, { nullable: true, description: "Centroid, for map markers." })
  centroid!: LatLng | null;
  @Field(() => GeoJSONScalar, { nullable: true, description: "Boundary as a GeoJSON geometry, when imported." })
  geometry!: string | null;
  @Field(() => Boolean, { description: "True when the boundary is only illustrative (not an official map)." })
  geometryIllustrative!: boolean;
  @Field(() => Boolean, { description: "True when the unit itself (its name or boundary) is made up for the demo. Whether its figures are: `PovertyStat.synthetic`, per year." })
  synthetic!: boolean;

  releaseId!: string;
  parentCode!: string | null;
  lang!: Lang;

  @Field(() => String, { description: "Type in words, e.g. Xã / Commune, Thị trấn / Township." })
  typeLabel(@Arg("lang", () => Lang, { nullable: true, description: "Overrides the request's language." }) lang?: Lang): string {
    // The demo and real imports store the Vietnamese word ("xã"), the fixture the code (XA): both have an English label.
    return unitTypeLabel(this.type, lang ?? this.lang);
  }

  static from(row: PublicModels.PubUnit, lang: Lang): Unit {
    return Object.assign(new Unit(), {
      code: row.code, gsoCode: row.gsoCode, name: row.name, level: row.level as UnitLevel, type: row.type, validFrom: row.validFrom,
      validTo: row.validTo, geometry: row.geometry, geometryIllustrative: row.geometryIllustrative, synthetic: row.synthetic,
      centroid: row.centroidLat !== null && row.centroidLng !== null ? { lat: row.centroidLat, lng: row.centroidLng } : null,
      releaseId: row.releaseId, parentCode: row.parentCode, lang,
    });
  }
}

export const UnitConnection = connectionTypes(Unit, "Unit", "unit");

@ObjectType({ simpleResolvers: true, description: "A change to administrative units (sáp nhập, chia tách, đổi tên…), e.g. the 2025 reform." })
export class UnitChange {
  @Field(() => String, { description: "MERGE, SPLIT, RENAME, TRANSFER or ABOLISH." })
  kind!: string;
  @Field(() => DateScalar, { description: "Date the change took effect." })
  effectiveDate!: Date;
  @Field(() => String, { description: "Legal basis (căn cứ pháp lý), e.g. Nghị quyết 1683/NQ-UBTVQH15." })
  legalBasis!: string;
  @Field(() => String, { nullable: true, description: "What changed, in words." })
  note!: string | null;
  @Field(() => ID, { description: "Code of the unit before the change." })
  fromCode!: string;
  @Field(() => ID, { description: "Code of the unit after the change." })
  toCode!: string;

  releaseId!: string;
  lang!: Lang;

  @Field(() => String, { description: "Kind in words, e.g. Sáp nhập / Merger." })
  kindLabel(@Arg("lang", () => Lang, { nullable: true, description: "Overrides the request's language." }) lang?: Lang): string {
    return labelOf(CHANGE_KIND_LABELS, this.kind, lang ?? this.lang) ?? this.kind;
  }

  static from(row: PublicModels.PubUnitChange, lang: Lang): UnitChange {
    return Object.assign(new UnitChange(), {
      kind: row.kind, effectiveDate: row.effectiveDate, legalBasis: row.legalBasis, note: row.note, fromCode: row.fromCode, toCode: row.toCode,
      releaseId: row.releaseId, lang,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: "A period during which a unit belonged to a parent (villages moved to new communes on 2025-07-01)." })
export class UnitParentPeriod {
  @Field(() => ID, { description: "Code of the parent unit in that period." })
  parentCode!: string;
  @Field(() => DateScalar, { description: "First day of the period." })
  validFrom!: Date;
  @Field(() => DateScalar, { nullable: true, description: "Last day of the period (null: still so)." })
  validTo!: Date | null;

  releaseId!: string;
}
