-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "AdminUnit" (
    "code" TEXT NOT NULL,
    "gsoCode" TEXT,
    "level" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameAscii" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "parentCode" TEXT,
    "validFrom" TIMESTAMP(3),
    "validTo" TIMESTAMP(3),
    "geometry" TEXT,
    "geometryIllustrative" BOOLEAN NOT NULL DEFAULT false,
    "centroidLat" DOUBLE PRECISION,
    "centroidLng" DOUBLE PRECISION,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "sourceId" TEXT,

    CONSTRAINT "AdminUnit_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "UnitParent" (
    "unitCode" TEXT NOT NULL,
    "parentCode" TEXT NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3),

    CONSTRAINT "UnitParent_pkey" PRIMARY KEY ("unitCode","validFrom")
);

-- CreateTable
CREATE TABLE "UnitChange" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "fromCode" TEXT NOT NULL,
    "toCode" TEXT NOT NULL,
    "effectiveDate" TIMESTAMP(3) NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "UnitChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceCitation" (
    "id" SERIAL NOT NULL,
    "unitCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sourceId" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "SourceCitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "url" TEXT,
    "date" TIMESTAMP(3),
    "kind" TEXT NOT NULL,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdRecord" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "householdKey" TEXT NOT NULL,
    "villageCode" TEXT NOT NULL,
    "urban" BOOLEAN NOT NULL,
    "size" INTEGER NOT NULL,
    "incomePerMonth" INTEGER,
    "aScore" INTEGER,
    "deprivations" INTEGER NOT NULL,
    "reviewCategory" TEXT NOT NULL,
    "ethnicMinority" BOOLEAN NOT NULL,
    "importId" INTEGER NOT NULL,

    CONSTRAINT "HouseholdRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "year" INTEGER,
    "rows" INTEGER NOT NULL,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "sourceId" TEXT,
    "summary" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "programme" TEXT,
    "component" TEXT,
    "startDate" TIMESTAMP(3),
    "endDate" TIMESTAMP(3),
    "status" TEXT,
    "decisionRef" TEXT,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "sourceIds" TEXT NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "ProjectFunding" (
    "id" SERIAL NOT NULL,
    "projectCode" TEXT NOT NULL,
    "fundingSource" TEXT NOT NULL,
    "budgetVnd" BIGINT NOT NULL,
    "disbursedVnd" BIGINT NOT NULL,

    CONSTRAINT "ProjectFunding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectVillage" (
    "projectCode" TEXT NOT NULL,
    "villageCode" TEXT NOT NULL,

    CONSTRAINT "ProjectVillage_pkey" PRIMARY KEY ("projectCode","villageCode")
);

-- CreateTable
CREATE TABLE "ProjectParticipant" (
    "projectCode" TEXT NOT NULL,
    "householdKey" TEXT NOT NULL,
    "villageCode" TEXT NOT NULL,

    CONSTRAINT "ProjectParticipant_pkey" PRIMARY KEY ("projectCode","householdKey")
);

-- CreateTable
CREATE TABLE "CreditRecord" (
    "id" SERIAL NOT NULL,
    "unitCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "programme" TEXT NOT NULL,
    "loanTurns" INTEGER NOT NULL,
    "outstandingVnd" BIGINT NOT NULL,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "sourceIds" TEXT NOT NULL,

    CONSTRAINT "CreditRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobsRecord" (
    "id" SERIAL NOT NULL,
    "unitCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "domestic" INTEGER NOT NULL,
    "abroad" INTEGER NOT NULL,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "sourceIds" TEXT NOT NULL,

    CONSTRAINT "JobsRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" SERIAL NOT NULL,
    "unitCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "reference" TEXT,
    "date" TIMESTAMP(3),
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "sourceIds" TEXT NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" SERIAL NOT NULL,
    "unitCode" TEXT NOT NULL,
    "date" TIMESTAMP(3),
    "body" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "sourceIds" TEXT NOT NULL,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AdminUnit_parentCode_idx" ON "AdminUnit"("parentCode");

-- CreateIndex
CREATE INDEX "AdminUnit_level_idx" ON "AdminUnit"("level");

-- CreateIndex
CREATE INDEX "UnitParent_parentCode_idx" ON "UnitParent"("parentCode");

-- CreateIndex
CREATE INDEX "UnitChange_toCode_idx" ON "UnitChange"("toCode");

-- CreateIndex
CREATE UNIQUE INDEX "UnitChange_fromCode_toCode_effectiveDate_key" ON "UnitChange"("fromCode", "toCode", "effectiveDate");

-- CreateIndex
CREATE INDEX "SourceCitation_unitCode_year_idx" ON "SourceCitation"("unitCode", "year");

-- CreateIndex
CREATE INDEX "HouseholdRecord_year_villageCode_idx" ON "HouseholdRecord"("year", "villageCode");

-- CreateIndex
CREATE UNIQUE INDEX "HouseholdRecord_year_householdKey_key" ON "HouseholdRecord"("year", "householdKey");

-- CreateIndex
CREATE INDEX "ProjectFunding_projectCode_idx" ON "ProjectFunding"("projectCode");

-- CreateIndex
CREATE INDEX "ProjectParticipant_villageCode_idx" ON "ProjectParticipant"("villageCode");

-- CreateIndex
CREATE UNIQUE INDEX "CreditRecord_unitCode_year_programme_key" ON "CreditRecord"("unitCode", "year", "programme");

-- CreateIndex
CREATE UNIQUE INDEX "JobsRecord_unitCode_year_key" ON "JobsRecord"("unitCode", "year");

-- AddForeignKey
ALTER TABLE "ProjectFunding" ADD CONSTRAINT "ProjectFunding_projectCode_fkey" FOREIGN KEY ("projectCode") REFERENCES "Project"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectVillage" ADD CONSTRAINT "ProjectVillage_projectCode_fkey" FOREIGN KEY ("projectCode") REFERENCES "Project"("code") ON DELETE CASCADE ON UPDATE CASCADE;

